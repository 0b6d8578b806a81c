import { PDFName, type PDFDocument } from 'pdf-lib';
import { isXlicError } from '@xlic/core';
import { parseContentStream, operandText, type Operation } from './content-stream.js';
import { extractEmbedded } from './extract.js';
import { dictOf, get, loadPdf, pageContent, streamBytes } from './pdf-objects.js';
import { decodeShown, parseToUnicode, type UnicodeMap } from './to-unicode.js';
import { XLIC_CATALOG_KEY } from './render.js';

/** One difference between an expected (re-rendered) and an actual license PDF. */
export interface RenderingDifference {
  /** 1-based page number; 0 for the document as a whole. */
  page: number;
  kind: 'text' | 'graphics' | 'page-count' | 'structure';
  expected: string;
  actual: string;
}

/** The verdict of comparePdfRendering. */
export interface RenderingComparison {
  /** True exactly when the two files are byte-identical. */
  identical: boolean;
  differences: RenderingDifference[];
}

const TEXT_STATE_OPS = new Set(['Tf', 'Tm', 'Td', 'TD', 'T*', 'Tc', 'Tw', 'Tz', 'TL', 'Tr', 'Ts', 'rg', 'RG', 'g', 'G', 'k', 'K', 'sc', 'scn', 'cs', 'CS', 'q', 'Q']);
const SHOW_OPS = new Set(['Tj', 'TJ', "'", '"']);
const MAX_GRAPHICS_REPORTS = 8;

/**
 * Compare a license PDF with the PDF re-rendered from its attached, verified JWS. Rendering is
 * deterministic, so a faithful PDF is byte-identical; otherwise the differences say what changed:
 * the text shown (decoded through each font's /ToUnicode), graphics operations (rules, bands, QR
 * modules), the page count, and the structure (fonts, attachments, actions, recorded QR texts).
 *
 * @example
 * const expected = await renderLicensePdf({ license, jws, signers, fonts });
 * const { identical, differences } = await comparePdfRendering(actualPdf, expected);
 * // differences: [{ page: 1, kind: 'text', expected: '10 C62', actual: '100 C62' }]
 */
export async function comparePdfRendering(actualPdf: Uint8Array, expectedPdf: Uint8Array): Promise<RenderingComparison> {
  if (sameBytes(actualPdf, expectedPdf)) return { identical: true, differences: [] };
  const differences: RenderingDifference[] = [];
  let actual: PDFDocument;
  let expected: PDFDocument;
  try {
    expected = await loadPdf(expectedPdf);
  } catch (e) {
    throw isXlicError(e) ? e : new Error(String(e));
  }
  try {
    actual = await loadPdf(actualPdf);
  } catch (e) {
    return { identical: false, differences: [{ page: 0, kind: 'structure', expected: 'a readable PDF', actual: isXlicError(e) ? e.message : String(e) }] };
  }
  const pages = Math.min(actual.getPageCount(), expected.getPageCount());
  if (actual.getPageCount() !== expected.getPageCount()) differences.push({ page: 0, kind: 'page-count', expected: String(expected.getPageCount()), actual: String(actual.getPageCount()) });
  for (let i = 0; i < pages; i++) differences.push(...comparePage(actual, expected, i));
  differences.push(...(await compareStructure(actual, expected, actualPdf, expectedPdf)));
  if (differences.length === 0) {
    differences.push({ page: 0, kind: 'structure', expected: `${expectedPdf.length} bytes`, actual: `${actualPdf.length} bytes, different bytes outside pages, attachments and catalog (metadata, object layout)` });
  }
  return { identical: false, differences };
}

interface PageView {
  texts: Array<{ text: string; key: string }>;
  graphics: string[];
  fonts: Map<string, Uint8Array | undefined>;
  resources: string[];
  box: string;
}

