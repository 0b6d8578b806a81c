import { base64Encode, decodeText, parseJson, parseJws, type Agency } from '@xlic/core';
import { signDocument } from '@xlic/sign';
import { loadTrust } from '@xlic/verify';
import { EXIT } from '../exit-status.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { loadSigner, type SignerFiles } from '../io/load-signer.js';
import { readCrl } from '../io/pem-file.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { out, outJson } from '../output/write.js';

export interface BundleFlags extends SignerFiles {
  trust: string[];
  status?: string[];
  crl?: string[];
  id?: string;
  asOf?: string;
  out: string;
  json?: boolean;
}

const text = async (p: string): Promise<string> => new TextDecoder().decode((await readInput(p)).bytes).trim();

/** `xlic bundle`: pack trust lists, status lists and CRLs into one signed file for offline posts. */
export async function bundleCommand(flags: BundleFlags): Promise<number> {
  const trustLists = await Promise.all(flags.trust.map(text));
  const statusLists = await Promise.all((flags.status ?? []).map(text));
  const crls = await Promise.all((flags.crl ?? []).map(async (c) => base64Encode(await readCrl(c))));
  const asOf = parseTime(flags.asOf);
  const first = parseJson(decodeText(parseJws(trustLists[0]!).payload)) as { publisher: Agency };
  const bundle = {
    documentType: 'bundle',
    schemaVersion: '1.0',
    id: flags.id ?? `${first.publisher.country}-${first.publisher.agencyId}-BUNDLE-${asOf.toISOString().slice(0, 10)}`,
    publisher: first.publisher,
    asOf: asOf.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    trustLists,
    statusLists,
    crls,
  };
  const signer = await loadSigner(flags);
  const { jws } = await signDocument(bundle, signer, { signingTime: asOf });
  // Prove the bundle is usable before handing it to a border post.
  const ctx = await loadTrust({ bundle: { name: flags.out, text: jws }, at: asOf });
  await writeFileAtomic(flags.out, jws + '\n');
  const summary = { file: flags.out, id: bundle.id, asOf: bundle.asOf, trustLists: ctx.trustLists.length, statusLists: ctx.statusLists.size, crls: ctx.crls.length };
  if (flags.json) outJson(summary);
  else out(`bundle ${bundle.id} → ${flags.out}: ${summary.trustLists} trust lists, ${summary.statusLists} status lists, ${summary.crls} CRLs, as of ${bundle.asOf}`);
  return EXIT.OK;
}
