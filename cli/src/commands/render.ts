import { XlicError, decodeText, parseJws, parseJson, validateDocument, type License } from '@xlic/core';
import { encodeQrPayload, renderLicensePdf, signersFromJws } from '@xlic/pdf';
import { loadDefaultFonts } from '@xlic/pdf/node';
import { EXIT } from '../exit-status.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readInput } from '../io/read-input.js';
import { out, outJson } from '../output/write.js';

export interface RenderFlags {
  out: string;
  paper?: string;
  declaration?: string[];
  json?: boolean;
}

/** `xlic render <signed license> -o license.pdf`: the human-readable PDF carrying the signed original. */
export async function renderCommand(file: string, flags: RenderFlags): Promise<number> {
  const paper = flags.paper ?? 'A4';
  if (paper !== 'A4' && paper !== 'Letter') throw new XlicError('USAGE', '--paper must be A4 or Letter');
  const jws = decodeText((await readInput(file)).bytes).trim();
  const license = parseJson(decodeText(parseJws(jws).payload));
  const v = validateDocument(license);
  if (v.kind !== 'license' || !v.valid) {
    throw new XlicError('SIGN_DOCUMENT_INVALID', `${file} does not carry a valid license${v.findings[0] ? `: ${v.findings[0].message}` : ''}`);
  }
  const declarations = [];
  for (const d of flags.declaration ?? []) {
    const text = decodeText((await readInput(d)).bytes).trim();
    const doc = parseJson(decodeText(parseJws(text).payload)) as { id?: unknown; documentType?: unknown };
    if (doc.documentType !== 'end-use-declaration' || typeof doc.id !== 'string') throw new XlicError('USAGE', `${d} is not a signed end-use declaration`);
    declarations.push({ id: doc.id, jws: text });
  }
  const pdf = await renderLicensePdf({ license: license as License, jws, signers: await signersFromJws(jws, license as License), declarations, paper, fonts: await loadDefaultFonts() });
  await writeFileAtomic(flags.out, pdf);
  const qr = (await encodeQrPayload(jws)).length;
  if (flags.json) outJson({ file: flags.out, license: (license as License).id, paper, bytes: pdf.length, qrCodes: qr, declarations: declarations.map((d) => d.id) });
  else out(`rendered license ${(license as License).id} → ${flags.out} (${paper}, ${pdf.length} bytes, ${qr} QR code${qr === 1 ? '' : 's'}, ${declarations.length} declaration${declarations.length === 1 ? '' : 's'} attached)`);
  return EXIT.OK;
}
