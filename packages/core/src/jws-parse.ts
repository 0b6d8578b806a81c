import { XlicError, isXlicError } from './errors.js';
import { parseJson } from './json.js';
import { DEFAULT_LIMITS } from './limits.js';
import { base64urlDecode } from './base64.js';

/** One signature of a parsed JWS, with its decoded protected header. */
export interface ParsedSignature {
  protectedB64: string;
  header: Record<string, unknown>;
  signatureB64: string;
}

/** A parsed JWS in either serialization: all signatures over one payload. */
export interface ParsedJws {
  serialization: 'compact' | 'json';
  payloadB64: string;
  payload: Uint8Array;
  signatures: ParsedSignature[];
}

/** The most signatures one document may carry (issuer plus countersigners). */
export const MAX_SIGNATURES = 8;

/**
 * Parse a JWS in compact or JSON (general or flattened) serialization, strictly:
 * every header parameter must be protected, headers are parsed with the strict JSON parser,
 * base64url must be canonical. Throws XlicError(JWS_*) when the text is not an xlic JWS.
 *
 * @example
 * const jws = parseJws(text); jws.signatures[0].header.alg
 */
export function parseJws(text: string): ParsedJws {
  const t = text.trim();
  if (t.length > DEFAULT_LIMITS.maxInputBytes) throw new XlicError('INPUT_TOO_LARGE', 'signed document is larger than the input limit');
  if (t.startsWith('{')) return parseJsonSerialization(t);
  const parts = t.split('.');
  if (parts.length !== 3) throw new XlicError('JWS_MALFORMED', `not a JWS: compact serialization has 3 parts separated by ".", found ${parts.length}`);
  const [h, p, s] = parts as [string, string, string];
  if (h === '') throw new XlicError('JWS_MALFORMED', 'not a JWS: empty header part');
  // An empty signature part (alg "none") parses, so the header check can name the real problem.
  return {
    serialization: 'compact',
    payloadB64: p,
    payload: base64urlDecode(p, 'JWS_MALFORMED', 'JWS payload'),
    signatures: [{ protectedB64: h, header: decodeHeader(h), signatureB64: checkB64(s) }],
  };
}

function parseJsonSerialization(text: string): ParsedJws {
  let doc: unknown;
  try {
    doc = parseJson(text);
  } catch (e) {
    if (isXlicError(e)) throw new XlicError('JWS_MALFORMED', `not a JWS: ${e.message}`, { cause: e });
    throw e;
  }
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) throw new XlicError('JWS_MALFORMED', 'not a JWS: JSON serialization must be an object');
  const o = doc as Record<string, unknown>;
  if (typeof o['payload'] !== 'string') {
    throw new XlicError(o['documentType'] !== undefined ? 'JWS_MALFORMED' : 'JWS_MALFORMED', o['documentType'] !== undefined ? 'this is an unsigned document, not a signed one (sign it with `xlic sign`)' : 'not a JWS: no "payload" member');
  }
  const allowed = new Set(['payload', 'signatures', 'protected', 'signature', 'header']);
  for (const k of Object.keys(o)) if (!allowed.has(k)) throw new XlicError('JWS_MALFORMED', `not an xlic JWS: unexpected member "${k.slice(0, 40)}"`);
  const raw: unknown[] = Array.isArray(o['signatures']) ? (o['signatures'] as unknown[]) : [{ protected: o['protected'], signature: o['signature'], header: o['header'] }];
  if (Array.isArray(o['signatures']) && 'header' in o) throw new XlicError('JWS_UNPROTECTED_HEADER', 'JWS has an unprotected header; xlic requires every header parameter to be protected');
  if (Array.isArray(o['signatures']) && ('protected' in o || 'signature' in o)) throw new XlicError('JWS_MALFORMED', 'JWS mixes general and flattened serialization');
  if (raw.length === 0) throw new XlicError('JWS_MALFORMED', 'JWS has no signatures');
  if (raw.length > MAX_SIGNATURES) throw new XlicError('JWS_MALFORMED', `JWS has ${raw.length} signatures; at most ${MAX_SIGNATURES} are accepted`);
  const signatures = raw.map((r, i): ParsedSignature => {
    if (r === null || typeof r !== 'object' || Array.isArray(r)) throw new XlicError('JWS_MALFORMED', `signature ${i + 1} is not an object`);
    const sig = r as Record<string, unknown>;
    if (sig['header'] !== undefined) throw new XlicError('JWS_UNPROTECTED_HEADER', `signature ${i + 1} has an unprotected header; xlic requires every header parameter to be protected`);
    for (const k of Object.keys(sig)) if (k !== 'protected' && k !== 'signature' && k !== 'header') throw new XlicError('JWS_MALFORMED', `signature ${i + 1} has unexpected member "${k.slice(0, 40)}"`);
    if (typeof sig['protected'] !== 'string' || sig['protected'] === '') throw new XlicError('JWS_MALFORMED', `signature ${i + 1} has no protected header`);
    if (typeof sig['signature'] !== 'string') throw new XlicError('JWS_MALFORMED', `signature ${i + 1} has no signature value`);
    return { protectedB64: sig['protected'], header: decodeHeader(sig['protected']), signatureB64: checkB64(sig['signature']) };
  });
  const p = o['payload'];
  return { serialization: 'json', payloadB64: p, payload: base64urlDecode(p, 'JWS_MALFORMED', 'JWS payload'), signatures };
}

function checkB64(s: string): string {
  if (s === '') return s;
  base64urlDecode(s, 'JWS_MALFORMED', 'JWS signature');
  return s;
}

function decodeHeader(b64: string): Record<string, unknown> {
  const bytes = base64urlDecode(b64, 'JWS_MALFORMED', 'JWS protected header');
  if (bytes.length > 64 * 1024) throw new XlicError('JWS_HEADER_INVALID', 'JWS protected header is larger than 64 KiB');
  let header: unknown;
  try {
    header = parseJson(new TextDecoder('utf-8', { fatal: true }).decode(bytes), { maxJsonDepth: 4 });
  } catch (cause) {
    throw new XlicError('JWS_HEADER_INVALID', `JWS protected header is not valid JSON${isXlicError(cause) ? `: ${cause.message}` : ''}`, { cause });
  }
  if (header === null || typeof header !== 'object' || Array.isArray(header)) throw new XlicError('JWS_HEADER_INVALID', 'JWS protected header is not a JSON object');
  return header as Record<string, unknown>;
}
