// Runs the fuzzer (test/fuzz/fuzz.mjs) for a CI-sized budget: ~20 s over all targets. Any crash is
// saved to test/fuzz/regressions/ (commit it with the fix) and fails this test.
// Longer runs: node test/fuzz/fuzz.mjs --seconds 600
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const script = resolve(import.meta.dirname, 'fuzz.mjs');
const SECONDS = Number(process.env['XLIC_FUZZ_SECONDS'] ?? 20);

describe('fuzzing', () => {
  it(`${SECONDS} s of structured mutation over the parsers and verifyDocument: no crash, no hang, no false VALID`, () => {
    const r = spawnSync(process.execPath, [script, '--seconds', String(SECONDS)], { encoding: 'utf8', timeout: (SECONDS + 60) * 1000 });
    const summary = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as { executions: number; crashes: number; crashFiles: string[]; byTarget: Record<string, number> };
    expect(summary.crashFiles).toEqual([]);
    expect(summary.crashes).toBe(0);
    expect(r.status).toBe(0);
    for (const t of ['parseJson', 'parseJws', 'parseCertificate', 'parseCrl', 'fromPem', 'decodeQrPayload', 'inspectLicensePdf', 'verifyDocument']) expect(summary.byTarget[t], t).toBeGreaterThan(0);
    expect(summary.executions).toBeGreaterThan(1000);
  }, 120_000);
});
