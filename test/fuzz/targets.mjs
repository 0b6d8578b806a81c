// Fuzz targets, seeds and the oracle, shared by the fuzzer (fuzz.mjs) and the regression replay.
// A target "crashes" when it throws anything but an XlicError, or (verifyDocument) when a mutated
// input that is not the seed's own signed content comes out VALID.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isXlicError, parseJson, parseJws } from '@xlic/core';
import { fromPem, parseCertificate, parseCrl } from '@xlic/trust';
import { deflateSync } from 'node:zlib';
import { decodeQrPayload, encodeBase45, inspectLicensePdf } from '@xlic/pdf';
import { loadTrust, verifyDocument } from '@xlic/verify';

export const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const read = (p) => new Uint8Array(fs.readFileSync(path.join(repo, p)));
const text = (u8) => new TextDecoder().decode(u8);
const signed = 'examples/signed';

/** What each target does with one input; resolves, or throws what the oracle judges. */
export async function makeTargets() {
  const ctx = await loadTrust({
    trustLists: ['trust/jp-meti-trust-list.jws', 'trust/de-bafa-trust-list.jws'].map((p) => ({ name: p, text: text(read(`${signed}/${p}`)) })),
    statusLists: [{ name: 'status', text: text(read(`${signed}/status/de-bafa-status.jws`)) }],
    crls: [{ name: 'crl', bytes: fromPem(text(read(`${signed}/crl/de-bafa.crl.pem`)))[0].der }],
    at: new Date('2026-11-23T12:00:00Z'),
    // Without the verdict caches: they are bounded by entries, not bytes, and every mutated x5c is a new entry.
    cache: false,
  });
  const validSeeds = ['licenses/de-valid.jws', 'licenses/de-valid-cosigned-jp.json', 'licenses/us-valid-ps256.jws'].map((p) => read(`${signed}/${p}`));
  const fingerprint = (u8) => {
    try {
      const j = parseJws(text(u8));
      return JSON.stringify([j.payloadB64, j.signatures.map((s) => [s.protectedB64, s.signatureB64])]);
    } catch {
      return undefined;
    }
  };
  const genuine = new Set(validSeeds.map(fingerprint));
  const der = (p) => fromPem(text(read(p)))[0].der;
  // One XL1: text for the whole signed license (printing splits it into parts; decoding does not care).
  const qr = 'XL1:' + encodeBase45(new Uint8Array(deflateSync(text(read(`${signed}/licenses/de-valid.jws`)).trim(), { level: 9 })));

  return {
    parseJson: {
      weight: 3,
      seeds: [...fs.readdirSync(path.join(repo, 'examples/licenses')).slice(0, 6).map((f) => read(`examples/licenses/${f}`)), read('examples/lists/' + fs.readdirSync(path.join(repo, 'examples/lists'))[0])],
      run: async (u8) => void parseJson(text(u8)),
    },
    parseJws: { weight: 2, seeds: validSeeds, run: async (u8) => void parseJws(text(u8)) },
    parseCertificate: { weight: 3, seeds: fs.readdirSync(path.join(repo, `${signed}/pki`)).map((f) => der(`${signed}/pki/${f}`)), run: async (u8) => void parseCertificate(u8) },
    parseCrl: { weight: 2, seeds: [der(`${signed}/crl/de-bafa.crl.pem`)], run: async (u8) => void parseCrl(u8) },
    fromPem: { weight: 1, seeds: [read(`${signed}/crl/de-bafa.crl.pem`), read(`${signed}/pki/de-bafa-root.crt.pem`)], run: async (u8) => void fromPem(text(u8)) },
    decodeQrPayload: { weight: 2, seeds: [new TextEncoder().encode(qr)], run: async (u8) => void decodeQrPayload(text(u8)) },
    inspectLicensePdf: { weight: 1, seeds: [read('examples/pdf/de-valid.pdf')], run: async (u8) => void (await inspectLicensePdf(u8)) },
    verifyDocument: {
      weight: 4,
      seeds: validSeeds,
      run: async (u8) => {
        const r = await verifyDocument(u8, ctx);
        if (r.verdict === 'VALID' && !genuine.has(fingerprint(u8))) throw new FalseValid('VALID on a mutated input that is not a seed\'s signed content');
      },
    },
  };
}

export class FalseValid extends Error {}

/** The oracle: undefined when the outcome is acceptable, else what went wrong. */
export async function judge(target, input) {
  try {
    await target.run(input);
    return undefined;
  } catch (e) {
    if (e instanceof FalseValid) return { kind: 'false-valid', message: e.message };
    if (isXlicError(e)) return undefined;
    return { kind: 'exception', message: `${e?.constructor?.name ?? typeof e}: ${String(e?.message ?? e).slice(0, 300)}` };
  }
}
