/**
 * A minimal, strict DER reader and writer: just what certificates, CRLs and PKCS#8 need.
 *
 * Strict on purpose (fail closed): definite minimal lengths, no trailing bytes, low tag numbers only.
 * Every failure throws {@link DerError}; callers turn it into their own code (CERT_PARSE, KEY_INVALID…).
 */

/** Raised for malformed DER; never escapes the package (callers wrap it). */
export class DerError extends Error {
  override readonly name = 'DerError';
}

/** Universal and context tags used in this package. */
export const TAG = {
  BOOLEAN: 0x01,
  INTEGER: 0x02,
  BIT_STRING: 0x03,
  OCTET_STRING: 0x04,
  NULL: 0x05,
  OID: 0x06,
  ENUMERATED: 0x0a,
  UTF8_STRING: 0x0c,
  PRINTABLE_STRING: 0x13,
  T61_STRING: 0x14,
  IA5_STRING: 0x16,
  UTC_TIME: 0x17,
  GENERALIZED_TIME: 0x18,
  UNIVERSAL_STRING: 0x1c,
  BMP_STRING: 0x1e,
  SEQUENCE: 0x30,
  SET: 0x31,
} as const;

/** One decoded TLV. `bytes` is the whole encoding (tag, length, value); `value` the contents. */
export interface DerNode {
  tag: number;
  bytes: Uint8Array;
  value: Uint8Array;
}

const MAX_LENGTH_BYTES = 4; // lengths above 4 GiB are not ours to read

/** Read one TLV at `offset`; returns the node and the offset after it. */
export function readTlv(input: Uint8Array, offset = 0): { node: DerNode; next: number } {
  if (offset + 2 > input.length) throw new DerError('truncated DER: no room for tag and length');
  const tag = input[offset]!;
  if ((tag & 0x1f) === 0x1f) throw new DerError('high tag numbers are not supported');
  let pos = offset + 1;
  const first = input[pos++]!;
  let length: number;
  if (first < 0x80) {
    length = first;
  } else {
    const count = first & 0x7f;
    if (count === 0) throw new DerError('indefinite length is not DER');
    if (count > MAX_LENGTH_BYTES) throw new DerError('length field too long');
    if (pos + count > input.length) throw new DerError('truncated DER length');
    if (input[pos] === 0) throw new DerError('non-minimal DER length');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + input[pos++]!;
    if (length < 0x80) throw new DerError('non-minimal DER length');
  }
  const end = pos + length;
  if (end > input.length) throw new DerError('DER value runs past the end of its container');
  return { node: { tag, bytes: input.subarray(offset, end), value: input.subarray(pos, end) }, next: end };
}

/** Read exactly one TLV spanning all of `input` (no trailing bytes), optionally of a given tag. */
export function readDer(input: Uint8Array, expectedTag?: number): DerNode {
  const { node, next } = readTlv(input, 0);
  if (next !== input.length) throw new DerError('trailing bytes after DER value');
  if (expectedTag !== undefined) expectTag(node, expectedTag);
  return node;
}

/** The children of a constructed node (SEQUENCE, SET, explicit context tag). */
export function childrenOf(node: DerNode): DerNode[] {
  if ((node.tag & 0x20) === 0) throw new DerError(`tag 0x${node.tag.toString(16)} is not constructed`);
  const out: DerNode[] = [];
  let offset = 0;
  while (offset < node.value.length) {
    const { node: child, next } = readTlv(node.value, offset);
    out.push(child);
    offset = next;
  }
  return out;
}

/** Throw unless `node` has `tag`. */
export function expectTag(node: DerNode | undefined, tag: number, what = 'value'): DerNode {
  if (node === undefined) throw new DerError(`missing ${what}`);
  if (node.tag !== tag) throw new DerError(`${what}: expected tag 0x${tag.toString(16)}, found 0x${node.tag.toString(16)}`);
  return node;
}

/** Decode an OBJECT IDENTIFIER value; arcs of any size (BigInt), as openssl does. */
export function decodeOid(value: Uint8Array): string {
  if (value.length === 0) throw new DerError('empty OID');
  const arcs: bigint[] = [];
  let current = 0n;
  let started = false;
  for (const byte of value) {
    if (!started && byte === 0x80) throw new DerError('non-minimal OID arc');
    started = true;
    current = (current << 7n) | BigInt(byte & 0x7f);
    if ((byte & 0x80) === 0) {
      arcs.push(current);
      current = 0n;
      started = false;
    }
  }
  if (started) throw new DerError('truncated OID');
  const first = arcs.shift()!;
  const head = first < 40n ? [0n, first] : first < 80n ? [1n, first - 40n] : [2n, first - 80n];
  return [...head, ...arcs].join('.');
}

