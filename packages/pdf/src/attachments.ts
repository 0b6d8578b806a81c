import { PDFArray, PDFHexString, PDFName, PDFString, type PDFDict, type PDFDocument, type PDFRef } from 'pdf-lib';

/** File name of the signed license in compact JWS serialization. */
export const LICENSE_FILE_COMPACT = 'license.jws';
/** File name of the signed license in JSON (general) JWS serialization, e.g. when countersigned. */
export const LICENSE_FILE_JSON = 'license.jws.json';
/** MIME type of a compact JWS (RFC 7515 §9.2.1). */
export const MIME_JOSE = 'application/jose';
/** MIME type of a JSON-serialized JWS (RFC 7515 §9.2.2). */
export const MIME_JOSE_JSON = 'application/jose+json';

/** One file to embed as a PDF/A-3 associated file. */
export interface AssociatedFile {
  name: string;
  bytes: Uint8Array;
  mimeType: string;
  description: string;
  /** ISO 32000-2 / PDF/A-3 relationship: Source for the license, Supplement for declarations. */
  relationship: 'Source' | 'Supplement';
  modDate: string;
}

/** True when the JWS text is a JSON serialization (starts with `{`), false for compact. */
export function isJsonSerialization(jws: string): boolean {
  return jws.trimStart().startsWith('{');
}

/** Attachment name for a declaration: its id with characters outside [A-Za-z0-9._-] replaced by `_`. */
export function declarationFileName(id: string, jws: string, taken: Set<string>): string {
  const base = `declaration-${id.replace(/[^A-Za-z0-9._-]/g, '_')}`;
  const ext = isJsonSerialization(jws) ? '.jws.json' : '.jws';
  let name = base + ext;
  for (let i = 2; taken.has(name); i++) name = `${base}-${i}${ext}`;
  taken.add(name);
  return name;
}

/**
 * Embed files the PDF/A-3 way: an /EmbeddedFiles name tree (sorted by name), a file specification
 * with /AFRelationship per file, and the catalog's /AF array listing every file specification.
 * (pdf-lib's own `attach` writes a wrong name for some relationships, so the objects are built here.)
 */
export function embedAssociatedFiles(doc: PDFDocument, files: readonly AssociatedFile[]): void {
  const ctx = doc.context;
  const specs: Array<{ name: string; ref: PDFRef }> = [];
  for (const f of files) {
    const stream = ctx.flateStream(f.bytes, {
      Type: 'EmbeddedFile',
      Subtype: f.mimeType,
      Params: { Size: f.bytes.length, ModDate: PDFString.of(f.modDate) },
    });
    const streamRef = ctx.register(stream);
    const spec = ctx.obj({
      Type: 'Filespec',
      F: PDFString.of(f.name),
      UF: PDFHexString.fromText(f.name),
      EF: { F: streamRef, UF: streamRef },
      Desc: PDFHexString.fromText(f.description),
      AFRelationship: PDFName.of(f.relationship),
    });
    specs.push({ name: f.name, ref: ctx.register(spec) });
  }
  const sorted = [...specs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const names = PDFArray.withContext(ctx);
  for (const s of sorted) {
    names.push(PDFString.of(s.name));
    names.push(s.ref);
  }
  const tree = ctx.obj({});
  tree.set(PDFName.of('Names'), names);
  const namesDict = ctx.obj({}) as PDFDict;
  namesDict.set(PDFName.of('EmbeddedFiles'), ctx.register(tree));
  doc.catalog.set(PDFName.of('Names'), namesDict);
  const af = PDFArray.withContext(ctx);
  for (const s of specs) af.push(s.ref);
  doc.catalog.set(PDFName.of('AF'), af);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseAttachments'));
}
