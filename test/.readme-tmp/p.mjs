import { readFileSync } from 'node:fs';
import { parseJws } from '@xlic/core';
import { loadTrust } from '@xlic/verify';
import { renderLicensePdf, inspectLicensePdf, comparePdfRendering, signersFromJws, verifyLicensePdf } from '@xlic/pdf';
import { loadDefaultFonts } from '@xlic/pdf/node';

const fonts = await loadDefaultFonts();
const jws = readFileSync('examples/signed/licenses/de-valid.jws', 'utf8').trim();
const license = JSON.parse(new TextDecoder().decode(parseJws(jws).payload));
const signers = await signersFromJws(jws, license);
const pdf = await renderLicensePdf({ license, jws, signers, fonts, paper: 'A4' });

const seen = await inspectLicensePdf(pdf); // the attached signed license, the QR texts, problems
console.log(seen.jws === jws, seen.qrTexts.length, seen.problems.length); // prints: true 4 0
const again = await renderLicensePdf({ license, jws: seen.jws, signers, fonts, paper: 'A4' });
console.log((await comparePdfRendering(pdf, again)).identical); // prints: true

const read = (path) => ({ name: path.split('/').pop(), text: readFileSync(path, 'utf8') });
const ctx = await loadTrust({
  trustLists: [read('examples/signed/trust/jp-meti-trust-list.jws')],
  statusLists: [read('examples/signed/status/de-bafa-status.jws')],
  at: new Date('2026-11-23T12:00:00Z'),
});
const ok = await verifyLicensePdf(pdf, ctx, { fonts });
console.log(ok.verdict, ok.pdf.qrCodes); // prints: VALID 4
const forged = await verifyLicensePdf(readFileSync('examples/pdf/de-valid-tampered-quantity.pdf'), ctx, { fonts });
console.log(forged.verdict, forged.code, forged.pdf.differences[0]);
