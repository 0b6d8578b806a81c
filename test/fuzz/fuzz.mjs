#!/usr/bin/env node
// A structured mutational fuzzer (no coverage feedback) over the xlic parsers and verifyDocument.
//
//   node test/fuzz/fuzz.mjs --seconds 600            # a longer run (CI runs ~20 s via test/fuzz/fuzz.test.ts)
//   node test/fuzz/fuzz.mjs --seconds 60 --seed 42 --per-input-ms 10000 [--target verifyDocument] [--out dir]
//
// Seeds come from examples/. Mutations work on bytes (bit flips, interesting bytes, cuts, repeats,
// splices) and on structure (a JWS part decoded, mutated and re-encoded; a JSON value changed in
// place; deep nesting; huge numbers and strings). The work runs in a worker thread; the main thread
// watches a heartbeat, so an input that hangs (over --per-input-ms) is caught and the worker restarted.
// Crashes — a throw that is not an XlicError, a hang, or a VALID verdict on a mutated input — are
// written to test/fuzz/regressions/<target>-<sha256/12>.bin (+ .json) and replayed by regressions.test.ts.
// The last line of output is a JSON summary (executions per target, crashes).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const SHARED_INPUT = 24 * 1024 * 1024;


async function main() {
  const arg = (name, d) => {
    const i = process.argv.indexOf(`--${name}`);
    return i === -1 ? d : Number(process.argv[i + 1]);
  };
  const seconds = arg('seconds', 60);
  const perInputMs = arg('per-input-ms', 10000);
  let seed = arg('seed', Date.now() % 2 ** 31);
  const outDir = process.argv.includes('--out') ? process.argv[process.argv.indexOf('--out') + 1] : path.join(here, 'regressions');
  const deadline = Date.now() + seconds * 1000;
  const totals = { executions: 0, byTarget: {}, crashes: [], hangs: 0, falseValids: 0, restarts: 0, seed };
  let targetNames = [];

  while (Date.now() < deadline) {
    const beat = new Int32Array(new SharedArrayBuffer(4 * 64)); // [counter, target index, input length, -, executions per target…]
    const input = new Uint8Array(new SharedArrayBuffer(SHARED_INPUT));
    const only = process.argv.includes('--target') ? process.argv[process.argv.indexOf('--target') + 1] : undefined;
    const worker = new Worker(fileURLToPath(import.meta.url), { workerData: { beat: beat.buffer, input: input.buffer, until: deadline, seed, only }, resourceLimits: { maxOldGenerationSizeMb: 1024 } });
    const outcome = await new Promise((resolve) => {
      let last = -1;
      let lastChange = Date.now();
      const timer = setInterval(() => {
        const now = Atomics.load(beat, 0);
        if (now === 0) lastChange = Date.now(); // still loading targets
        else if (now !== last) {
          last = now;
          lastChange = Date.now();
        } else if (Date.now() - lastChange > perInputMs) {
          clearInterval(timer);
          resolve({ hang: true });
        }
      }, 100);
      worker.on('message', (m) => {
        if (m.type === 'targets') targetNames = m.names;
        if (m.type === 'crash') {
          totals.crashes.push(save(outDir, m.target, new Uint8Array(m.input), m.kind, m.message));
          if (m.kind === 'false-valid') totals.falseValids++;
        }
        if (m.type === 'done') {
          clearInterval(timer);
          resolve({ done: true });
        }
      });
      worker.on('error', (e) => {
        clearInterval(timer);
        resolve({ died: String(e?.message ?? e) });
      });
    });
    // Executions are counted in shared memory, so a worker that is stopped still reports its work.
    targetNames.forEach((name, i) => {
      const n = Atomics.load(beat, 4 + i);
      if (n) totals.byTarget[name] = (totals.byTarget[name] ?? 0) + n;
      totals.executions += n;
    });
    if (outcome.hang || outcome.died) {
      const target = targetNames[Atomics.load(beat, 1)] ?? 'unknown';
      const bytes = input.slice(0, Atomics.load(beat, 2));
      totals.crashes.push(save(outDir, target, bytes, outcome.hang ? 'hang' : 'worker-died', outcome.hang ? `no result within ${perInputMs} ms` : outcome.died));
      if (outcome.hang) totals.hangs++;
      totals.restarts++;
      await worker.terminate();
      seed = (seed * 48271 + 1) % 2 ** 31;
    }
  }
  const summary = { type: 'fuzz-summary', seconds, ...totals, crashes: totals.crashes.length, falseValids: totals.falseValids, crashFiles: totals.crashes };
  console.log(JSON.stringify(summary));
  process.exitCode = totals.crashes.length ? 1 : 0;
}

function save(dir, target, bytes, kind, message) {
  fs.mkdirSync(dir, { recursive: true });
  const id = `${target}-${crypto.createHash('sha256').update(bytes).digest('hex').slice(0, 12)}`;
  fs.writeFileSync(path.join(dir, `${id}.bin`), bytes);
  fs.writeFileSync(path.join(dir, `${id}.json`), JSON.stringify({ target, kind, message, found: new Date().toISOString() }, null, 2) + '\n');
  console.error(`crash: ${id} ${kind}: ${message}`);
  return `${id}.bin`;
}

