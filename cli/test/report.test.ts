// End-to-end tests of `xlic report` (the transparency report), running the built binary (npx tsc -b cli)
// on the signed licenses, status lists and denial notices of examples/screening/signed/.
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..');
const BIN = join(ROOT, 'cli', 'bin', 'xlic.js');
const SIGNED = join(ROOT, 'examples', 'screening', 'signed');
const LICENSES = readdirSync(join(SIGNED, 'licenses')).map((f) => `licenses/${f}`);
const INPUTS = [...LICENSES, 'status/de-bafa-status.jws', 'status/de-bafa-status-8.jws', 'denials/de-bafa-dn-2026-0031.jws', 'denials/fr-sbdu-dn-2026-0117.jws', 'denials/fr-sbdu-dn-2026-0117-w.jws'];
const BASE = ['--trust', 'trust/jp-meti-trust-list.jws', '--at', '2026-11-23T12:00:00Z'];
const NOVEMBER = ['--from', '2026-11-01', '--to', '2026-12-01'];

function xlic(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: SIGNED, env: { ...process.env, NO_COLOR: '1' }, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function reportJson(args: string[]): any {
  const r = xlic(['report', ...INPUTS, ...BASE, '--format', 'json', ...args]);
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout);
}

const payload = (p: string): any => JSON.parse(Buffer.from(readFileSync(join(SIGNED, p), 'utf8').trim().split('.')[1]!, 'base64url').toString('utf8'));