function viewPage(doc: PDFDocument, index: number): PageView {
  const page = doc.getPage(index);
  const resources = dictOf(doc, page.node.get(PDFName.of('Resources')));
  const fontDict = dictOf(doc, resources?.get(PDFName.of('Font')));
  const cmaps = new Map<string, UnicodeMap | undefined>();
  const fonts = new Map<string, Uint8Array | undefined>();
  for (const [key, ref] of fontDict?.entries() ?? []) {
    const font = dictOf(doc, ref);
    const toUnicode = streamBytes(doc, font?.get(PDFName.of('ToUnicode')));
    cmaps.set(key.decodeText(), toUnicode ? parseToUnicode(new TextDecoder('latin1').decode(toUnicode)) : undefined);
    const descendant = dictOf(doc, (get(doc, font, 'DescendantFonts') as { get?(i: number): unknown } | undefined)?.get?.(0) as never) ?? font;
    const descriptor = dictOf(doc, descendant?.get(PDFName.of('FontDescriptor')));
    const program = descriptor ? (descriptor.get(PDFName.of('FontFile2')) ?? descriptor.get(PDFName.of('FontFile3')) ?? descriptor.get(PDFName.of('FontFile'))) : undefined;
    fonts.set(key.decodeText(), streamBytes(doc, program));
  }
  const ops: Operation[] = parseContentStream(pageContent(doc, index));
  const texts: PageView['texts'] = [];
  const graphics: string[] = [];
  let inText = false;
  let font = '';
  let text = '';
  let raw = '';
  for (const op of ops) {
    const line = `${op.operands.map(operandText).join(' ')} ${op.operator}`.trim();
    if (op.operator === 'BT') {
      inText = true;
      text = '';
      raw = '';
    } else if (op.operator === 'ET') {
      inText = false;
      if (text !== '' || raw !== '') texts.push({ text, key: `${text}\u0000${raw}` });
    } else if (inText && SHOW_OPS.has(op.operator)) {
      for (const operand of op.operands) {
        const strings = operand.type === 'array' ? operand.items : [operand];
        for (const s of strings) if (s.type === 'string') text += decodeShown(s.bytes, cmaps.get(font));
      }
      raw += line + '\n';
    } else if (inText && TEXT_STATE_OPS.has(op.operator)) {
      if (op.operator === 'Tf' && op.operands[0]?.type === 'name') font = op.operands[0].value;
      raw += line + '\n';
    } else {
      graphics.push(line);
    }
  }
  const other = (name: string): string[] => [...(dictOf(doc, resources?.get(PDFName.of(name)))?.keys() ?? [])].map((k) => `${name} ${k.decodeText()}`);
  const annots = page.node.get(PDFName.of('Annots')) ? ['Annots'] : [];
  return { texts, graphics, fonts, resources: [...other('XObject'), ...other('Pattern'), ...other('Shading'), ...annots].sort(), box: page.getMediaBox() ? JSON.stringify(page.getMediaBox()) : '' };
}

function comparePage(actualDoc: PDFDocument, expectedDoc: PDFDocument, index: number): RenderingDifference[] {
  const page = index + 1;
  const a = viewPage(actualDoc, index);
  const e = viewPage(expectedDoc, index);
  const out: RenderingDifference[] = [];
  if (a.box !== e.box) out.push({ page, kind: 'structure', expected: `page size ${e.box}`, actual: `page size ${a.box}` });
  for (const [name, program] of e.fonts) {
    const other = a.fonts.get(name);
    if (!other || !program || !sameBytes(program, other)) out.push({ page, kind: 'structure', expected: `font ${name} as rendered`, actual: other ? `font ${name} with a different font program` : `font ${name} missing` });
  }
  for (const name of a.fonts.keys()) if (!e.fonts.has(name)) out.push({ page, kind: 'structure', expected: 'no such font', actual: `extra font ${name}` });
  if (a.resources.join() !== e.resources.join()) out.push({ page, kind: 'structure', expected: e.resources.join(', ') || 'no images, patterns or annotations', actual: a.resources.join(', ') || 'none' });

  for (const [x, y] of align(e.texts.map((t) => t.key), a.texts.map((t) => t.key))) {
    const et = x === undefined ? undefined : e.texts[x]!;
    const at = y === undefined ? undefined : a.texts[y]!;
    const expected = et?.text ?? '';
    const actual = at?.text ?? '';
    out.push({ page, kind: 'text', expected: et ? expected : '(nothing)', actual: at ? (actual === expected ? `${actual} (same text, drawn differently: glyph codes, font, colour or position)` : actual) : '(nothing)' });
  }
  const g = align(e.graphics, a.graphics);
  g.slice(0, MAX_GRAPHICS_REPORTS).forEach(([x, y]) => out.push({ page, kind: 'graphics', expected: x === undefined ? '(nothing)' : e.graphics[x]!, actual: y === undefined ? '(nothing)' : a.graphics[y]! }));
  if (g.length > MAX_GRAPHICS_REPORTS) out.push({ page, kind: 'graphics', expected: `${e.graphics.length} graphics operations`, actual: `${a.graphics.length} graphics operations, ${g.length} differing (first ${MAX_GRAPHICS_REPORTS} shown)` });
  return out;
}

