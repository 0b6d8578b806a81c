import { Unzlib, zlibSync } from 'fflate';
import { XlicError } from '@xlic/core';
import { decodeBase45, encodeBase45 } from './base45.js';
import { sha256Hex } from './digest.js';

/** Prefix of a single-code payload: `XL1:` + Base45(zlib(UTF-8 JWS)). */
export const QR_PREFIX = 'XL1:';
/** Largest QR version xlic prints (117 × 117 modules): at 0.5 mm a module, 62.5 mm with the quiet zone. */
export const QR_MAX_VERSION = 25;
/** Characters that fit a version-25 symbol at error-correction level M in alphanumeric mode. */
export const QR_MAX_TEXT = 1451;
/** Base45 characters per part of a multi-part payload (leaves room for a `XL1/iii/nnn/HHHHHHHH:` header). */
export const QR_PART_CHUNK = 1428;
/** Default ceiling for the inflated JWS (a 1000-item license is well below it). */
export const DEFAULT_MAX_INFLATED_BYTES = 4 * 1024 * 1024;

const PART = /^XL1\/([1-9][0-9]{0,2})\/([1-9][0-9]{0,2})\/([0-9A-F]{8}):(.*)$/s;

/**
 * Encode a JWS (compact or JSON serialization) as QR texts: one `XL1:` text when it fits a
 * version-25 symbol at level M, otherwise parts `XL1/<i>/<n>/<hash8>:<chunk>` where hash8 is the
 * first 8 upper-case hex digits of SHA-256 over the complete Base45 text.
 *
 * @example
 * const texts = await encodeQrPayload(jws); // ['XL1:…'] or ['XL1/1/3/0A1B2C3D:…', …]
 */
export async function encodeQrPayload(jws: string): Promise<string[]> {
  const b45 = encodeBase45(zlibSync(new TextEncoder().encode(jws), { level: 9 }));
  if (QR_PREFIX.length + b45.length <= QR_MAX_TEXT) return [QR_PREFIX + b45];
  const hash = (await sha256Hex(new TextEncoder().encode(b45))).slice(0, 8).toUpperCase();
  const chunks: string[] = [];
  let at = 0;
  while (at < b45.length) {
    let end = Math.min(at + QR_PART_CHUNK, b45.length);
    // Keep spaces away from chunk edges: some scanner apps trim them.
    while (end < b45.length && end - at > QR_PART_CHUNK - 8 && (b45[end - 1] === ' ' || b45[end] === ' ')) end--;
    chunks.push(b45.slice(at, end));
    at = end;
  }
  if (chunks.length > 999) throw new XlicError('QR_TOO_LARGE', `the signed license needs ${chunks.length} QR codes; at most 999 are supported`);
  return chunks.map((c, i) => `XL1/${i + 1}/${chunks.length}/${hash}:${c}`);
}

/** Options for decoding QR payloads. */
export interface QrDecodeOptions {
  /** Refuse (QR_INFLATE_LIMIT) when the inflated JWS would exceed this many bytes. Default 4 MiB. */
  maxInflatedBytes?: number;
}

/**
 * Decode a single `XL1:` QR text back to the JWS string. Throws XlicError QR_MALFORMED (prefix,
 * Base45, zlib, UTF-8) or QR_INFLATE_LIMIT (zip bomb). Multi-part texts go through assembleQrParts.
 *
 * @example
 * const jws = decodeQrPayload(scannedText, { maxInflatedBytes: 1 << 20 });
 */
export function decodeQrPayload(text: string, options: QrDecodeOptions = {}): string {
  const t = stripScannerNewline(text);
  if (PART.test(t)) throw new XlicError('QR_MALFORMED', 'this is one part of a multi-part QR payload: assemble all parts first (assembleQrParts)');
  if (!t.startsWith(QR_PREFIX)) throw new XlicError('QR_MALFORMED', `QR text does not start with ${QR_PREFIX}`);
  const compressed = decodeBase45(t.slice(QR_PREFIX.length));
  const bytes = inflateLimited(compressed, options.maxInflatedBytes ?? DEFAULT_MAX_INFLATED_BYTES);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (e) {
    throw new XlicError('QR_MALFORMED', 'the inflated QR payload is not UTF-8', { cause: e });
  }
}

/**
 * Reassemble the texts of a multi-part QR payload (any order, duplicates allowed) into the single
 * `XL1:` text. A single `XL1:` text is returned as is. Throws QR_PART_MISSING or QR_PART_MISMATCH
 * (parts of different payloads, hash does not match), QR_MALFORMED for a text that is not a part.
 *
 * @example
 * const jws = decodeQrPayload(await assembleQrParts(scannedTexts));
 */
