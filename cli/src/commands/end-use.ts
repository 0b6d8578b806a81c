import { XlicError, decodeText, detectKind, parseJson, parseJws, sha256Hex, validateDocument, type EndUseDeclaration, type License } from '@xlic/core';
import { checkRules } from '@xlic/rules';
import { verifyDocument } from '@xlic/verify';
import { EXIT } from '../exit-status.js';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { loadTrustFromFlags, type TrustFlags } from '../io/trust-inputs.js';
import { styleFor } from '../output/style.js';
import { err, out, outJson } from '../output/write.js';

const readText = async (p: string): Promise<string> => decodeText((await readInput(p)).bytes).trim();

async function refuseOverwrite(path: string, force?: boolean): Promise<void> {
  if (force) return;
  try {
    await readInput(path);
  } catch {
    return;
  }
  throw new XlicError('OUTPUT_EXISTS', `${path} exists; use --force to replace it`);
}

export interface DeclareInitFlags {
  license: string;
  endUser?: string;
  signatoryName: string;
  signatoryTitle: string;
  id?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

/**
 * `xlic declare init`: start an end-use declaration from a signed license, for one of its end users:
 * the declarant, items and quantities, end use and assurances are filled in; the end user reviews the
 * file, then signs it with `xlic declare sign`.
 */
export async function declareInitCommand(flags: DeclareInitFlags): Promise<number> {
  const license = parseJson(decodeText(parseJws(await readText(flags.license)).payload)) as License;
  if (validateDocument(license).kind !== 'license') throw new XlicError('USAGE', `${flags.license} is not a signed license`);
  const n = flags.endUser === undefined ? 1 : Number(flags.endUser);
  const endUser = license.endUsers[n - 1];
  if (!Number.isInteger(n) || !endUser) throw new XlicError('USAGE', `--end-user must be 1 to ${license.endUsers.length}`);
  const now = new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const declaration: EndUseDeclaration = {
    documentType: 'end-use-declaration',
    schemaVersion: '1.0',
    id: flags.id ?? `EUD-${license.id}-${n}`.slice(0, 80),
    issuedAt: now,
    declarant: endUser,
    exporter: license.exporter,
    items: license.items.map((i) => ({ description: i.description, classifications: i.classifications, hsCode: i.hsCode, quantity: i.quantity })) as EndUseDeclaration['items'],
    endUse: { description: license.endUse.description, sector: license.endUse.sector, location: { address: endUser.address, country: endUser.country } },
    assurances: { noReexportWithoutAuthorization: true, noWmdEndUse: true, noMilitaryEndUse: license.endUse.sector !== 'military', consentToPostShipmentVerification: true },
    signatory: { name: flags.signatoryName, title: flags.signatoryTitle },
  };
  const v = validateDocument(declaration, 'end-use-declaration');
  if (!v.valid) {
    for (const f of v.findings) err(`  ✗ ${f.message} [${f.code}]`);
    throw new XlicError('SIGN_DOCUMENT_INVALID', 'the declaration drawn from this license is not valid; fix the license data or edit the file');
  }
  await refuseOverwrite(flags.out, flags.force);
  await writeFileAtomic(flags.out, JSON.stringify(declaration, null, 2) + '\n');
  if (flags.json) outJson({ file: flags.out, id: declaration.id, declarant: endUser.legalName, items: declaration.items.length });
  else out(`wrote end-use declaration ${declaration.id} for ${endUser.legalNameLatin ?? endUser.legalName} → ${flags.out}\n  review it, then sign: xlic declare sign ${flags.out} --key <end-user key> --cert <end-user certificate> -o <file>.jws`);
  return EXIT.OK;
}

export interface DossierCreateFlags {
  license: string;
  declaration?: string[];
  id?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

/** `xlic dossier create`: one file carrying a signed license and the signed declarations it references. */
export async function dossierCreateCommand(flags: DossierCreateFlags): Promise<number> {
  const license = await readText(flags.license);
  const payload = parseJson(decodeText(parseJws(license).payload)) as License;
  if (detectKind(payload) !== 'license') throw new XlicError('USAGE', `${flags.license} is not a signed license`);
  const declarations = await Promise.all((flags.declaration ?? []).map(readText));
  const found = new Map<string, string>();
  for (const [i, d] of declarations.entries()) {
    const p = parseJws(d).payload;
    const doc = parseJson(decodeText(p)) as { documentType?: string; id?: string };
    if (doc.documentType !== 'end-use-declaration') throw new XlicError('USAGE', `${flags.declaration![i]} is not a signed end-use declaration`);
    found.set(doc.id ?? '', await sha256Hex(p));
  }
  const warnings: string[] = [];
  for (const ref of payload.endUseDeclarations ?? []) {
    if (!found.has(ref.id)) warnings.push(`the license references declaration ${ref.id}, which is not included`);
    else if (found.get(ref.id) !== ref.sha256) warnings.push(`declaration ${ref.id} does not match the digest the license references`);
  }
  const dossier = { documentType: 'dossier', schemaVersion: '1.0', id: flags.id ?? `DOSSIER-${payload.id}`.slice(0, 80), license, declarations };
  const v = validateDocument(dossier, 'dossier');
  if (!v.valid) throw new XlicError(v.findings[0]!.code, `not a valid dossier: ${v.findings[0]!.message}`);
  await refuseOverwrite(flags.out, flags.force);
  await writeFileAtomic(flags.out, JSON.stringify(dossier, null, 2) + '\n');
  if (flags.json) outJson({ file: flags.out, license: payload.id, declarations: [...found.keys()], warnings });
  else {
    out(`dossier for license ${payload.id} with ${declarations.length} declaration${declarations.length === 1 ? '' : 's'} → ${flags.out}`);
    for (const w of warnings) err(`  ! ${w} (xlic verify will reject the dossier)`);
  }
  return EXIT.OK;
}

export interface RulesCheckFlags extends TrustFlags {
  at?: string;
  json?: boolean;
}

/** `xlic rules check <file>`: validate a rules file (signed: also verify it against --trust). */
export async function rulesCheckCommand(file: string, flags: RulesCheckFlags): Promise<number> {
  const text = await readText(file);
  const s = styleFor(process.stdout);
  let doc: unknown;
  let signedNote = 'unsigned: sign it (xlic sign) before publishing; xlic verify --rules refuses unsigned rules';
  if (text.startsWith('{') && detectKind(parseJson(text)) === 'rules') doc = parseJson(text);
  else if (flags.trust?.length || flags.bundle) {
    const at = parseTime(flags.at);
    const ctx = await loadTrustFromFlags(flags, at);
    const r = await verifyDocument(text, ctx, { expect: 'rules' });
    if (r.verdict !== 'VALID') {
      if (flags.json) outJson({ valid: false, signed: true, code: r.code, reason: r.reason });
      else out(`${s.bad(s.bold('INVALID'))}  ${file}\n  Reason     ${r.reason} [${r.code}]`);
      return EXIT.INVALID;
    }
    doc = r.document;
    signedNote = `signed; verified: ${r.signatures[0]?.anchor?.source ?? ''}`;
  } else {
    doc = parseJson(decodeText(parseJws(text).payload));
    signedNote = 'signed, but NOT verified (give --trust to verify the signature)';
  }
  const check = checkRules(doc);
  const errors = check.findings.filter((f) => f.severity === 'error');
  if (flags.json) outJson({ valid: errors.length === 0, note: signedNote, findings: check.findings });
  else {
    out(`${errors.length ? s.bad(s.bold('INVALID')) : s.ok(s.bold('VALID'))}  rules ${check.document?.id ?? ''}  ${s.dim(file)}`);
    if (check.document) out(`  Rules      ${check.document.rules.length} from ${check.document.publisher.agencyId} (${check.document.publisher.country}), #${check.document.sequence}, valid from ${check.document.validFrom}`);
    out(`  Signature  ${signedNote}`);
    for (const f of check.findings) out(`    ${f.severity === 'error' ? s.bad('✗') : s.warn('!')} ${f.path || '/'}: ${f.message} [${f.code}]`);
  }
  return errors.length ? EXIT.INVALID : EXIT.OK;
}
