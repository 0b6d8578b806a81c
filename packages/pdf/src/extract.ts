import { PDFName, PDFRef, type PDFDocument, type PDFObject } from 'pdf-lib';
import { finding, isXlicError, type Finding } from '@xlic/core';
import { findActiveContent, countRevisions } from './active-content.js';
import { LICENSE_FILE_COMPACT, LICENSE_FILE_JSON } from './attachments.js';
import { jwsPayloadBytes } from './jws-payload.js';
import { arrayOf, dictOf, get, loadPdf, nameOf, streamBytes, textOf } from './pdf-objects.js';

/** One embedded file as found in the PDF. */
export interface EmbeddedFile {
  name: string;
  bytes: Uint8Array;
  /** /Subtype of the embedded file stream (its MIME type), when present. */
  mimeType?: string;
  /** /AFRelationship of the file specification, when present. */
  relationship?: string;
}

/** An embedded end-use declaration, with the `id` from its payload when readable. */
export interface EmbeddedDeclaration extends EmbeddedFile {
  id?: string;
}

/** What extractEmbedded found. `problems` are findings with PDF_* codes. */
export interface ExtractResult {
  license?: EmbeddedFile;
  declarations: EmbeddedDeclaration[];
  /** Other embedded files (neither the license nor a declaration). */
  others: EmbeddedFile[];
  problems: Finding[];
}

const MAX_TREE_DEPTH = 32;

/**
 * Find the signed license and the declarations embedded in a license PDF, and report what makes the
 * PDF untrustworthy as a carrier: PDF_MALFORMED, PDF_NO_ATTACHMENT, PDF_CONFLICTING_ATTACHMENTS,
 * PDF_ACTIVE_CONTENT (JavaScript, open/launch actions), PDF_INCREMENTAL_UPDATE.
 *
 * @example
 * const { license, problems } = await extractEmbedded(pdfBytes);
 * if (license) verify(new TextDecoder().decode(license.bytes));
 */
export async function extractEmbedded(pdfBytes: Uint8Array): Promise<ExtractResult> {
  const problems: Finding[] = [];
  const revisions = countRevisions(pdfBytes);
  if (revisions > 1) problems.push(finding('PDF_INCREMENTAL_UPDATE', '', `the PDF was changed after it was written: ${revisions} revisions (%%EOF/startxref markers), a rendered license has one`));
  let doc: PDFDocument;
  try {
    doc = await loadPdf(pdfBytes);
  } catch (e) {
    problems.push(finding(isXlicError(e) ? e.code : 'PDF_MALFORMED', '', isXlicError(e) ? e.message : String(e)));
    return { declarations: [], others: [], problems };
  }
  for (const where of findActiveContent(doc)) problems.push(finding('PDF_ACTIVE_CONTENT', '', `active content: ${where}`));

  const files = collectFiles(doc, problems);
  const licenses = files.filter((f) => f.relationship === 'Source' || f.name === LICENSE_FILE_COMPACT || f.name === LICENSE_FILE_JSON);
  const declarations: EmbeddedDeclaration[] = [];
  const others: EmbeddedFile[] = [];
  for (const f of files) {
    if (licenses.includes(f)) continue;
    if (f.relationship === 'Supplement' || f.name.startsWith('declaration-')) declarations.push(withId(f));
    else others.push(f);
  }
  let license: EmbeddedFile | undefined;
  if (licenses.length === 0) problems.push(finding('PDF_NO_ATTACHMENT', '', files.length === 0 ? 'the PDF has no embedded files: the signed license is not attached' : `none of the ${files.length} embedded files is the signed license (${LICENSE_FILE_COMPACT} or ${LICENSE_FILE_JSON}, /AFRelationship /Source)`));
  else if (licenses.some((l) => !sameBytes(l.bytes, licenses[0]!.bytes))) problems.push(finding('PDF_CONFLICTING_ATTACHMENTS', '', `the PDF carries ${licenses.length} different license attachments (${licenses.map((l) => l.name).join(', ')})`));
  else license = licenses[0];
  return license ? { license, declarations, others, problems } : { declarations, others, problems };
}

function collectFiles(doc: PDFDocument, problems: Finding[]): EmbeddedFile[] {
  const specs: PDFObject[] = [];
  const seen = new Set<string>();
  const add = (obj: PDFObject | undefined): void => {
    if (obj === undefined) return;
    if (obj instanceof PDFRef) {
      if (seen.has(obj.toString())) return;
      seen.add(obj.toString());
    }
    specs.push(obj);
  };
  const walk = (node: PDFObject | undefined, depth: number): void => {
    const dict = dictOf(doc, node);
    if (!dict || depth > MAX_TREE_DEPTH) return;
    const names = arrayOf(doc, dict.get(nameKey('Names')));
    if (names) for (let i = 1; i < names.size(); i += 2) add(names.get(i));
    const kids = arrayOf(doc, dict.get(nameKey('Kids')));
    if (kids) for (let i = 0; i < kids.size(); i++) walk(kids.get(i), depth + 1);
  };
  walk(get(doc, dictOf(doc, doc.catalog.get(nameKey('Names'))), 'EmbeddedFiles'), 0);
  const af = arrayOf(doc, doc.catalog.get(nameKey('AF')));
  if (af) for (let i = 0; i < af.size(); i++) add(af.get(i));

  const files: EmbeddedFile[] = [];
  for (const s of specs) {
    const spec = dictOf(doc, s);
    if (!spec) continue;
    const name = textOf(get(doc, spec, 'UF')) ?? textOf(get(doc, spec, 'F')) ?? '';
    const ef = dictOf(doc, spec.get(nameKey('EF')));
    const streamObj = ef ? (ef.get(nameKey('F')) ?? ef.get(nameKey('UF'))) : undefined;
    let bytes: Uint8Array | undefined;
    try {
      bytes = streamBytes(doc, streamObj);
    } catch (e) {
      problems.push(finding(isXlicError(e) && e.code === 'PDF_TOO_LARGE' ? 'PDF_TOO_LARGE' : 'PDF_MALFORMED', '', `embedded file ${JSON.stringify(name)} cannot be decoded: ${(e as Error).message}`));
      continue;
    }
    if (!bytes) continue;
    const mimeType = nameOf(get(doc, dictOf(doc, streamObj), 'Subtype'));
    const relationship = nameOf(get(doc, spec, 'AFRelationship'));
    files.push({ name, bytes, ...(mimeType ? { mimeType } : {}), ...(relationship ? { relationship } : {}) });
  }
  return files;
}

function withId(f: EmbeddedFile): EmbeddedDeclaration {
  try {
    const payload = JSON.parse(new TextDecoder().decode(jwsPayloadBytes(new TextDecoder().decode(f.bytes)))) as { id?: unknown };
    return typeof payload.id === 'string' ? { ...f, id: payload.id } : f;
  } catch {
    return f;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function nameKey(key: string): PDFName {
  return PDFName.of(key);
}
