import { zlibSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { encodeBase45 } from '../src/base45.js';
import { QR_MAX_TEXT, assembleQrParts, decodeQrPayload, decodeQrTexts, encodeQrPayload } from '../src/qr-payload.js';
import { qrModules } from '../src/qr-draw.js';
import { readLicense, signCompact, signGeneral } from './helpers.js';

describe('QR payload (XL1)', () => {
  it('round-trips a small payload as one XL1: text', async () => {
    const jws = 'eyJhbGciOiJFUzI1NiJ9.eyJhIjoxfQ.c2ln';
    const texts = await encodeQrPayload(jws);
    expect(texts).toHaveLength(1);
    expect(texts[0]).toMatch(/^XL1:[0-9A-Z $%*+\-./:]+$/);
    expect(decodeQrPayload(texts[0]!)).toBe(jws);
    expect(decodeQrPayload(texts[0]! + '\n')).toBe(jws); // zbarimg's trailing newline
  });

  it('splits a signed license into parts that each fit a version-25 code and reassemble in any order', async () => {
    const { bytes } = readLicense('hundred-items.license.json');
    const jws = await signCompact(bytes);
    const texts = await encodeQrPayload(jws);
    expect(texts.length).toBeGreaterThan(1);
    for (const t of texts) {
      expect(t.length).toBeLessThanOrEqual(QR_MAX_TEXT);
      expect(t).toMatch(/^XL1\/\d+\/\d+\/[0-9A-F]{8}:/);
      expect(qrModules(t).length).toBeLessThanOrEqual(117);
    }
    const shuffled = [...texts].reverse();
    expect(await decodeQrTexts([...shuffled, texts[0]!])).toBe(jws);
  });

  it('round-trips a JSON-serialized (countersigned) JWS', async () => {
    const { bytes } = readLicense('multiscript.license.json');
    const jws = await signGeneral(bytes);
    expect(await decodeQrTexts(await encodeQrPayload(jws))).toBe(jws);
  });

  it('reports a missing part, parts of two payloads and a corrupted part', async () => {
    const a = await encodeQrPayload(await signCompact(readLicense('hundred-items.license.json').bytes));
    const b = await encodeQrPayload(await signCompact(readLicense('multiscript.license.json').bytes));
    await expect(assembleQrParts(a.slice(1))).rejects.toMatchObject({ code: 'QR_PART_MISSING' });
    await expect(assembleQrParts([...a.slice(0, -1), b[b.length - 1]!])).rejects.toMatchObject({ code: 'QR_PART_MISMATCH' });
    const corrupted = a.map((t, i) => (i === 0 ? t.slice(0, -3) + (t.endsWith('AAA') ? 'BBB' : 'AAA') : t));
    await expect(assembleQrParts(corrupted)).rejects.toMatchObject({ code: 'QR_PART_MISMATCH' });
    await expect(assembleQrParts([a[0]!, a[0]!.replace(/:.{3}/, ':ZZZ')])).rejects.toMatchObject({ code: 'QR_PART_MISMATCH' });
  });

  it('refuses bad prefixes, bad Base45 and bad zlib with QR_MALFORMED', () => {
    expect(() => decodeQrPayload('HC1:6BFOXN')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
    expect(() => decodeQrPayload('XL1:abc')).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
    expect(() => decodeQrPayload('XL1:' + encodeBase45(new TextEncoder().encode('not zlib')))).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
    const good = zlibSync(new TextEncoder().encode('a.b.c'));
    good[good.length - 1] ^= 1; // Adler-32 broken
    expect(() => decodeQrPayload('XL1:' + encodeBase45(good))).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
    expect(() => decodeQrPayload('XL1:' + encodeBase45(zlibSync(new Uint8Array([0xff, 0xfe]))))).toThrow(expect.objectContaining({ code: 'QR_MALFORMED' }));
  });

  it('refuses a zip bomb with QR_INFLATE_LIMIT before inflating it all', () => {
    const bomb = zlibSync(new Uint8Array(64 * 1024 * 1024), { level: 9 }); // 64 MiB of zeros, ~65 KB
    const text = 'XL1:' + encodeBase45(bomb);
    expect(() => decodeQrPayload(text, { maxInflatedBytes: 1024 * 1024 })).toThrow(expect.objectContaining({ code: 'QR_INFLATE_LIMIT' }));
    expect(() => decodeQrPayload(text)).toThrow(expect.objectContaining({ code: 'QR_INFLATE_LIMIT' })); // default 4 MiB
  });
});