export async function assembleQrParts(texts: readonly string[]): Promise<string> {
  const cleaned = texts.map(stripScannerNewline);
  if (cleaned.length === 0) throw new XlicError('QR_PART_MISSING', 'no QR text given');
  const singles = cleaned.filter((t) => t.startsWith(QR_PREFIX));
  if (singles.length > 0) {
    if (singles.length === cleaned.length && new Set(singles).size === 1) return singles[0]!;
    throw new XlicError('QR_PART_MISMATCH', 'a complete XL1: payload was mixed with other QR texts');
  }
  const parts = new Map<number, string>();
  let total: number | undefined;
  let hash: string | undefined;
  for (const t of cleaned) {
    const m = PART.exec(t);
    if (!m) throw new XlicError('QR_MALFORMED', `QR text ${JSON.stringify(t.slice(0, 24))}… is neither XL1: nor an XL1/i/n/hash: part`);
    const [i, n, h, chunk] = [Number(m[1]), Number(m[2]), m[3]!, m[4]!];
    if (i > n) throw new XlicError('QR_MALFORMED', `QR part ${i} of ${n} is out of range`);
    if ((total !== undefined && n !== total) || (hash !== undefined && h !== hash)) {
      throw new XlicError('QR_PART_MISMATCH', `QR part ${i}/${n}/${h} belongs to another payload than ${total}/${hash}`);
    }
    total = n;
    hash = h;
    const seen = parts.get(i);
    if (seen !== undefined && seen !== chunk) throw new XlicError('QR_PART_MISMATCH', `two different QR texts claim to be part ${i} of ${n}`);
    parts.set(i, chunk);
  }
  const missing: number[] = [];
  for (let i = 1; i <= total!; i++) if (!parts.has(i)) missing.push(i);
  if (missing.length > 0) throw new XlicError('QR_PART_MISSING', `QR part${missing.length > 1 ? 's' : ''} ${missing.join(', ')} of ${total} missing`);
  let b45 = '';
  for (let i = 1; i <= total!; i++) b45 += parts.get(i)!;
  const actual = (await sha256Hex(new TextEncoder().encode(b45))).slice(0, 8).toUpperCase();
  if (actual !== hash) throw new XlicError('QR_PART_MISMATCH', `the assembled QR parts hash to ${actual}, the parts announce ${hash}`);
  return QR_PREFIX + b45;
}

/**
 * Decode QR texts as scanned (one single code, or all parts of a multi-part payload) to the JWS.
 *
 * @example
 * const jws = await decodeQrTexts(['XL1/1/2/…', 'XL1/2/2/…']);
 */
export async function decodeQrTexts(texts: readonly string[], options: QrDecodeOptions = {}): Promise<string> {
  return decodeQrPayload(await assembleQrParts(texts), options);
}

// zbarimg and many scanner apps end their output with a newline; nothing else is trimmed.
function stripScannerNewline(text: string): string {
  return text.replace(/\r?\n$/, '');
}

function inflateLimited(compressed: Uint8Array, limit: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let done = false;
  const inflater = new Unzlib((chunk, final) => {
    size += chunk.length;
    if (size > limit) throw new XlicError('QR_INFLATE_LIMIT', `the QR payload inflates to more than ${limit} bytes`);
    chunks.push(chunk);
    if (final) done = true;
  });
  try {
    // Small input slices bound the memory a deflate bomb (ratio up to 1032:1) can claim per step.
    for (let at = 0; at < compressed.length; at += 512) inflater.push(compressed.subarray(at, at + 512), at + 512 >= compressed.length);
    if (compressed.length === 0) inflater.push(new Uint8Array(0), true);
  } catch (e) {
    if (e instanceof XlicError) throw e;
    throw new XlicError('QR_MALFORMED', 'the QR payload is not valid zlib data', { cause: e });
  }
  if (!done) throw new XlicError('QR_MALFORMED', 'the QR payload ends before the zlib stream does');
  const out = new Uint8Array(size);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  const trailer = compressed.subarray(compressed.length - 4);
  const expected = ((trailer[0]! << 24) | (trailer[1]! << 16) | (trailer[2]! << 8) | trailer[3]!) >>> 0;
  if (adler32(out) !== expected) throw new XlicError('QR_MALFORMED', 'the QR payload fails its zlib (Adler-32) checksum');
  return out;
}

function adler32(bytes: Uint8Array): number {
  let a = 1;
  let b = 0;
  for (let i = 0; i < bytes.length; ) {
    const end = Math.min(i + 5552, bytes.length);
    for (; i < end; i++) {
      a += bytes[i]!;
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}
