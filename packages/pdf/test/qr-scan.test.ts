import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decodeQrTexts } from '../src/qr-payload.js';
import { renderLicensePdf } from '../src/render.js';
import { defaultFonts, readLicense, run, save, signCompact, SIGNERS, tryRun, WORK } from './helpers.js';

// Rasterize like a 150 dpi office scan and read every code with an independent decoder (zbar).
function scan(pdfPath: string, prefix: string): string[] {
  run('pdftoppm', ['-r', '150', '-gray', pdfPath, join(WORK, prefix)]);
  const texts: string[] = [];
  for (const f of readdirSync(WORK).filter((n) => n.startsWith(prefix + '-') && n.endsWith('.pgm')).sort()) {
    const r = tryRun('zbarimg', ['--raw', '-q', join(WORK, f)]); // status 4: no code on this page
    for (const line of r.stdout.split('\n')) if (line.startsWith('XL1')) texts.push(line);
  }
  return texts;
}

describe('printed QR codes decode with zbarimg to exactly the signed license', () => {
  for (const fixture of ['humanitarian', 'hundred-items']) {
    for (const paper of ['A4', 'Letter'] as const) {
      it(`${fixture} on ${paper}`, async () => {
        const { license, bytes } = readLicense(`${fixture}.license.json`);
        const jws = await signCompact(bytes);
        const path = save(`${fixture}-${paper}.pdf`, await renderLicensePdf({ license, jws, signers: SIGNERS, paper, fonts: await defaultFonts() }));
        const texts = scan(path, `${fixture}-${paper}`);
        expect(texts.length).toBeGreaterThan(0);
        expect(await decodeQrTexts(texts)).toBe(jws);
      });
    }
  }
});
