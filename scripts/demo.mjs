#!/usr/bin/env node
// The README's main job, end to end on the bundled examples, through the real `xlic` CLI:
// validate the examples; Germany (BAFA) and Japan (METI) set up their PKI and publish trust lists;
// BAFA signs a license; Japanese customs verifies it offline; a tampered copy and a revoked license fail;
// a border post verifies from one offline bundle. Every step checks its expected outcome.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const xlic = path.join(root, 'cli/bin/xlic.js');
const work = path.join(root, '.demo');
const rel = (p) => path.relative(root, p);
const color = process.stdout.isTTY && !process.env.NO_COLOR;
const dim = (s) => (color ? `\u001b[2m${s}\u001b[22m` : s);
const bold = (s) => (color ? `\u001b[1m${s}\u001b[22m` : s);

let step = 0;
function section(title) {
  step += 1;
  console.log(`\n${bold(`${step}. ${title}`)}`);
}

/** Run xlic, show the command and its output, and insist on the expected exit status. */
function run(args, { expect = 0, quiet = false, env = {} } = {}) {
  const shown = args.map((a) => (a.length > 48 ? `${a.slice(0, 24)}…` : a)).map((a) => (a.includes(' ') ? JSON.stringify(a) : a));
  console.log(dim(`$ xlic ${shown.join(' ')}`));
  const r = spawnSync(process.execPath, [xlic, ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env } });
  if (!quiet) process.stdout.write(r.stdout.replace(/^(?=.)/gm, '  '));
  if (r.stderr) process.stdout.write(r.stderr.replace(/^(?=.)/gm, '  '));
  if (r.status !== expect) {
    console.error(`demo: expected exit status ${expect} from "xlic ${args.join(' ')}", got ${r.status}`);
    process.exit(1);
  }
  return r;
}

/** Rasterise the PDF and read its QR codes with zbarimg, when poppler and zbar are installed. */
function scanQrCodes(pdf) {
  const have = (tool) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
  if (!have('pdftoppm') || !have('zbarimg')) {
    console.log(dim('  (pdftoppm or zbarimg not installed: skipping the scan of the printed QR codes)'));
    return undefined;
  }
  const prefix = path.join(work, 'scan');
  spawnSync('pdftoppm', ['-r', '150', '-gray', pdf, prefix]);
  const pages = fs.readdirSync(work).filter((f) => f.startsWith('scan')).map((f) => path.join(work, f));
  const r = spawnSync('zbarimg', ['--raw', '-q', ...pages], { encoding: 'utf8' });
  return r.stdout.split('\n').filter((l) => l.trim() !== '');
}

fs.rmSync(work, { recursive: true, force: true });
fs.mkdirSync(work, { recursive: true });
const w = (...p) => path.relative(root, path.join(work, ...p));

section('Every example validates; every invalid example is rejected with its expected code');
const examples = ['licenses', 'declarations', 'parties'].flatMap((d) => fs.readdirSync(path.join(root, 'examples', d)).filter((f) => f.endsWith('.json')).map((f) => `examples/${d}/${f}`));
run(['validate', '--quiet', ...examples]);
const index = JSON.parse(fs.readFileSync(path.join(root, 'examples/index.json'), 'utf8'));
const vectors = Array.isArray(index) ? index : index.vectors;
const invalid = vectors.filter((v) => v.expect && v.expect.valid === false);
let matched = 0;
for (const v of invalid) {
  const r = spawnSync(process.execPath, [xlic, 'validate', '--json', path.join('examples', v.file)], { cwd: root, encoding: 'utf8' });
  const codes = JSON.parse(r.stdout).results[0].findings.map((f) => f.code).sort();
  if (r.status === 1 && JSON.stringify(codes) === JSON.stringify([...v.expect.codes].sort())) matched += 1;
  else console.log(`  ✗ ${v.file}: expected ${v.expect.codes.join(', ')}, got ${codes.join(', ')} (exit ${r.status})`);
}
console.log(`  ${matched} of ${invalid.length} invalid examples rejected with exactly their expected codes`);
if (matched !== invalid.length) process.exit(1);

