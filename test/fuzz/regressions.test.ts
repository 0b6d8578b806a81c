// Replays every input the fuzzer saved (test/fuzz/regressions/*.bin, target named in the .json
// beside it), and every fuzz seed, through the fuzzer's oracle: no throw other than an XlicError,
// no VALID on an input that is not genuinely signed, and an answer within the time limit.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM module shared with the fuzzer
import { FalseValid, judge, makeTargets } from './targets.mjs';

type Target = { seeds: Uint8Array[]; run: (u8: Uint8Array) => Promise<void> };
const dir = resolve(import.meta.dirname, 'regressions');
const saved = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bin')).sort() : [];
let targets: Record<string, Target>;

beforeAll(async () => {
  targets = (await makeTargets()) as Record<string, Target>;
});

describe('fuzz regressions', () => {
  for (const file of saved) {
    it(`${file} is handled (no crash, no false VALID)`, async () => {
      const meta = JSON.parse(readFileSync(join(dir, file.replace(/\.bin$/, '.json')), 'utf8')) as { target: string };
      const target = targets[meta.target];
      expect(target, `unknown target ${meta.target}`).toBeDefined();
      expect(await judge(target, new Uint8Array(readFileSync(join(dir, file))))).toBeUndefined();
    }, 10_000);
  }

  it('every seed of every target passes the oracle, and the oracle catches a false VALID', async () => {
    let n = 0;
    for (const [name, t] of Object.entries(targets)) {
      for (const seed of t.seeds) {
        expect(await judge(t, seed), name).toBeUndefined();
        n++;
      }
    }
    expect(n).toBeGreaterThan(10);
    // The oracle itself: a TypeError is a crash, an XlicError is not, FalseValid is a false VALID.
    expect(await judge({ seeds: [], run: async () => { throw new TypeError('boom'); } }, new Uint8Array(1))).toMatchObject({ kind: 'exception' });
    expect(await judge({ seeds: [], run: async () => { throw new FalseValid('forged'); } }, new Uint8Array(1))).toMatchObject({ kind: 'false-valid' });
    const seed = targets['verifyDocument']!.seeds[0]!;
    const flipped = seed.slice();
    flipped[40] ^= 1;
    expect(await judge(targets['verifyDocument'], flipped)).toBeUndefined();
  });
});