describe('xlic report', () => {
  it('counts what each agency issued, revoked and denied in the period, by type, destination and regime', () => {
    const r = reportJson(NOVEMBER);
    expect(r.period).toEqual({ from: '2026-11-01T00:00:00.000Z', to: '2026-12-01T00:00:00.000Z' });
    expect(r.agencies.map((a: any) => `${a.agency.country}/${a.agency.agencyId}`)).toEqual(['DE/BAFA', 'FR/SBDU', 'US/BIS']);
    const de = r.agencies[0];
    // The October license is outside the period; the amendment counts as issued.
    expect(de.issued).toMatchObject({ total: 7, amendments: 1, byLicenseType: { individual: 2, global: 1, 'humanitarian-exemption': 1, 'emergency-temporary': 3 } });
    expect(de.issued.byDestination).toMatchObject({ JP: 2, TR: 4, SG: 1 });
    expect(de.issued.byRegime).toEqual({ 'eu-dual-use': 7, 'wassenaar-dual-use': 2 });
    // Status list #9 wins over #8 (which has no entries).
    expect(de.statusChanges).toMatchObject({ revoked: 1, suspended: 0, amended: 1, byReason: { 'revoked:end-use-concern': 1, 'amended:amendment': 1 }, revokedByLicenseType: { individual: 1 }, revokedByDestination: { JP: 1 } });
    expect(de.denied).toMatchObject({ total: 1, renewals: 0, withdrawals: 0, byDestination: { AE: 1 }, byReasonCategory: { 'wmd-proliferation': 1 }, byRegime: { 'eu-dual-use': 1 } });
    // SBDU's denial (May) and its withdrawal (October) are outside November.
    expect(r.agencies[1].denied).toMatchObject({ total: 0, withdrawals: 0 });
    expect(r.inputs).toEqual({ licenses: 10, statusLists: ['DE-BAFA-STATUS #9'], denialNotices: 3 });
  });

  it('gives each exceptional license its decision time against the deadline and its review kept, missed or pending', () => {
    const de = reportJson(NOVEMBER).agencies[0];
    const byId = Object.fromEntries(de.exceptional.map((x: any) => [x.licenseId, x]));
    expect(byId['DE-BAFA-URG-2026-0011']).toMatchObject({ decisionHours: 8, deadlineHours: 12, deadlineMet: true, review: 'missed' });
    expect(byId['DE-BAFA-URG-2026-0012']).toMatchObject({ decisionHours: 6, deadlineMet: true, review: 'kept', reviewEvidence: 'amended 2026-11-17T10:00:00Z (by DE-BAFA-URG-2026-0012-A1)' });
    expect(byId['DE-BAFA-URG-2026-0012-A1']).toMatchObject({ decisionHours: 25, deadlineHours: 24, deadlineMet: false, review: 'pending' });
    expect(byId['DE-BAFA-HUM-2026-0007']).toMatchObject({ decisionHours: 74, deadlineHours: 48, deadlineMet: false, review: 'pending' });
    expect(de.exceptionalSummary).toEqual({ total: 4, deadlinesMet: 2, deadlinesMissed: 2, reviewsKept: 1, reviewsMissed: 1, reviewsPending: 2 });
    // SBDU's review date (2026-11-23 09:15 +01:00) passed before the report time without a review record.
    const fr = reportJson(NOVEMBER).agencies[1];
    expect(fr.exceptional[0]).toMatchObject({ licenseId: 'FR-SBDU-URG-2026-0047', decisionHours: 10.58, deadlineHours: 24, deadlineMet: true, review: 'missed' });
    // Judged earlier, the same review is not yet due.
    const before = JSON.parse(xlic(['report', ...INPUTS, '--trust', 'trust/jp-meti-trust-list.jws', '--at', '2026-11-23T06:00:00Z', '--format', 'json', '--agency', 'FR/SBDU']).stdout);
    expect(before.agencies[0].exceptional[0].review).toBe('pending');
  });

  it('filters by period and agency', () => {
    const october = reportJson(['--from', '2026-10-01', '--to', '2026-11-01', '--agency', 'de/bafa']);
    expect(october.agencies).toHaveLength(1);
    expect(october.agencies[0].issued).toMatchObject({ total: 1, byLicenseType: { individual: 1 } });
    expect(october.agencies[0].statusChanges.revoked).toBe(0);
    const sbduAll = reportJson(['--agency', 'FR/SBDU']);
    expect(sbduAll.agencies[0].denied).toMatchObject({ total: 1, withdrawals: 1, byReasonCategory: { 'diversion-risk': 1 } });
  });

  it('names no party, in any format: aggregates only, no free-text reasons', () => {
    const names = new Set<string>();
    for (const f of LICENSES) {
      const l = payload(f);
      for (const p of [l.exporter, l.consignee, ...l.endUsers, ...(l.intermediateConsignees ?? [])]) {
        names.add(p.legalName);
        if (p.legalNameLatin) names.add(p.legalNameLatin);
        for (const id of p.identifiers ?? []) names.add(id.value);
      }
    }
    for (const f of ['denials/de-bafa-dn-2026-0031.jws', 'denials/fr-sbdu-dn-2026-0117.jws']) {
      const n = payload(f);
      names.add(n.endUser.legalName);
      if (n.consignee) names.add(n.consignee.legalName);
    }
    expect(names).toContain('Sergey Ivanovich Kuznetsov');
    for (const format of ['md', 'json', 'csv']) {
      const out = xlic(['report', ...INPUTS, ...BASE, '--format', format]).stdout;
      expect(out.length).toBeGreaterThan(500);
      for (const name of names) expect(out).not.toContain(name);
      expect(out).not.toContain('Kuznetsov');
      expect(out).not.toContain('Credible information of diversion');
      expect(out).not.toContain('Earthquake');
    }
  });

  it('writes Markdown tables and long-format CSV with the same numbers', () => {
    const md = xlic(['report', ...INPUTS, ...BASE, ...NOVEMBER]).stdout;
    expect(md).toContain('## Bundesamt für Wirtschaft und Ausfuhrkontrolle (BAFA, DE)');
    expect(md).toContain('Issued: **7** (of which 1 amendments). Revoked: **1**, suspended: 0, amended: 1. Denied: **1**');
    expect(md).toMatch(/^\| DE-BAFA-URG-2026-0011 \| emergency-temporary \| TR \| 8 \| 12 \| met \| 2026-11-17T00:00:00Z \| missed \|$/m);
    const csv = xlic(['report', ...INPUTS, ...BASE, ...NOVEMBER, '--format', 'csv']).stdout.trim().split('\n');
    expect(csv[0]).toBe('agency,section,dimension,key,value');
    expect(csv.every((row) => row.split(',').length === 5)).toBe(true);
    expect(csv).toContain('DE/BAFA,issued,total,,7');
    expect(csv).toContain('DE/BAFA,status,revoked,,1');
    expect(csv).toContain('DE/BAFA,denied,destination,AE,1');
    expect(csv).toContain('DE/BAFA,exceptional,review,DE-BAFA-URG-2026-0012,kept');
    expect(csv).toContain('US/BIS,exceptional,deadlineMet,D1291022,true');
  });

  it('counts only verified documents: a tampered or unsigned input stops the report', () => {
    const tampered = xlic(['report', ...LICENSES, 'denials/fr-sbdu-dn-2026-0117-tampered.jws', ...BASE]);
    expect(tampered.status).toBe(1);
    expect(tampered.stdout).toBe('');
    expect(tampered.stderr).toContain('[JWS_SIGNATURE_INVALID]');
    const unsigned = xlic(['report', ...LICENSES, join(ROOT, 'examples/licenses/de-bafa-individual-2b001-jp.json'), ...BASE]);
    expect(unsigned.status).not.toBe(0);
    expect(unsigned.stdout).toBe('');
    const list = xlic(['report', 'lists/de-bafa-screening-42.jws', ...BASE]);
    expect(list.status).toBe(2);
    expect(list.stderr).toContain('[UNKNOWN_DOCUMENT_KIND]');
    const noTrust = xlic(['report', ...LICENSES, '--at', '2026-11-23T12:00:00Z']);
    expect(noTrust.status).toBe(2);
    expect(noTrust.stderr).toContain('[TRUST_NONE_CONFIGURED]');
  });

  it('rejects bad options with exit 2', () => {
    expect(xlic(['report', ...LICENSES, ...BASE, '--format', 'xml']).status).toBe(2);
    expect(xlic(['report', ...LICENSES, ...BASE, '--from', '2026-12-01', '--to', '2026-11-01']).stderr).toContain('[USAGE]');
    expect(xlic(['report', ...LICENSES, ...BASE, '--agency', 'BAFA']).stderr).toContain('[USAGE]');
  });
});