section('Germany (BAFA, ES256), Japan (METI, EdDSA) and France (SBDU, ES384) set up their agency PKI');
const agencies = {
  de: { country: 'DE', id: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle', alg: 'ES256' },
  jp: { country: 'JP', id: 'METI', name: 'Ministry of Economy, Trade and Industry', alg: 'EdDSA' },
  fr: { country: 'FR', id: 'SBDU', name: 'Service des biens à double usage', alg: 'ES384' },
};
for (const [k, a] of Object.entries(agencies)) {
  run(['pki', 'init', '--country', a.country, '--agency-id', a.id, '--name', a.name, '--alg', a.alg, '--out-dir', w(k)]);
  run(['pki', 'issue', '--ca-cert', w(k, 'root.crt.pem'), '--ca-key', w(k, 'root.key.pem'), '--purpose', 'license-signing', '--out', w(k, 'license-signer')]);
  run(['pki', 'issue', '--ca-cert', w(k, 'root.crt.pem'), '--ca-key', w(k, 'root.key.pem'), '--purpose', 'list-signing', '--out', w(k, 'list-signer')], { quiet: true });
}

section('Each publishes a signed trust list: whom it trusts, for what');
const roles = { own: 'license-issuer,status-publisher,trust-list-publisher,declaration-certifier,end-user-certifier,rules-publisher,screening-list-publisher,denial-publisher,customs', ally: 'license-issuer,status-publisher,trust-list-publisher,screening-list-publisher,denial-publisher' };
for (const [k, a] of Object.entries(agencies).filter(([k2]) => k2 !== 'fr')) {
  const list = w(k, 'trust-list.json');
  run(['trust', 'create', '--id', `${a.country}-${a.id}-TL`, '--country', a.country, '--agency-id', a.id, '--name', a.name, '--out', list], { quiet: true });
  for (const [k2, b] of Object.entries(agencies)) {
    run(['trust', 'add', list, '--root', w(k2, 'root.crt.pem'), '--country', b.country, '--agency-id', b.id, '--name', b.name, '--roles', k2 === k ? roles.own : roles.ally], { quiet: true });
  }
  run(['sign', list, '--key', w(k, 'list-signer.key.pem'), '--cert', w(k, 'list-signer.crt.pem'), '-o', w(k, 'trust-list.jws')]);
}
run(['trust', 'show', w('jp', 'trust-list.jws')]);

section('BAFA signs a license for 5-axis machining centres to Japan, and publishes its status list');
run(['sign', 'examples/licenses/de-bafa-individual-2b001-jp.json', '--key', w('de', 'license-signer.key.pem'), '--cert', w('de', 'license-signer.crt.pem'), '-o', w('license.jws')]);
run(['sign', 'examples/licenses/de-bafa-global-test-measurement.json', '--key', w('de', 'license-signer.key.pem'), '--cert', w('de', 'license-signer.crt.pem'), '-o', w('license-global.jws')], { quiet: true });
run(['status', 'create', '--id', 'DE-BAFA-STATUS', '--country', 'DE', '--agency-id', 'BAFA', '--name', agencies.de.name, '--out', w('de', 'status.json')], { quiet: true });
run(['sign', w('de', 'status.json'), '--key', w('de', 'list-signer.key.pem'), '--cert', w('de', 'list-signer.crt.pem'), '-o', w('de', 'status.jws')], { quiet: true });

const trust = ['--trust', w('jp', 'trust-list.jws'), '--trust', w('de', 'trust-list.jws'), '--status', w('de', 'status.jws')];
section('Japanese customs verifies it offline with its trust lists');
run(['verify', w('license.jws'), ...trust]);

section('The exporter gets a PDF that carries the signed original; customs checks the PDF and its printed QR codes');
run(['render', w('license.jws'), '-o', w('license.pdf')]);
run(['verify', w('license.pdf'), ...trust], { quiet: true });
console.log('  VALID: the attachment verifies and the visible pages are exactly its rendering');
const scanned = scanQrCodes(w('license.pdf'));
if (scanned) {
  run(['verify', ...scanned.flatMap((t) => ['--qr', t]), ...trust], { quiet: true });
  console.log(`  VALID: ${scanned.length} QR codes read back by zbarimg from the printed pages verify on their own`);
}
const forged = fs.readFileSync(w('license.pdf'));
fs.writeFileSync(w('license-forged.pdf'), Buffer.concat([forged, Buffer.from('\n% an appended incremental update\n%%EOF\n')]));
run(['verify', w('license-forged.pdf'), ...trust], { expect: 1, quiet: true });
console.log('  INVALID: an incremental update appended to the PDF is refused (PDF_INCREMENTAL_UPDATE)');

section("The end user declares the end use, METI certifies it, and customs checks the dossier under Japan's rules");
run(['pki', 'issue', '--ca-cert', w('jp', 'root.crt.pem'), '--ca-key', w('jp', 'root.key.pem'), '--purpose', 'declaration-signing', '--organization', '東海精密工業株式会社', '--country', 'JP', '--cn', 'Export compliance', '--out', w('tokai')], { quiet: true });
run(['pki', 'issue', '--ca-cert', w('jp', 'root.crt.pem'), '--ca-key', w('jp', 'root.key.pem'), '--purpose', 'declaration-certifying', '--out', w('jp', 'certifier')], { quiet: true });
run(['declare', 'sign', 'examples/declarations/tokai-seimitsu-certified-by-meti.json', '--key', w('tokai.key.pem'), '--cert', w('tokai.crt.pem'), '-o', w('eud.jws')]);
run(['certify', w('eud.jws'), '--key', w('jp', 'certifier.key.pem'), '--cert', w('jp', 'certifier.crt.pem'), '-o', w('eud.certified.json')]);
run(['sign', 'examples/rules/jp-import-rules.json', '--key', w('jp', 'list-signer.key.pem'), '--cert', w('jp', 'list-signer.crt.pem'), '-o', w('jp', 'rules.jws')], { quiet: true });
run(['dossier', 'create', '--license', w('license.jws'), '--declaration', w('eud.certified.json'), '-o', w('dossier.json')]);
const rulesFlags = [...trust, '--rules', w('jp', 'rules.jws')];
run(['verify', w('dossier.json'), ...rulesFlags]);
console.log('  Without its declaration the same license is refused:');
run(['dossier', 'create', '--license', w('license.jws'), '-o', w('dossier-incomplete.json')], { quiet: true });
run(['verify', w('dossier-incomplete.json'), ...rulesFlags], { expect: 1 });
console.log('  A license for a military end use is valid but escalated to METI by rule JP-IMP-002:');
const military = JSON.parse(fs.readFileSync(path.join(root, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8'));
Object.assign(military, { id: 'DE-BAFA-EA-2026-018290', endUse: { sector: 'military', description: 'Machining of components for Japan Self-Defense Forces vehicles' } });
fs.writeFileSync(path.join(root, w('license-military.json')), JSON.stringify(military, null, 2));
run(['sign', w('license-military.json'), '--key', w('de', 'license-signer.key.pem'), '--cert', w('de', 'license-signer.crt.pem'), '-o', w('license-military.jws')], { quiet: true });
run(['dossier', 'create', '--license', w('license-military.jws'), '--declaration', w('eud.certified.json'), '-o', w('dossier-military.json')], { quiet: true });
run(['verify', w('dossier-military.json'), ...rulesFlags]);

section("Customs screens the dossier's parties against BAFA's signed list of parties of concern");
const screening = JSON.parse(fs.readFileSync(path.join(root, 'examples/screening/screening-list.json'), 'utf8'));
const older = { ...screening, sequence: screening.sequence - 1, entries: screening.entries.filter((e) => e.id !== 'XS-0008') };
fs.writeFileSync(path.join(root, w('de', 'screening-older.json')), JSON.stringify(older, null, 2));
run(['sign', w('de', 'screening-older.json'), '--key', w('de', 'list-signer.key.pem'), '--cert', w('de', 'list-signer.crt.pem'), '-o', w('de', 'screening-older.jws')], { quiet: true });
run(['screen', w('dossier.json'), '--list', w('de', 'screening-older.jws'), ...trust.slice(0, 4)]);
console.log("  BAFA's next list names the end user's parent company: the same dossier is escalated.");
run(['sign', 'examples/screening/screening-list.json', '--key', w('de', 'list-signer.key.pem'), '--cert', w('de', 'list-signer.crt.pem'), '-o', w('de', 'screening.jws')], { quiet: true });
run(['screen', w('dossier.json'), '--list', w('de', 'screening.jws'), ...trust.slice(0, 4)], { expect: 1 });

section('France denied the same transaction: BAFA cannot sign a new license until it consults France');
run(['sign', 'examples/screening/denial-fr-sbdu-2026-0117.json', '--key', w('fr', 'list-signer.key.pem'), '--cert', w('fr', 'list-signer.crt.pem'), '-o', w('fr', 'denial.jws')]);
const fresh = { ...JSON.parse(fs.readFileSync(path.join(root, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8')), id: 'DE-BAFA-EA-2026-018300' };
fs.writeFileSync(path.join(root, w('license-new.json')), JSON.stringify(fresh, null, 2));
const signNew = ['sign', w('license-new.json'), '--denials', w('fr', 'denial.jws'), '--trust', w('de', 'trust-list.jws'), '--key', w('de', 'license-signer.key.pem'), '--cert', w('de', 'license-signer.crt.pem'), '-o', w('license-new.jws')];
run(signNew, { expect: 1 });
console.log('  After consulting SBDU, BAFA records the consultation in the license and signs:');
const denialPayload = Buffer.from(fs.readFileSync(path.join(root, w('fr', 'denial.jws')), 'utf8').trim().split('.')[1], 'base64url');
fresh.consultations = [{ denialNotice: { id: 'FR-SBDU-DN-2026-0117', sha256: createHash('sha256').update(denialPayload).digest('hex') }, agency: { country: 'FR', agencyId: 'SBDU', name: agencies.fr.name }, consultedAt: new Date().toISOString().replace(/\.\d{3}Z$/, 'Z'), reference: 'SBDU/CONS/2026/4411', outcome: 'no-objection' }];
fs.writeFileSync(path.join(root, w('license-new.json')), JSON.stringify(fresh, null, 2));
run(signNew);

section('A copy with the quantity changed after signing is refused');
const [h, p, s] = fs.readFileSync(w('license.jws'), 'utf8').trim().split('.');
const payload = JSON.parse(Buffer.from(p, 'base64url').toString('utf8'));
payload.items[0].quantity.value *= 10;
fs.writeFileSync(w('license-tampered.jws'), `${h}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.${s}\n`);
run(['verify', w('license-tampered.jws'), ...trust], { expect: 1 });

section('BAFA revokes the license; the next status list makes it INVALID at the border');
run(['status', 'add', w('de', 'status.json'), '--license', payload.id, '--status', 'revoked', '--reason', 'end-use-concern', '--text', 'Diversion risk reported by an ally'], { quiet: true });
run(['sign', w('de', 'status.json'), '--key', w('de', 'list-signer.key.pem'), '--cert', w('de', 'list-signer.crt.pem'), '-o', w('de', 'status.jws')], { quiet: true });
run(['verify', w('license.jws'), ...trust], { expect: 1 });

section('A border post offline for days verifies from one signed bundle');
run(['bundle', '--trust', w('jp', 'trust-list.jws'), '--trust', w('de', 'trust-list.jws'), '--status', w('de', 'status.jws'), '--key', w('jp', 'list-signer.key.pem'), '--cert', w('jp', 'list-signer.crt.pem'), '-o', w('jp', 'border.bundle.jws')]);
run(['verify', w('license-global.jws'), '--bundle', w('jp', 'border.bundle.jws')]);

console.log(`\n${bold('Demo complete.')} Files are in ${rel(work)}/; try: ${dim('node_modules/.bin/xlic verify --help')}`);