// --- worker ---------------------------------------------------------------------------------
async function work() {
  console.warn = () => {}; // pdf-lib warns about every odd number it parses
  const { makeTargets, judge } = await import('./targets.mjs');
  const beat = new Int32Array(workerData.beat);
  const shared = new Uint8Array(workerData.input);
  const targets = await makeTargets();
  const names = Object.keys(targets).filter((n) => targets[n].seeds.length > 0 && (!workerData.only || n === workerData.only));
  const allNames = Object.keys(targets);
  parentPort.postMessage({ type: 'targets', names: allNames });
  const weighted = names.flatMap((n) => Array(targets[n].weight).fill(n));
  let state = workerData.seed >>> 0 || 1;
  const rand = (n) => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) % n);
  };
  while (Date.now() < workerData.until) {
    const name = weighted[rand(weighted.length)];
    const target = targets[name];
    const seed = target.seeds[rand(target.seeds.length)];
    const other = targets[names[rand(names.length)]].seeds[0];
    let input = seed;
    for (let k = 1 + rand(3); k > 0; k--) input = mutate(input, other, rand);
    if (input.length > SHARED_INPUT) input = input.subarray(0, SHARED_INPUT);
    shared.set(input);
    Atomics.store(beat, 1, allNames.indexOf(name));
    Atomics.store(beat, 2, input.length);
    Atomics.add(beat, 0, 1);
    const verdict = await judge(target, input);
    Atomics.add(beat, 0, 1);
    Atomics.add(beat, 4 + allNames.indexOf(name), 1);
    if (verdict) parentPort.postMessage({ type: 'crash', target: name, input: input.slice().buffer, ...verdict });
  }
  parentPort.postMessage({ type: 'done' });
}

const INTERESTING = [0x00, 0x01, 0x7f, 0x80, 0xff, 0x22, 0x5c, 0x2e, 0x7b, 0x7d, 0x5b, 0x5d, 0x30, 0x2d, 0x65, 0x0a];
const TOKENS = ['"__proto__"', '"constructor"', '1e400', '-0', '1e-400', '"\\ud800"', '"\\u0000"', 'null', '[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[', '{"alg":"none"}', '\u202e', '\u200b', '.', '..', '=', '%%EOF', 'startxref', '/ObjStm', '/JavaScript'];
const enc = (s) => new TextEncoder().encode(s);
const dec = (u8) => new TextDecoder().decode(u8);
const b64u = (u8) => Buffer.from(u8).toString('base64url');

function mutate(input, other, rand) {
  const u = new Uint8Array(input);
  const at = () => rand(Math.max(1, u.length));
  switch (rand(12)) {
    case 0: { // bit flip
      if (!u.length) return enc('x');
      const i = at();
      u[i] ^= 1 << rand(8);
      return u;
    }
    case 1: { // interesting byte
      if (!u.length) return enc('{');
      u[at()] = INTERESTING[rand(INTERESTING.length)];
      return u;
    }
    case 2: { // cut a range
      const i = at();
      return concat(u.subarray(0, i), u.subarray(Math.min(u.length, i + 1 + rand(64))));
    }
    case 3: { // repeat a range
      const i = at();
      const piece = u.subarray(i, Math.min(u.length, i + 1 + rand(32)));
      return concat(u.subarray(0, i), ...Array(1 + rand(8)).fill(piece), u.subarray(i));
    }
    case 4: { // insert a token
      const i = at();
      return concat(u.subarray(0, i), enc(TOKENS[rand(TOKENS.length)]), u.subarray(i));
    }
    case 5: { // splice with another seed
      const i = at();
      const j = rand(Math.max(1, other.length));
      return concat(u.subarray(0, i), other.subarray(j, j + rand(256)));
    }
    case 6: // truncate
      return u.subarray(0, at());
    case 7: // JWS-aware: decode one compact part, mutate its bytes, re-encode canonically
    case 8: {
      const parts = dec(u).trim().split('.');
      if (parts.length !== 3) return mutate(u, other, rand);
      const k = rand(3);
      const bytes = new Uint8Array(Buffer.from(parts[k], 'base64url'));
      parts[k] = b64u(mutate(bytes, other, rand));
      return enc(parts.join('.'));
    }
    case 9: { // JSON-aware: change one value in place
      let doc;
      try {
        doc = JSON.parse(dec(u));
      } catch {
        return mutate(u, other, rand);
      }
      const paths = [];
      // Bounded: a mutated input may already be nested 100 000 deep.
      const walk = (v, p) => {
        if (paths.length >= 5000 || p.length > 40) return;
        paths.push(p);
        if (v && typeof v === 'object') for (const k of Object.keys(v)) walk(v[k], [...p, k]);
      };
      walk(doc, []);
      const p = paths[rand(paths.length)];
      const values = [null, 0, -1, 1e308, 'x'.repeat(rand(3000)), [], {}, true, '2026-02-30T00:00:00Z', 'UK', { __proto__: null, a: 1 }];
      if (p.length === 0) return enc(JSON.stringify(values[rand(values.length)]));
      let host = doc;
      for (const k of p.slice(0, -1)) host = host[k];
      if (rand(3) === 0) delete host[p.at(-1)];
      else host[p.at(-1)] = values[rand(values.length)];
      return enc(JSON.stringify(doc));
    }
    case 10: { // deep nesting
      const n = [10, 33, 1000, 100000][rand(4)];
      return concat(enc('['.repeat(n)), u, enc(']'.repeat(n)));
    }
    default: { // huge number or string inside
      const i = at();
      return concat(u.subarray(0, i), enc(rand(2) ? '9'.repeat(rand(400)) : `"${'A'.repeat(rand(100000))}"`), u.subarray(i));
    }
  }
}

function concat(...parts) {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

// Last, so the constants above are initialised before either side runs.
if (isMainThread) await main();
else await work();
