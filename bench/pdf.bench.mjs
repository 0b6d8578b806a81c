#!/usr/bin/env node
// PDF benchmark (run after `pnpm build`):  node bench/pdf.bench.mjs [--seconds 3] [--json]
// Renders a 1-item and a 100-item signed license with @xlic/pdf, next to plain pdf-lib drawing the
// same text with the standard Helvetica font (no embedding, no QR, no attachment) in the same run,
// and verifies the rendered PDFs with verifyLicensePdf against a loaded trust context.
// Results: bench/README.md, section "PDF".
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderLicensePdf, signersFromJws, verifyLicensePdf } from '@xlic/pdf';
import { loadDefaultFonts } from '@xlic/pdf/node';
import { signDocument } from '@xlic/sign';
import { createRootCa, issueCertificate, thumbprint } from '@xlic/trust';
import { loadTrust } from '@xlic/verify';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { PDFDocument, StandardFonts } = createRequire(path.join(root, 'packages/pdf/package.json'))('pdf-lib');
const args = process.argv.slice(2);
const seconds = Number(args[args.indexOf('--seconds') + 1] ?? 3) || 3;
const json = args.includes('--json');
const AT = new Date('2026-11-23T12:00:00Z');

/** Run `fn` for about `seconds` (at least 5 times) after 2 warm-up runs; mean time per run. */
async function measure(fn) {
  await fn();
  await fn();
  let runs = 0;
  const start = performance.now();
  while (runs < 5 || performance.now() - start < seconds * 1000) {
    await fn();
    runs++;
  }
  const ms = (performance.now() - start) / runs;
  return { runs, ms, perSecond: 1000 / ms };
}

// A throwaway agency PKI and trust list, so the licenses carry a real x5c chain and verify.
const b64 = (u8) => Buffer.from(u8).toString('base64');
const ca = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', notBefore: new Date('2025-01-01T00:00:00Z') });
const signerOf = async (purpose) => {
  const cert = await issueCertificate({ issuer: ca, subject: { country: 'DE', organization: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', organizationalUnit: 'BAFA', commonName: `BAFA ${purpose} signer 1` }, purpose, notBefore: new Date('2026-11-01T00:00:00Z'), validityDays: 730 });
  return { privateKey: cert.privateKey, algorithm: 'ES256', chain: [cert.certificate] };
};
const licenseSigner = await signerOf('license-signing');
const listSigner = await signerOf('list-signing');
const trustList = {
  documentType: 'trust-list', schemaVersion: '1.0', id: 'BENCH-TL', sequence: 1,
  publisher: { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' },
  issuedAt: '2026-11-15T00:00:00Z', nextUpdate: '2026-12-15T00:00:00Z',
  entries: [{
    agency: { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' },
    roles: ['license-issuer', 'trust-list-publisher'],
    certificates: [{ x5c: b64(ca.certificate), sha256: await thumbprint(ca.certificate) }],
    validFrom: '2026-11-01T00:00:00Z', validUntil: '2031-11-01T00:00:00Z',
  }],
};
const trustJws = (await signDocument(trustList, listSigner, { signingTime: new Date('2026-11-15T00:00:00Z') })).jws;
const ctx = await loadTrust({ trustLists: [{ name: 'bench-trust-list.jws', text: trustJws }], at: AT });

// The example BAFA license cut to one item, and grown to 100 (its two items repeated, lines 1…100).
// signDocument validates first, so both are valid licenses.
const base = JSON.parse(fs.readFileSync(path.join(root, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8'));
const one = { ...base, items: [{ ...base.items[0], line: 1 }] };
const hundred = { ...base, items: Array.from({ length: 100 }, (_, i) => ({ ...base.items[i % base.items.length], line: i + 1 })) };

const t0 = performance.now();
const fonts = await loadDefaultFonts();
const fontLoadMs = performance.now() - t0;

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlic-bench-'));
const cases = [];
for (const [name, license] of [['1 item', one], ['100 items', hundred]]) {
  const { jws } = await signDocument(license, licenseSigner, { signingTime: new Date('2026-11-20T09:30:00Z') });
  const signers = await signersFromJws(jws, license);
  const input = { license, jws, signers, paper: 'A4', fonts };
  const pdf = await renderLicensePdf(input);
  const check = await verifyLicensePdf(pdf, ctx, { fonts });
  if (check.verdict !== 'VALID') throw new Error(`${name}: the rendered PDF does not verify: ${check.code} ${check.reason}`);

  // The baseline draws the same text, page for page, as poppler extracts it from our PDF; characters
  // Helvetica's WinAnsi encoding lacks (Japanese names) become '?'.
  fs.writeFileSync(path.join(tmp, 'x.pdf'), pdf);
  const pages = execFileSync('pdftotext', ['-layout', path.join(tmp, 'x.pdf'), '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim() !== '');
  const helvetica = StandardFonts.Helvetica;
  const winAnsi = (s) => s.replace(/[^\x20-\x7e\u00a0-\u00ff\u2022\u2013\u2014\u20ac]/g, '?');
  const baseline = async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(helvetica);
    for (const text of pages) {
      const page = doc.addPage([595.28, 841.89]);
      let y = 800;
      for (const line of text.split('\n')) {
        if (line.trim()) page.drawText(winAnsi(line.trimEnd()), { x: 42, y, size: 7, font });
        y -= 9;
      }
    }
    return doc.save();
  };
  const baselinePdf = await baseline();

  cases.push({
    license: name,
    jwsBytes: jws.length,
    pages: pages.length,
    qrCodes: check.pdf.qrCodes,
    render: { ...(await measure(() => renderLicensePdf(input))), bytes: pdf.length },
    baseline: { ...(await measure(baseline)), bytes: baselinePdf.length },
    verify: await measure(() => verifyLicensePdf(pdf, ctx, { fonts })),
  });
}
fs.rmSync(tmp, { recursive: true });

const machine = { cpus: os.cpus()[0]?.model ?? 'unknown', nproc: os.availableParallelism(), node: process.version, platform: `${os.platform()} ${os.release()}` };
if (json) {
  console.log(JSON.stringify({ machine, seconds, fontLoadMs, cases }, null, 2));
} else {
  const f = (n, d = 1) => n.toFixed(d);
  console.log(`machine: ${machine.cpus}, nproc ${machine.nproc}, node ${machine.node}, ${machine.platform}; ≥${seconds} s per figure`);
  console.log(`loadDefaultFonts (once per process): ${f(fontLoadMs, 0)} ms`);
  console.log('| license | pages | QR codes | baseline renders/s | xlic renders/s | time vs baseline | baseline bytes | xlic bytes | size vs baseline | xlic verifications/s | verify time vs baseline render |');
  console.log('|---|---|---|---|---|---|---|---|---|---|---|');
  for (const c of cases) {
    console.log(`| ${c.license} | ${c.pages} | ${c.qrCodes} | ${f(c.baseline.perSecond)} | ${f(c.render.perSecond)} | ${f(c.render.ms / c.baseline.ms)}× | ${c.baseline.bytes} | ${c.render.bytes} | ${f(c.render.bytes / c.baseline.bytes)}× | ${f(c.verify.perSecond)} | ${f(c.verify.ms / c.baseline.ms)}× |`);
  }
}
