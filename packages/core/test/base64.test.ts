import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Decode, base64Encode, base64urlDecode, base64urlEncode, sha256Hex } from '../src/base64.js';
import { isXlicError } from '../src/errors.js';

const code = (f: () => unknown): string | undefined => {
  try {
    f();
  } catch (e) {
    return isXlicError(e) ? e.code : `non-xlic: ${String(e)}`;
  }
  return undefined;
};

describe('base64url', () => {
  it('round-trips any bytes and agrees with Node', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        const text = base64urlEncode(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect(base64urlDecode(text, 'JWS_MALFORMED', 'x')).toEqual(bytes);
      }),
    );
  });

  it('encodes more than one 32 KiB chunk correctly', () => {
    const bytes = new Uint8Array(randomBytes(100_003));
    expect(base64Encode(bytes)).toBe(Buffer.from(bytes).toString('base64'));
  });

  it.each([
    ['padding', 'QQ=='],
    ['standard-alphabet +', 'a+b/'],
    ['whitespace', 'QUJD RA'],
    ['newline', 'QUJD\nRA'],
    ['impossible length (4n+1)', 'QUJDR'],
    ['non-ASCII', 'QUJDé'],
  ])('rejects %s with the given code', (_, text) => {
    expect(code(() => base64urlDecode(text, 'JWS_MALFORMED', 'thing'))).toBe('JWS_MALFORMED');
  });

  it('rejects non-canonical text whose unused trailing bits are set', () => {
    // "QQ" is "A"; "QR".."QZ" decode to the same byte in lenient decoders.
    expect(base64urlDecode('QQ', 'JWS_MALFORMED', 'x')).toEqual(new Uint8Array([0x41]));
    for (const t of ['QR', 'QS', 'QZ', 'Qf']) expect(code(() => base64urlDecode(t, 'JWS_MALFORMED', 'x'))).toBe('JWS_MALFORMED');
    expect(base64urlDecode('QUI', 'JWS_MALFORMED', 'x')).toEqual(new Uint8Array([0x41, 0x42]));
    for (const t of ['QUJ', 'QUK', 'QUL']) expect(code(() => base64urlDecode(t, 'JWS_MALFORMED', 'x'))).toBe('JWS_MALFORMED');
  });

  it('accepts exactly the canonical encodings (property)', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...alphabet), { maxLength: 12 }), (chars) => {
        const text = chars.join('');
        let decoded: Uint8Array | undefined;
        try {
          decoded = base64urlDecode(text, 'JWS_MALFORMED', 'x');
        } catch (e) {
          expect(isXlicError(e)).toBe(true);
        }
        const canonical = text.length % 4 !== 1 && Buffer.from(text, 'base64url').toString('base64url') === text;
        expect(decoded !== undefined).toBe(canonical);
      }),
    );
  });

  it('decodes the empty string to no bytes', () => {
    expect(base64urlDecode('', 'JWS_MALFORMED', 'x')).toEqual(new Uint8Array());
  });
});

describe('base64', () => {
  it('requires padding and the standard alphabet', () => {
    expect(base64Decode('QQ==', 'JWS_HEADER_INVALID', 'x')).toEqual(new Uint8Array([0x41]));
    for (const t of ['QQ', 'QQ=', 'Q===', 'QQ-_', 'QQ==QQ==', ' QQ==', 'QQ==\n']) {
      expect(code(() => base64Decode(t, 'JWS_HEADER_INVALID', 'x'))).toBe('JWS_HEADER_INVALID');
    }
  });

  it('rejects set trailing bits before padding', () => {
    expect(code(() => base64Decode('QR==', 'JWS_HEADER_INVALID', 'x'))).toBe('JWS_HEADER_INVALID');
    expect(code(() => base64Decode('QUJ=', 'JWS_HEADER_INVALID', 'x'))).toBe('JWS_HEADER_INVALID');
    expect(base64Decode('QUI=', 'JWS_HEADER_INVALID', 'x')).toEqual(new Uint8Array([0x41, 0x42]));
  });

  it('names what failed in the message', () => {
    try {
      base64Decode('%%%%', 'JWS_HEADER_INVALID', 'x5c[2]');
      expect.unreachable();
    } catch (e) {
      expect((e as Error).message).toBe('x5c[2] is not valid base64');
    }
  });
});

describe('sha256Hex', () => {
  it('matches Node crypto', async () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('abc'), new Uint8Array(randomBytes(5000))]) {
      expect(await sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
