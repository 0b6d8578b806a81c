// End-to-end tests of `xlic screen` and `xlic sign --denials`, running the built binary (npx tsc -b cli)
// on the signed fixtures of examples/screening/signed/ (examples/screening/make-signed.mjs), and of
// `screeningChecks` / `loadScreeningInputs` that `xlic verify --screen` uses.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRootCa, exportPrivateKeyPem, issueCertificate, toPem } from '@xlic/trust';
import { loadTrust } from '@xlic/verify';
import { loadScreeningInputs, screeningChecks } from '../src/screening-checks.js';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'xlic.js');
const SIGNED = join(ROOT, 'examples', 'screening', 'signed');
const AT = '2026-11-23T12:00:00Z';
const TRUST = ['--trust', 'trust/jp-meti-trust-list.jws'];
const BAFA_LIST = ['--list', 'lists/de-bafa-screening-42.jws'];

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function xlic(args: string[]): Run {
  const env = { ...process.env, NO_COLOR: '1' };
  delete env['XLIC_PASSPHRASE'];
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: SIGNED, env, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function screenJson(args: string[]): { status: number | null; json: any } {
  const r = xlic(['screen', ...args, ...TRUST, '--at', AT, '--json']);
  return { status: r.status, json: JSON.parse(r.stdout) };
}

describe('xlic screen', () => {
  it('reports CLEAR, ESCALATE, HIT and de-listed information per party, each hit explained', () => {
    const { status, json } = screenJson(['parties/clean.json', 'parties/romashka-reordered.json', 'parties/schwarzmeer-delisted.json', 'parties/golden-crescent-variant.json', ...BAFA_LIST, '--list', 'lists/jp-meti-end-user-list.jws']);
    expect(status).toBe(1);
    const [clean, romashka, delisted, golden] = json.documents.map((d: any) => d.parties[0]);
    expect(clean.outcome).toBe('CLEAR');
    expect(clean.hits).toEqual([]);
    expect(romashka.outcome).toBe('ESCALATE');
    expect(romashka.hits[0]).toMatchObject({ entryId: 'XS-0001', rule: 'exact-normalised', score: 1, action: 'escalate', escalateTo: 'BAFA Referat 213 (Sanktionen und Listungen)', list: { id: 'de-bafa-screening', sequence: 42, publisher: { country: 'DE', agencyId: 'BAFA' } } });
    expect(romashka.hits[0].matched.entryName).toMatchObject({ kind: 'primary', value: 'ООО «Ромашка Технологии»' });
    expect(delisted.outcome).toBe('CLEAR');
    expect(delisted.hits[0]).toMatchObject({ entryId: 'XS-0017', status: 'informational', informationalReason: 'delisted', action: 'none' });
    expect(golden.outcome).toBe('HIT');
    const metiHit = golden.hits.find((h: any) => h.list.id === 'jp-meti-end-user-list');
    expect(metiHit).toMatchObject({ entryId: 'JP-EUL-0001', rule: 'fuzzy', action: 'fail' });
    expect(metiHit.score).toBeGreaterThanOrEqual(0.85);
    expect(metiHit.score).toBeLessThan(1);
  });

  it('prints the entry, alias, rule, score, list and publisher of a hit and exits 0 when all are clear', () => {
    const hit = xlic(['screen', 'parties/romashka-reordered.json', ...BAFA_LIST, ...TRUST, '--at', AT]);
    expect(hit.status).toBe(1);
    expect(hit.stdout).toMatch(/^ESCALATE party Ромашка Технологии ООО$/m);
    expect(hit.stdout).toContain('entry XS-0001 "ООО «Ромашка Технологии»" · primary "ООО «Ромашка Технологии»" · rule exact-normalised · score 1.000 · list de-bafa-screening #42 of BAFA DE');
    const clear = xlic(['screen', 'parties/clean.json', 'parties/schwarzmeer-delisted.json', ...BAFA_LIST, ...TRUST, '--at', AT]);
    expect(clear.status).toBe(0);
    expect(clear.stdout).toContain('informational: de-listed at 2025-09-01T00:00:00Z');
    expect(clear.stdout).toContain('2 parties screened: 2 clear, 0 hit, 0 escalate');
  });

  it('screens every party of a signed license and of a dossier (declarations included), and checks denials', () => {
    const lic = screenJson(['licenses/de-individual-2b001-jp.jws', ...BAFA_LIST, '--denials', 'denials/fr-sbdu-dn-2026-0117.jws']);
    expect(lic.status).toBe(1);
    const doc = lic.json.documents[0];
    expect(doc).toMatchObject({ kind: 'license', id: 'DE-BAFA-EA-2026-018274', signed: true });
    expect(doc.parties.map((p: any) => [p.path, p.outcome])).toEqual([['/exporter', 'CLEAR'], ['/consignee', 'CLEAR'], ['/endUsers/0', 'ESCALATE']]);
    expect(doc.parties[2].hits[0]).toMatchObject({ entryId: 'XS-0008', matched: { partyField: 'legalNameLatin', entryName: { kind: 'transliteration', value: 'Tokai Seimitsu K.K.' } } });
    expect(doc.denials).toHaveLength(1);
    expect(doc.denials[0]).toMatchObject({ noticeId: 'FR-SBDU-DN-2026-0117', state: 'blocking', deniedBy: 'FR SBDU' });

    const dossier = screenJson([join(ROOT, 'examples/dossiers/valid.json'), ...BAFA_LIST, '--list', 'lists/jp-meti-end-user-list.jws']);
    const paths = dossier.json.documents[0].parties.map((p: any) => p.path);
    expect(dossier.json.documents[0].kind).toBe('dossier');
    expect(paths).toEqual(['/license/exporter', '/license/consignee', '/license/endUsers/0', '/declarations/0/declarant', '/declarations/0/exporter']);
    expect(dossier.json.documents[0].parties.find((p: any) => p.path === '/declarations/0/declarant').outcome).toBe('ESCALATE');
  });

  it('keeps the newest of two versions of a list and says so', () => {
    const { json } = screenJson(['licenses/de-individual-2b001-jp.jws', '--list', 'lists/de-bafa-screening-41.jws', ...BAFA_LIST]);
    expect(json.lists.map((l: any) => `${l.id}#${l.sequence}`)).toEqual(['de-bafa-screening#42']);
    expect(json.notes).toEqual([expect.objectContaining({ code: 'SCREENING_LIST_SUPERSEDED', status: 'warn' })]);
    // XS-0008 exists only in #42: the older list alone would clear the end user.
    expect(json.documents[0].parties[2].outcome).toBe('ESCALATE');
    const older = screenJson(['licenses/de-individual-2b001-jp.jws', '--list', 'lists/de-bafa-screening-41.jws']);
    expect(older.json.documents[0].parties[2].outcome).toBe('CLEAR');
  });

  it('reports a stale list', () => {
    const r = xlic(['screen', 'parties/clean.json', ...BAFA_LIST, ...TRUST, '--at', '2026-12-05T00:00:00Z']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('STALE');
    expect(r.stdout).toMatch(/due for update at 2026-11-30T08:00:00Z \[SCREENING_LIST_STALE\]/);
  });

  it.each([
    ['lists/de-bafa-screening-tampered.jws', 'SCREENING_LIST_REJECTED', 'JWS_SIGNATURE_INVALID'],
    ['lists/de-bafa-screening-impostor.jws', 'SCREENING_LIST_REJECTED', 'CERT_UNTRUSTED_ROOT'],
    ['lists/fr-sbdu-screening-not-a-publisher.jws', 'SCREENING_LIST_REJECTED', 'CERT_ROLE_NOT_TRUSTED'],
    ['lists/de-bafa-screening-signed-by-meti.jws', 'SCREENING_LIST_REJECTED', 'TRUST_ISSUER_MISMATCH'],
    ['../screening-list.json', 'SCREENING_LIST_UNSIGNED', 'never applied'],
  ])('refuses %s with %s (%s), exit 2', (list, code, why) => {
    const r = xlic(['screen', 'parties/clean.json', '--list', list, ...TRUST, '--at', AT]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toContain(why);
  });

  it.each([
    ['denials/fr-sbdu-dn-2026-0117-tampered.jws', 'DENIAL_NOTICE_REJECTED', 'JWS_SIGNATURE_INVALID'],
    ['denials/fr-sbdu-dn-2026-0117-wrong-digest.jws', 'DENIAL_NOTICE_REJECTED', 'supersedes FR-SBDU-DN-2026-0117 with digest 0000'],
    ['../denial-fr-sbdu-2026-0117.json', 'DENIAL_NOTICE_UNSIGNED', 'never applied'],
  ])('refuses the notice %s with %s', (notice, code, why) => {
    const r = xlic(['screen', 'licenses/de-individual-2b001-jp.jws', ...BAFA_LIST, '--denials', 'denials/fr-sbdu-dn-2026-0117.jws', '--denials', notice, ...TRUST, '--at', AT]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain(`[${code}]`);
    expect(r.stderr).toContain(why);
  });

  it('requires trust for the lists, and reports an unreadable input as exit 2 while screening the others', () => {
    const none = xlic(['screen', 'parties/clean.json', ...BAFA_LIST, '--at', AT]);
    expect(none.status).toBe(2);
    expect(none.stderr).toContain('[TRUST_NONE_CONFIGURED]');
    const mixed = xlic(['screen', 'parties/clean.json', 'parties/no-such-party.json', ...BAFA_LIST, ...TRUST, '--at', AT]);
    expect(mixed.status).toBe(2);
    expect(mixed.stdout).toContain('CLEAR party Schwarzwald Präzisionsmaschinen GmbH');
    expect(mixed.stderr).toContain('[INPUT_NOT_FOUND]');
  });
});

describe('screeningChecks (for xlic verify --screen --denials)', () => {
  const at = new Date(AT);
  const text = (p: string): { name: string; text: string } => ({ name: p, text: readFileSync(join(SIGNED, p), 'utf8') });
  const payload = (p: string): unknown => JSON.parse(Buffer.from(readFileSync(join(SIGNED, p), 'utf8').trim().split('.')[1]!, 'base64url').toString('utf8'));
  let trust: Awaited<ReturnType<typeof loadTrust>>;
  beforeAll(async () => {
    trust = await loadTrust({ trustLists: [text('trust/jp-meti-trust-list.jws')], at });
  });

  it('warns SCREENING_HIT_ESCALATE on an escalate list, fails DENIAL_BLOCKS_LICENSE on an active denial', async () => {
    const inputs = await loadScreeningInputs([text('lists/de-bafa-screening-42.jws')], [text('denials/fr-sbdu-dn-2026-0117.jws')], trust, at);
    const checks = await screeningChecks(payload('licenses/de-individual-2b001-jp.jws'), inputs.index, inputs.notices, at);
    expect(checks.filter((c) => c.status !== 'pass').map((c) => [c.name, c.status, c.code])).toEqual([
      ['screening', 'warn', 'SCREENING_HIT_ESCALATE'],
      ['denials', 'fail', 'DENIAL_BLOCKS_LICENSE'],
    ]);
    expect(checks.find((c) => c.code === 'DENIAL_BLOCKS_LICENSE')!.message).toContain('FR-SBDU-DN-2026-0117');
  });

  it('fails SCREENING_HIT on a fail list, and a license consultation turns the denial into DENIAL_CONSULTED', async () => {
    const inputs = await loadScreeningInputs([text('lists/jp-meti-end-user-list.jws')], [text('denials/fr-sbdu-dn-2026-0117.jws')], trust, at);
    const license = payload('licenses/de-individual-2b001-jp.jws') as Record<string, any>;
    license['endUsers'][0].legalNameLatin = 'Deccan Steel Process Automation Limited';
    license['consultations'] = [{ denialNotice: { id: 'FR-SBDU-DN-2026-0117', sha256: 'a'.repeat(64) }, agency: { country: 'FR', agencyId: 'SBDU' }, consultedAt: '2026-11-20T00:00:00Z', reference: 'SBDU/2026/4411' }];
    const checks = await screeningChecks(license, inputs.index, inputs.notices, at);
    expect(checks.filter((c) => c.status !== 'pass').map((c) => c.code)).toEqual(['SCREENING_HIT', 'DENIAL_CONSULTED']);
  });

  it('passes, saying what was screened, when nothing matches; informational for de-listed entries', async () => {
    const inputs = await loadScreeningInputs([text('lists/de-bafa-screening-42.jws')], [text('denials/fr-sbdu-dn-2026-0117.jws'), text('denials/fr-sbdu-dn-2026-0117-w.jws')], trust, at);
    const license = payload('licenses/de-global-test-measurement.jws') as Record<string, any>;
    let checks = await screeningChecks(license, inputs.index, inputs.notices, at);
    expect(checks.map((c) => c.status)).toEqual(['pass', 'pass']);
    expect(checks[0]!.message).toMatch(/parties clear against de-bafa-screening #42 \(BAFA DE\)/);
    license['consignee'].legalName = 'Schwarzmeer Handels GmbH';
    checks = await screeningChecks(license, inputs.index, inputs.notices, at);
    expect(checks.filter((c) => c.status !== 'pass').map((c) => c.code)).toEqual(['SCREENING_HIT_DELISTED']);
    // The withdrawn denial no longer blocks the machine-tool license.
    const withdrawn = await screeningChecks(payload('licenses/de-individual-2b001-jp.jws'), inputs.index, inputs.notices, at);
    expect(withdrawn.some((c) => c.code === 'DENIAL_BLOCKS_LICENSE')).toBe(false);
  });

  it('screens a dossier payload, declarations included', async () => {
    const inputs = await loadScreeningInputs([text('lists/de-bafa-screening-42.jws')], [], trust, at);
    const dossier = JSON.parse(readFileSync(join(ROOT, 'examples/dossiers/valid.json'), 'utf8'));
    const checks = await screeningChecks(dossier, inputs.index, inputs.notices, at);
    expect(checks.filter((c) => c.code === 'SCREENING_HIT_ESCALATE').map((c) => c.message.split(':')[0])).toEqual(['end-user /license/endUsers/0', 'declarant /declarations/0/declarant']);
  });
});

describe('xlic sign --denials', () => {
  let dir: string;
  const LICENSE = join(ROOT, 'examples/licenses/de-bafa-individual-2b001-jp.json');
  const sign = (extra: string[]): Run => xlic(['sign', LICENSE, '--key', join(dir, 'signer.key.pem'), '--cert', join(dir, 'signer.crt.pem'), '--at', AT, ...TRUST, '-o', join(dir, 'license.jws'), ...extra]);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'xlic-sign-denials-'));
    const name = 'Bundesamt für Wirtschaft und Ausfuhrkontrolle';
    const ca = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: name, notBefore: new Date('2026-01-01T00:00:00Z') });
    const signer = await issueCertificate({ issuer: ca, subject: { country: 'DE', organization: name, organizationalUnit: 'BAFA', commonName: 'BAFA test license signer' }, purpose: 'license-signing', notBefore: new Date('2026-11-01T00:00:00Z'), validityDays: 365 });
    writeFileSync(join(dir, 'signer.crt.pem'), toPem(signer.certificate, 'CERTIFICATE'));
    writeFileSync(join(dir, 'signer.key.pem'), await exportPrivateKeyPem(signer.privateKey), { mode: 0o600 });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('refuses to sign a license an ally denied, naming the notice, and writes nothing', () => {
    const r = sign(['--denials', 'denials/fr-sbdu-dn-2026-0117.jws']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('NOT SIGNED');
    expect(r.stderr).toContain('denial FR-SBDU-DN-2026-0117 by FR SBDU');
    expect(r.stderr).toContain('[DENIAL_BLOCKS_LICENSE]');
    expect(() => readFileSync(join(dir, 'license.jws'))).toThrow();
  });

  it('signs once the consultation is recorded', () => {
    const r = sign(['--denials', 'denials/fr-sbdu-dn-2026-0117.jws', '--consultation', 'FR-SBDU-DN-2026-0117']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('[DENIAL_CONSULTED]');
    expect(readFileSync(join(dir, 'license.jws'), 'utf8').split('.')).toHaveLength(3);
    rmSync(join(dir, 'license.jws'));
  });

  it('signs when the denial was withdrawn, or has expired', () => {
    const withdrawn = sign(['--denials', 'denials/fr-sbdu-dn-2026-0117.jws', '--denials', 'denials/fr-sbdu-dn-2026-0117-w.jws']);
    expect(withdrawn.status).toBe(0);
    expect(withdrawn.stderr).toContain('superseded by notice FR-SBDU-DN-2026-0117-W');
    rmSync(join(dir, 'license.jws'));
    const expired = sign(['--denials', 'denials/fr-sbdu-dn-2023-0033-expired.jws']);
    expect(expired.status).toBe(0);
    expect(expired.stderr).toContain('expired at 2026-03-01T10:00:00Z');
    rmSync(join(dir, 'license.jws'));
  });

  it('refuses a consultation naming no given notice, and an unverifiable notice', () => {
    const typo = sign(['--denials', 'denials/fr-sbdu-dn-2026-0117.jws', '--consultation', 'FR-SBDU-DN-2026-0118']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain('[USAGE]');
    const tampered = sign(['--denials', 'denials/fr-sbdu-dn-2026-0117-tampered.jws']);
    expect(tampered.status).toBe(2);
    expect(tampered.stderr).toContain('[DENIAL_NOTICE_REJECTED]');
  });

  it('still refuses to replace a newer signed screening list with an older one (sequence)', () => {
    // xlic sign -o keeps list sequences monotonic for screening lists as for trust and status lists.
    const list = JSON.parse(readFileSync(join(ROOT, 'examples/screening/screening-list.json'), 'utf8'));
    writeFileSync(join(dir, 'old.json'), JSON.stringify({ ...list, sequence: 41 }));
    writeFileSync(join(dir, 'current.jws'), readFileSync(join(SIGNED, 'lists/de-bafa-screening-42.jws')));
    const r = xlic(['sign', join(dir, 'old.json'), '--key', join(dir, 'signer.key.pem'), '--cert', join(dir, 'signer.crt.pem'), '-o', join(dir, 'current.jws')]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('[SEQUENCE_ROLLBACK]');
  });
});