/** Encode an OBJECT IDENTIFIER value (contents only, without tag and length). */
export function encodeOidValue(oid: string): Uint8Array {
  if (!/^[0-2](\.(0|[1-9][0-9]*))+$/.test(oid)) throw new DerError(`not an OID: ${oid}`);
  const arcs = oid.split('.').map((a) => BigInt(a));
  const [a, b, ...rest] = arcs as [bigint, bigint, ...bigint[]];
  if (a < 2n && b >= 40n) throw new DerError(`not an OID: ${oid}`);
  const out: number[] = [];
  for (const arc of [a * 40n + b, ...rest]) {
    const groups: number[] = [Number(arc & 0x7fn)];
    let v = arc >> 7n;
    while (v > 0n) {
      groups.unshift(Number(v & 0x7fn) | 0x80);
      v >>= 7n;
    }
    out.push(...groups);
  }
  return Uint8Array.from(out);
}

/** Encode a TLV. */
export function encodeTlv(tag: number, value: Uint8Array): Uint8Array {
  const len = value.length;
  let header: number[];
  if (len < 0x80) header = [tag, len];
  else {
    const bytes: number[] = [];
    for (let v = len; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
    header = [tag, 0x80 | bytes.length, ...bytes];
  }
  const out = new Uint8Array(header.length + len);
  out.set(header, 0);
  out.set(value, header.length);
  return out;
}

/** Concatenate byte arrays. */
export function concatBytes(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** SEQUENCE of already-encoded elements. */
export function encodeSequence(...elements: Uint8Array[]): Uint8Array {
  return encodeTlv(TAG.SEQUENCE, concatBytes(...elements));
}

/** OBJECT IDENTIFIER TLV. */
export function encodeOid(oid: string): Uint8Array {
  return encodeTlv(TAG.OID, encodeOidValue(oid));
}

/** Non-negative INTEGER TLV from a safe integer. */
export function encodeUnsigned(n: number): Uint8Array {
  if (!Number.isSafeInteger(n) || n < 0) throw new DerError(`not a non-negative safe integer: ${n}`);
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v % 256);
  if (bytes.length === 0 || bytes[0]! >= 0x80) bytes.unshift(0);
  return encodeTlv(TAG.INTEGER, Uint8Array.from(bytes));
}

/** Read a non-negative INTEGER node as a safe integer (iteration counts, path lengths, CRL reasons). */
export function readUnsigned(node: DerNode | undefined, what: string): number {
  const v = expectTag(node, TAG.INTEGER, what).value;
  checkIntegerEncoding(v, what);
  if (v[0]! & 0x80) throw new DerError(`${what} is negative`);
  let n = 0;
  for (const b of v) {
    n = n * 256 + b;
    if (n > Number.MAX_SAFE_INTEGER) throw new DerError(`${what} is too large`);
  }
  return n;
}

/** Reject empty and non-minimal INTEGER contents. */
export function checkIntegerEncoding(v: Uint8Array, what: string): void {
  if (v.length === 0) throw new DerError(`${what}: empty INTEGER`);
  if (v.length > 1 && ((v[0] === 0 && (v[1]! & 0x80) === 0) || (v[0] === 0xff && (v[1]! & 0x80) !== 0))) {
    throw new DerError(`${what}: non-minimal INTEGER`);
  }
}

/** The contents of a BIT STRING with no unused bits. */
export function readBitStringBytes(node: DerNode | undefined, what: string): Uint8Array {
  const v = expectTag(node, TAG.BIT_STRING, what).value;
  if (v.length === 0 || v[0] !== 0) throw new DerError(`${what}: BIT STRING with unused bits`);
  return v.subarray(1);
}

/** Lowercase hex of bytes. */
export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** Bytes of an even-length hex string. */
export function fromHex(hex: string): Uint8Array {
  if (!/^([0-9a-fA-F]{2})*$/.test(hex)) throw new DerError(`not a hex string: ${hex}`);
  const out = new Uint8Array(hex.length / 2);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}

/** Byte equality. */
export function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** A copy backed by its own ArrayBuffer (WebCrypto and x509 want exact buffers). */
export function toArrayBuffer(bytes: Uint8Array): ArrayBuffer {
  return bytes.slice().buffer as ArrayBuffer;
}

/** Decode an X.509 Time (UTCTime or GeneralizedTime, "Z" form only as RFC 5280 requires). */
export function readTime(node: DerNode | undefined, what: string): Date {
  if (node === undefined) throw new DerError(`missing ${what}`);
  const text = new TextDecoder().decode(node.value);
  let m: RegExpExecArray | null;
  let year: number;
  if (node.tag === TAG.UTC_TIME) {
    m = /^(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!m) throw new DerError(`${what}: malformed UTCTime ${JSON.stringify(text)}`);
    const yy = Number(m[1]);
    year = yy >= 50 ? 1900 + yy : 2000 + yy;
  } else if (node.tag === TAG.GENERALIZED_TIME) {
    m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
    if (!m) throw new DerError(`${what}: malformed GeneralizedTime ${JSON.stringify(text)}`);
    year = Number(m[1]);
  } else {
    throw new DerError(`${what}: not a time`);
  }
  const [mo, d, h, mi, s] = [m[2], m[3], m[4], m[5], m[6]].map(Number) as [number, number, number, number, number];
  const date = new Date(Date.UTC(year, mo - 1, d, h, mi, s));
  if (date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) {
    throw new DerError(`${what}: impossible date ${JSON.stringify(text)}`);
  }
  return date;
}
