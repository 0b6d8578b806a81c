import { PDFArray, PDFDict, PDFName, PDFStream, type PDFDocument, type PDFObject } from 'pdf-lib';

const ACTIVE_KEYS = new Set(['JS', 'JavaScript', 'OpenAction', 'AA', 'RichMedia', 'XFA']);
const ACTIVE_ACTIONS = new Set(['JavaScript', 'Launch', 'SubmitForm', 'ImportData', 'GoToR', 'GoToE', 'RichMediaExecute', 'Rendition', 'Sound', 'Movie']);

/**
 * Where a PDF can run code or act on opening: JavaScript, open actions, additional actions, launch,
 * form submission, remote go-to, rich media. A rendered license has none of these. Walks every object.
 */
export function findActiveContent(doc: PDFDocument): string[] {
  const found = new Set<string>();
  const visit = (obj: PDFObject, where: string): void => {
    const dict = obj instanceof PDFStream ? obj.dict : obj instanceof PDFDict ? obj : undefined;
    if (dict) {
      for (const [key, value] of dict.entries()) {
        const k = key.decodeText();
        if (ACTIVE_KEYS.has(k)) found.add(`/${k} in ${where}`);
        if (k === 'S' && value instanceof PDFName && ACTIVE_ACTIONS.has(value.decodeText())) found.add(`/S /${value.decodeText()} action in ${where}`);
        if (value instanceof PDFDict || value instanceof PDFArray) visit(value, where);
      }
    } else if (obj instanceof PDFArray) {
      for (let i = 0; i < obj.size(); i++) visit(obj.get(i), where);
    }
  };
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) visit(obj, `object ${ref.objectNumber}`);
  visit(doc.catalog, 'the catalog');
  return [...found].sort();
}

/**
 * Count of revisions by end-of-file markers: a PDF written once has one `startxref` and one `%%EOF`;
 * every incremental update appends another pair.
 */
export function countRevisions(bytes: Uint8Array): number {
  const text = latin1(bytes);
  const eof = text.match(/%%EOF/g)?.length ?? 0;
  const startxref = text.match(/startxref/g)?.length ?? 0;
  return Math.max(eof, startxref);
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