/**
 * Differences between two sequences as pairs (expected index, actual index); an undefined side is
 * a deletion or insertion. Replacements pair up a run of deletions with a run of insertions.
 */
function align(expected: readonly string[], actual: readonly string[]): Array<[number | undefined, number | undefined]> {
  let start = 0;
  while (start < expected.length && start < actual.length && expected[start] === actual[start]) start++;
  let endE = expected.length;
  let endA = actual.length;
  while (endE > start && endA > start && expected[endE - 1] === actual[endA - 1]) {
    endE--;
    endA--;
  }
  const n = endE - start;
  const m = endA - start;
  const out: Array<[number | undefined, number | undefined]> = [];
  if (n * m > 4_000_000) {
    // Too large for a table: pair positionally.
    for (let k = 0; k < Math.max(n, m); k++) out.push([k < n ? start + k : undefined, k < m ? start + k : undefined]);
    return out;
  }
  const lcs = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = expected[start + i] === actual[start + j] ? lcs[(i + 1) * (m + 1) + j + 1]! + 1 : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!);
  let i = 0;
  let j = 0;
  let dels: number[] = [];
  let ins: number[] = [];
  const flush = (): void => {
    for (let k = 0; k < Math.max(dels.length, ins.length); k++) out.push([dels[k], ins[k]]);
    dels = [];
    ins = [];
  };
  while (i < n || j < m) {
    if (i < n && j < m && expected[start + i] === actual[start + j]) {
      flush();
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!)) dels.push(start + i++);
    else ins.push(start + j++);
  }
  flush();
  return out;
}

async function compareStructure(actual: PDFDocument, expected: PDFDocument, actualBytes: Uint8Array, expectedBytes: Uint8Array): Promise<RenderingDifference[]> {
  const out: RenderingDifference[] = [];
  const [ea, ee] = await Promise.all([extractEmbedded(actualBytes), extractEmbedded(expectedBytes)]);
  const describe = (r: typeof ea): string[] => [...(r.license ? [r.license] : []), ...r.declarations, ...r.others].map((f) => `${f.name} (${f.bytes.length} bytes, ${f.relationship ?? 'no relationship'})`);
  const files = (r: typeof ea) => [...(r.license ? [r.license] : []), ...r.declarations, ...r.others];
  const fa = files(ea);
  const fe = files(ee);
  const same = fa.length === fe.length && fe.every((f, i) => fa[i]!.name === f.name && fa[i]!.relationship === f.relationship && sameBytes(fa[i]!.bytes, f.bytes));
  if (!same) out.push({ page: 0, kind: 'structure', expected: `attachments ${describe(ee).join(', ')}`, actual: `attachments ${describe(ea).join(', ') || 'none'}` });
  const problems = ea.problems.filter((p) => !ee.problems.some((q) => q.code === p.code));
  for (const p of problems) out.push({ page: 0, kind: 'structure', expected: `no ${p.code}`, actual: `${p.code}: ${p.message}` });
  for (const key of [XLIC_CATALOG_KEY, 'OpenAction', 'AA', 'AcroForm', 'Names', 'AF', 'Outlines']) {
    const a = catalogEntry(actual, key);
    const e = catalogEntry(expected, key);
    if (a !== e && !(key === 'Names' || key === 'AF')) out.push({ page: 0, kind: 'structure', expected: `catalog /${key} ${e || 'absent'}`.slice(0, 300), actual: `catalog /${key} ${a || 'absent'}`.slice(0, 300) });
  }
  return out;
}

function catalogEntry(doc: PDFDocument, key: string): string {
  const value = doc.catalog.get(PDFName.of(key));
  if (value === undefined) return '';
  const resolved = doc.context.lookup(value);
  return resolved ? resolved.toString() : '';
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}
