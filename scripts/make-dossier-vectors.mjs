#!/usr/bin/env node
// Generates examples/dossiers/: shipment dossiers (a signed license with signed, certified end-use
// declarations) and signed jurisdiction rules, each vector with its expected verdict under Japan's
// rules. Run after `pnpm build`: node scripts/make-dossier-vectors.mjs. Private keys are not kept.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRootCa, issueCertificate, thumbprint } from '@xlic/trust';
import { cosignDocument, signDocument } from '@xlic/sign';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const out = path.join(root, 'examples/dossiers');
const read = (p) => JSON.parse(fs.readFileSync(path.join(root, p), 'utf8'));
const b64 = (u) => Buffer.from(u).toString('base64');
const write = (rel, text) => {
  fs.mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
  fs.writeFileSync(path.join(out, rel), text.endsWith('\n') ? text : text + '\n');
};
const AT = '2026-11-23T12:00:00Z';
const T = (s) => new Date(s);
fs.rmSync(out, { recursive: true, force: true });

// PKI: BAFA issues licenses; METI certifies end users' keys and declarations, publishes trust lists and rules.
const de = { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' };
const jp = { country: 'JP', agencyId: 'METI', name: 'Ministry of Economy, Trade and Industry' };
const nb = T('2026-11-01T00:00:00Z');
const deRoot = await createRootCa({ country: de.country, agencyId: de.agencyId, agencyName: de.name, notBefore: T('2026-01-01T00:00:00Z') });
const jpRoot = await createRootCa({ country: jp.country, agencyId: jp.agencyId, agencyName: jp.name, algorithm: 'EdDSA', notBefore: T('2026-01-01T00:00:00Z') });
const agencySigner = (rootCa, a, purpose, alg = 'ES256') => issueCertificate({ issuer: rootCa, subject: { country: a.country, organization: a.name, organizationalUnit: a.agencyId, commonName: `${a.agencyId} ${purpose} signer 1` }, purpose, algorithm: alg, notBefore: nb });
const bafa = await agencySigner(deRoot, de, 'license-signing');
const metiList = await agencySigner(jpRoot, jp, 'list-signing', 'EdDSA');
const metiCertifier = await agencySigner(jpRoot, jp, 'declaration-certifying', 'EdDSA');
const declarationTemplate = read('examples/declarations/tokai-seimitsu-certified-by-meti.json');
const company = (name) => issueCertificate({ issuer: jpRoot, subject: { country: 'JP', organization: name, commonName: 'Export compliance' }, purpose: 'declaration-signing', notBefore: nb });
const tokai = await company(declarationTemplate.declarant.legalName);
const impostor = await company('丸の内機械商事株式会社');
const s = (c, alg = 'ES256') => ({ privateKey: c.privateKey, algorithm: alg, chain: [c.certificate] });

const entry = async (a, ca, roles) => ({ agency: a, roles, certificates: [{ x5c: b64(ca.certificate), sha256: await thumbprint(ca.certificate) }], validFrom: '2026-01-01T00:00:00Z', validUntil: '2030-01-01T00:00:00Z' });
const trustList = { documentType: 'trust-list', schemaVersion: '1.0', id: 'JP-METI-TL', sequence: 5, publisher: jp, issuedAt: '2026-11-15T00:00:00Z', nextUpdate: '2026-12-15T00:00:00Z', entries: [await entry(jp, jpRoot, ['license-issuer', 'trust-list-publisher', 'status-publisher', 'declaration-certifier', 'end-user-certifier', 'rules-publisher']), await entry(de, deRoot, ['license-issuer', 'status-publisher'])] };
write('trust/jp-meti-trust-list.jws', (await signDocument(trustList, s(metiList, 'EdDSA'), { signingTime: T('2026-11-15T00:00:00Z') })).jws);
write('rules/jp-import-rules.jws', (await signDocument(read('examples/rules/jp-import-rules.json'), s(metiList, 'EdDSA'), { signingTime: T('2026-11-10T00:00:00Z') })).jws);

// Declarations: made and signed by the end user, then certified (countersigned) by METI.
const declare = async (doc, signer = tokai, certify = true) => {
  const { jws, payloadSha256 } = await signDocument(doc, s(signer), { signingTime: T('2026-11-18T02:00:00Z') });
  return { jws: certify ? await cosignDocument(jws, s(metiCertifier, 'EdDSA'), { signingTime: T('2026-11-19T01:00:00Z') }) : jws, sha256: payloadSha256, id: doc.id };
};
const certified = await declare(declarationTemplate);
const { certification: _omit, ...uncertifiedDoc } = { ...declarationTemplate, id: 'TSK-EUC-2026-0094' };
const uncertified = await declare(uncertifiedDoc, tokai, false);
const short = await declare({ ...declarationTemplate, id: 'TSK-EUC-2026-0095', items: declarationTemplate.items.map((i, k) => (k === 0 ? { ...i, quantity: { ...i.quantity, value: 1 } } : i)) });
const forgedBy = await declare({ ...declarationTemplate, id: 'TSK-EUC-2026-0096' }, impostor);
const altered = await declare({ ...declarationTemplate, items: declarationTemplate.items.map((i, k) => (k === 0 ? { ...i, quantity: { ...i.quantity, value: 20 } } : i)) });

const base = read('examples/licenses/de-bafa-individual-2b001-jp.json');
const license = async (patch) => (await signDocument({ ...base, ...patch }, s(bafa), { signingTime: T('2026-11-20T09:30:00Z') }));
const refTo = (d) => ({ endUseDeclarations: [{ id: d.id, sha256: d.sha256 }] });
const L = {
  valid: await license(refTo(certified)),
  uncertified: await license({ id: 'DE-BAFA-EA-2026-018275', ...refTo(uncertified) }),
  short: await license({ id: 'DE-BAFA-EA-2026-018276', ...refTo(short) }),
  forged: await license({ id: 'DE-BAFA-EA-2026-018277', ...refTo(forgedBy) }),
  military: await license({ id: 'DE-BAFA-EA-2026-018278', endUse: { ...base.endUse, sector: 'military', description: 'Machining of components for Japan Self-Defense Forces vehicles' }, ...refTo(certified) }),
};
const amended = await signDocument({ ...base, id: 'DE-BAFA-EA-2026-018274-A1', issuedAt: '2026-11-21T10:00:00+01:00', supersedes: { id: base.id, sha256: L.valid.payloadSha256 }, ...refTo(certified), items: base.items.map((i, k) => (k === 1 ? { ...i, quantity: { ...i.quantity, value: 1 } } : i)) }, s(bafa), { signingTime: T('2026-11-21T09:00:00Z') });

const dossier = (lic, decls, id) => JSON.stringify({ documentType: 'dossier', schemaVersion: '1.0', id, license: lic.jws, declarations: decls.map((d) => d.jws) }, null, 2);
const vectors = [];
const common = { at: AT, trust: ['trust/jp-meti-trust-list.jws'], rules: ['rules/jp-import-rules.jws'] };
const add = (file, content, description, expect, extra = {}) => {
  write(file, content);
  vectors.push({ file, description, ...common, ...extra, expect });
};
add('valid.json', dossier(L.valid, [certified], 'SHIP-2026-0001'), 'license with the end user\'s declaration, certified by METI: accepted under Japan\'s rules', { verdict: 'VALID' });
add('missing-declaration.json', dossier(L.valid, [], 'SHIP-2026-0002'), 'the referenced declaration is not in the dossier', { verdict: 'INVALID', code: 'DOSSIER_DECLARATION_MISSING' });
add('digest-mismatch.json', dossier(L.valid, [altered], 'SHIP-2026-0003'), 'a declaration with the same id but other content (quantity changed and re-signed)', { verdict: 'INVALID', code: 'DOSSIER_DECLARATION_DIGEST_MISMATCH' });
add('uncertified.json', dossier(L.uncertified, [uncertified], 'SHIP-2026-0004'), 'declaration signed by the end user only: rule JP-IMP-001 requires METI certification for 2B001', { verdict: 'INVALID', code: 'RULE_FAILED' });
add('uncertified-no-rules.json', dossier(L.uncertified, [uncertified], 'SHIP-2026-0004'), 'the same dossier without jurisdiction rules: valid (certification is a rule, not a format requirement)', { verdict: 'VALID' }, { rules: [] });
add('quantity-not-covered.json', dossier(L.short, [short], 'SHIP-2026-0005'), 'the declaration covers 1 of the 2 machining centres licensed', { verdict: 'INVALID', code: 'DECLARATION_ITEMS_NOT_COVERED' });
add('wrong-declarant.json', dossier(L.forged, [forgedBy], 'SHIP-2026-0006'), 'the declaration names Tokai Seimitsu but is signed with another company\'s certificate', { verdict: 'INVALID', code: 'DOSSIER_DECLARATION_INVALID' });
add('military-escalated.json', dossier(L.military, [certified], 'SHIP-2026-0007'), 'military end use: valid, but rule JP-IMP-002 escalates to METI within 24 hours', { verdict: 'VALID', warnings: ['RULE_ESCALATION'] });
write('licenses/original.jws', L.valid.jws);
write('licenses/amended.jws', amended.jws);
vectors.push({ files: ['licenses/original.jws', 'licenses/amended.jws'], description: 'an amended license and the one it supersedes, verified together: the original is INVALID naming its successor', ...common, rules: [], expect: { 'licenses/original.jws': { verdict: 'INVALID', code: 'LICENSE_SUPERSEDED' }, 'licenses/amended.jws': { verdict: 'VALID' } } });
add('unsigned-rules.json', dossier(L.valid, [certified], 'SHIP-2026-0001'), 'rules given unsigned are refused before anything is verified', { error: 'RULES_UNSIGNED' }, { rules: ['../rules/jp-import-rules.json'] });

write('index.json', JSON.stringify({
  description: 'Dossier and rules vectors: verify each `file` (or the `files` together) at `at` with the trust lists and signed rules named (paths relative to examples/dossiers/). `expect` is the verdict and first failing code, the warnings that must appear, or the input error that stops the run. Generated by scripts/make-dossier-vectors.mjs.',
  vectors,
}, null, 2));
console.log(`wrote ${vectors.length} dossier vectors to examples/dossiers/`);
