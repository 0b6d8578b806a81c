import { Unzlib } from 'fflate';
import { DEFAULT_LIMITS, XlicError } from '@xlic/core';

/**
 * Resource limits for PDFs under inspection (docs/SPEC.md I.1 "Limits", III.4). A rendered license
 * of 1000 items has a few hundred objects and streams of well under a megabyte; these limits leave
 * a wide margin and stop a malicious PDF from exhausting memory or time.
 */
export const PDF_LIMITS = Object.freeze({
  /** Largest PDF accepted, in bytes (the general input limit). */
  maxBytes: DEFAULT_LIMITS.maxInputBytes,
  /** Most indirect objects in one PDF. */
  maxObjects: 20_000,
  /** Largest decoded stream (attachment, page content, font, object stream), in bytes. */
  maxStreamBytes: 16 * 1024 * 1024,
});

/** PDF_TOO_LARGE unless the PDF is within the size limit. */
export function checkPdfSize(bytes: Uint8Array): void {
  if (bytes.length > PDF_LIMITS.maxBytes) throw new XlicError('PDF_TOO_LARGE', `the PDF is ${bytes.length} bytes; the limit is ${PDF_LIMITS.maxBytes}`);
}

/** PDF_TOO_LARGE unless the number of indirect objects is within the limit. */
export function checkObjectCount(count: number): void {
  if (count > PDF_LIMITS.maxObjects) throw new XlicError('PDF_TOO_LARGE', `the PDF has ${count} objects; the limit is ${PDF_LIMITS.maxObjects}`);
}

/**
 * pdf-lib inflates object streams (/Type /ObjStm) while it parses, without a size limit. Before it
 * does, inflate each one here with a bound: a stream that would exceed maxStreamBytes is PDF_TOO_LARGE,
 * one whose data cannot be delimited or inflated is PDF_MALFORMED. The renderer writes none.
 */
export function checkObjectStreams(bytes: Uint8Array): void {
  const text = latin1(bytes);
  for (let at = text.indexOf('/ObjStm'); at !== -1; at = text.indexOf('/ObjStm', at + 7)) {
    const open = /stream\r?\n/g;
    open.lastIndex = at;
    const m = open.exec(text);
    if (!m) throw new XlicError('PDF_MALFORMED', 'an object stream has no stream data');
    const start = m.index + m[0].length;
    const end = text.indexOf('endstream', start);
    if (end === -1) throw new XlicError('PDF_MALFORMED', 'an object stream does not end');
    const dict = text.slice(Math.max(0, text.lastIndexOf(' obj', at)), start);
    if (/\/FlateDecode/.test(dict)) inflateBounded(bytes.subarray(start, end), PDF_LIMITS.maxStreamBytes, true);
    else if (/\/Filter/.test(dict)) throw new XlicError('PDF_MALFORMED', 'an object stream uses a filter other than FlateDecode');
  }
}

/**
 * Inflate zlib data, refusing (PDF_TOO_LARGE) output beyond `limit` bytes after at most a small step
 * past it. `tolerateTrailing`: the data may be followed by an end-of-line before `endstream`.
 */
export function inflateBounded(data: Uint8Array, limit: number, tolerateTrailing = false): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Unzlib((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new XlicError('PDF_TOO_LARGE', `a PDF stream inflates to more than ${limit} bytes`);
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    // Small slices bound what one step of a deflate bomb (ratio up to 1032:1) can allocate.
    for (let at = 0; at < data.length && !done; at += 512) inflater.push(data.subarray(at, at + 512), at + 512 >= data.length);
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof XlicError) throw e;
    if (!(tolerateTrailing && done)) throw new XlicError('PDF_MALFORMED', 'a PDF stream is not valid Flate data', { cause: e });
  }
  if (!done) throw new XlicError('PDF_MALFORMED', 'a PDF stream ends before its Flate data does');
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
  return s;
}
