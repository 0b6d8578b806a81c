/** PEM (RFC 7468) armor: writing it, and reading it strictly. */
import { XlicError } from '@xlic/core';

/** A PEM block: its label (e.g. `CERTIFICATE`) and DER contents. */
export interface PemBlock {
  label: string;
  der: Uint8Array;
}

/** Limits of {@link fromPem}. */
export interface PemLimits {
  /** Largest PEM text accepted, in characters. Default 4 MiB. */
  maxChars?: number;
  /** Most blocks accepted. Default 256. */
  maxBlocks?: number;
}

const LABEL = /^[\x21-\x2c\x2e-\x7e]([\x21-\x2c\x2e-\x7e ]*[\x21-\x2c\x2e-\x7e])?$/;

/**
 * Armor DER as PEM with 64-character lines.
 *
 * @example
 * toPem(der, 'CERTIFICATE'); // "-----BEGIN CERTIFICATE-----\nMIIB…\n-----END CERTIFICATE-----\n"
 */
export function toPem(der: Uint8Array, label: string): string {
  if (!LABEL.test(label)) throw new XlicError('USAGE', `not a PEM label: ${JSON.stringify(label)}`);
  const b64 = encodeBase64(der);
  const lines: string[] = [];
  for (let i = 0; i < b64.length; i += 64) lines.push(b64.slice(i, i + 64));
  return `-----BEGIN ${label}-----\n${lines.join('\n')}\n-----END ${label}-----\n`;
}

/**
 * Read every PEM block in `text`, in order. Text between blocks is allowed (as RFC 7468 says);
 * inside a block only base64 lines are: headers (legacy `Proc-Type` encryption), a mismatched END
 * label, bad base64 or an unterminated block throw `PEM_INVALID`. No block at all is `PEM_INVALID` too.
 *
 * @example
 * const [{ label, der }] = fromPem(await readFile('root.pem', 'utf8'));
 */
export function fromPem(text: string, limits: PemLimits = {}): PemBlock[] {
  const maxChars = limits.maxChars ?? 4 * 1024 * 1024;
  const maxBlocks = limits.maxBlocks ?? 256;
  if (typeof text !== 'string') throw new XlicError('PEM_INVALID', 'PEM input must be text');
  if (text.length > maxChars) throw new XlicError('INPUT_TOO_LARGE', `PEM text has ${text.length} characters, more than the ${maxChars} accepted`);
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const blocks: PemBlock[] = [];
  let open: { label: string; line: number; body: string[] } | undefined;
  for (const [n, raw] of lines.entries()) {
    const line = raw.replace(/[ \t]+$/, '');
    const begin = /^-----BEGIN (.*)-----$/.exec(line);
    const end = /^-----END (.*)-----$/.exec(line);
    if (open === undefined) {
      if (end) throw new XlicError('PEM_INVALID', `line ${n + 1}: END without BEGIN`);
      if (begin) {
        if (!LABEL.test(begin[1]!)) throw new XlicError('PEM_INVALID', `line ${n + 1}: bad PEM label ${JSON.stringify(begin[1])}`);
        if (blocks.length >= maxBlocks) throw new XlicError('INPUT_TOO_LARGE', `more than ${maxBlocks} PEM blocks`);
        open = { label: begin[1]!, line: n + 1, body: [] };
      }
      continue;
    }
    if (begin) throw new XlicError('PEM_INVALID', `line ${n + 1}: BEGIN inside the block opened on line ${open.line}`);
    if (end) {
      if (end[1] !== open.label) throw new XlicError('PEM_INVALID', `line ${n + 1}: END ${end[1]} does not match BEGIN ${open.label}`);
      const b64 = open.body.join('');
      if (b64.length === 0) throw new XlicError('PEM_INVALID', `block ${open.label} on line ${open.line} is empty`);
      blocks.push({ label: open.label, der: decodeBase64(b64, `block ${open.label} on line ${open.line}`) });
      open = undefined;
      continue;
    }
    if (line.includes(':')) throw new XlicError('PEM_INVALID', `line ${n + 1}: PEM headers (legacy encryption) are not supported; convert the key with openssl pkcs8 -topk8`);
    open.body.push(line.trim());
  }
  if (open !== undefined) throw new XlicError('PEM_INVALID', `block ${open.label} opened on line ${open.line} has no END line`);
  if (blocks.length === 0) throw new XlicError('PEM_INVALID', 'no PEM block found');
  return blocks;
}

/** Standard base64 with padding. */
export function encodeBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return globalThis.btoa(binary);
}

/** Strict standard base64 (padding required, no whitespace); throws PEM_INVALID naming `what`. */
export function decodeBase64(b64: string, what: string): Uint8Array {
  if (b64.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new XlicError('PEM_INVALID', `${what}: not valid base64`);
  const binary = globalThis.atob(b64);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  // non-canonical encodings (stray bits in the last character) would let two texts mean the same bytes
  if (encodeBase64(out) !== b64) throw new XlicError('PEM_INVALID', `${what}: non-canonical base64`);
  return out;
}
