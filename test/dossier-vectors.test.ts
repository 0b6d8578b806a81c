// Every dossier and rules vector in examples/dossiers/index.json gives its expected outcome from the
// library and from the real built CLI.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isXlicError, parseJson } from '@xlic/core';
import { loadRules, loadTrust, resolveAmendments, verifyDocument, verifyDossier, type VerificationResult } from '@xlic/verify';

const repo = resolve(import.meta.dirname, '..');
const dir = join(repo, 'examples/dossiers');
const xlic = join(repo, 'cli/bin/xlic.js');
interface Expect { verdict?: string; code?: string; warnings?: string[]; error?: string }
interface Vector { file?: string; files?: string[]; description: string; at: string; trust: string[]; rules: string[]; expect: Expect | Record<string, Expect> }
const { vectors } = JSON.parse(readFileSync(join(dir, 'index.json'), 'utf8')) as { vectors: Vector[] };
const text = (p: string) => ({ name: p, text: readFileSync(join(dir, p), 'utf8') });

function check(r: VerificationResult, e: Expect): void {
  expect({ verdict: r.verdict, code: r.code }).toEqual({ verdict: e.verdict, code: e.code });
  for (const w of e.warnings ?? []) expect(r.checks.filter((c) => c.status === 'warn').map((c) => c.code)).toContain(w);
}

describe('dossier vectors: library', () => {
  it('cover acceptance, a missing declaration, escalation, rules failure, coverage, amendments and unsigned rules', () => {
    const codes = vectors.flatMap((v) => (v.file ? [(v.expect as Expect).code ?? (v.expect as Expect).error ?? (v.expect as Expect).verdict] : Object.values(v.expect as Record<string, Expect>).map((e) => e.code)));
    for (const c of ['VALID', 'DOSSIER_DECLARATION_MISSING', 'RULE_FAILED', 'DECLARATION_ITEMS_NOT_COVERED', 'LICENSE_SUPERSEDED', 'RULES_UNSIGNED']) expect(codes).toContain(c);
  });

  for (const v of vectors) {
    it(`${v.file ?? v.files!.join(' + ')}: ${v.description}`, async () => {
      const ctx = await loadTrust({ trustLists: v.trust.map(text), at: new Date(v.at) });
      let rules;
      try {
        rules = await loadRules(v.rules.map(text), ctx);
      } catch (e) {
        if (!isXlicError(e)) throw e;
        expect(e.code).toBe((v.expect as Expect).error);
        return;
      }
      expect((v.expect as Expect).error).toBeUndefined();
      if (v.file) {
        check(await verifyDossier(parseJson(text(v.file).text), ctx, { rules }), v.expect as Expect);
      } else {
        const results = resolveAmendments(await Promise.all(v.files!.map((f) => verifyDocument(text(f).text, ctx))));
        v.files!.forEach((f, i) => check(results[i]!, (v.expect as Record<string, Expect>)[f]!));
      }
    });
  }
});

describe('dossier vectors: CLI', () => {
  for (const v of vectors) {
    it(`xlic verify ${v.file ?? v.files!.join(' ')}`, () => {
      const args = [xlic, 'verify', ...(v.file ? [v.file] : v.files!), '--at', v.at, '--json', ...v.trust.flatMap((t) => ['--trust', t]), ...v.rules.flatMap((r) => ['--rules', r])];
      const r = spawnSync(process.execPath, args, { cwd: dir, encoding: 'utf8' });
      const e = v.expect as Expect;
      if (e.error) {
        expect(r.stderr).toMatch(new RegExp(`\\[${e.error}\\]`));
        expect(r.status).toBe(2);
        return;
      }
      expect(r.stderr).toBe('');
      const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l));
      if (v.file) {
        const result = lines.find((l) => l.type === 'result').result;
        expect({ verdict: result.verdict, code: result.code }).toEqual({ verdict: e.verdict, code: e.code });
        for (const w of e.warnings ?? []) expect(result.checks.map((c: { code?: string }) => c.code)).toContain(w);
        expect(r.status).toBe(e.verdict === 'VALID' ? 0 : 1);
      } else {
        const amended = lines.filter((l) => l.type === 'amendment');
        for (const [f, want] of Object.entries(v.expect as Record<string, Expect>)) {
          const a = amended.find((x) => x.file === f);
          if (want.code === 'LICENSE_SUPERSEDED') expect(a).toMatchObject({ code: 'LICENSE_SUPERSEDED', verdict: 'INVALID' });
          else expect(a).toBeUndefined();
        }
        expect(lines.at(-1)).toMatchObject({ type: 'summary', byCode: { LICENSE_SUPERSEDED: 1 } });
        expect(r.status).toBe(1);
      }
    });
  }

  it('human output shows the declarations, the risk level and the escalation', () => {
    const r = spawnSync(process.execPath, [xlic, 'verify', 'military-escalated.json', '--trust', 'trust/jp-meti-trust-list.jws', '--rules', 'rules/jp-import-rules.jws', '--at', '2026-11-23T12:00:00Z'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toMatch(/^VALID\s+license DE-BAFA-EA-2026-018278/m);
    expect(r.stdout).toMatch(/Declared\s+✓ TSK-EUC-2026-0093, certified by METI \(JP\)/);
    expect(r.stdout).toMatch(/ESCALATE\s+to METI Security Export Control Policy Division by 2026-11-24T12:00:00Z \(within PT24H\)/);
    expect(r.status).toBe(0);
  });
});
