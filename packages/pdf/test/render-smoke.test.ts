import { it } from 'vitest';
import { renderLicensePdf } from '../src/render.js';
import { defaultFonts, readLicense, save, signCompact, SIGNERS, WORK } from './helpers.js';

it('renders', async () => {
  for (const f of ['multiscript', 'hundred-items', 'humanitarian']) {
    const { license, bytes } = readLicense(`${f}.license.json`);
    const jws = await signCompact(bytes);
    const t = Date.now();
    const pdf = await renderLicensePdf({ license, jws, signers: SIGNERS, fonts: await defaultFonts() });
    console.log(f, pdf.length, jws.length, Date.now() - t, save(`${f}.pdf`, pdf));
  }
  console.log(WORK);
});
