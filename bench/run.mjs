#!/usr/bin/env node
// xlic benchmark: `pnpm bench` (after `pnpm build`). Every figure is reported next to a baseline
// measured in the same run, as a ratio. Writes bench/results/latest.{md,json}.
//   node bench/run.mjs [--count 10000] [--seconds 2]
import { spawnSync } from 'node:child_process';
import nodeCrypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { loadTrust, verifyDocument } from '@xlic/verify';
import { AT, buildCorpus } from './corpus.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i === -1 ? fallback : Number(process.argv[i + 1]);
};
const COUNT = arg('--count', 10_000);
const SECONDS = arg('--seconds', 2);
const CORES = os.availableParallelism();
const xlic = path.join(root, 'cli/bin/xlic.js');
const results = { machine: { cpus: CORES, model: os.cpus()[0]?.model, node: process.version, platform: `${os.type()} ${os.release()}` }, date: new Date().toISOString(), count: COUNT, figures: {} };
const log = (s) => process.stderr.write(`${s}\n`);

// ---------- the limit: raw signature checks ----------
const data = new Uint8Array(3000).fill(7);
async function rawKeys(alg) {
  if (alg === 'ES256') {
    const kp = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
    const sig = new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, kp.privateKey, data));
    return { kp, sig, params: { name: 'ECDSA', hash: 'SHA-256' } };
  }
  const kp = await crypto.subtle.generateKey({ name: 'Ed25519' }, true, ['sign', 'verify']);
  const sig = new Uint8Array(await crypto.subtle.sign({ name: 'Ed25519' }, kp.privateKey, data));
  return { kp, sig, params: { name: 'Ed25519' } };
}

/** Operations per second of `op` for SECONDS, keeping `inFlight` in flight. */
async function rate(op, inFlight = 1, seconds = SECONDS) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const lane = async () => {
    while (performance.now() < end) {
      await op();
      n++;
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: inFlight }, lane));
  return n / ((performance.now() - t0) / 1000);
}

async function syncRate(op, seconds = SECONDS) {
  const end = performance.now() + seconds * 1000;
  let n = 0;
  const t0 = performance.now();
  while (performance.now() < end) {
    for (let i = 0; i < 100; i++) op();
    n += 100;
  }
  return n / ((performance.now() - t0) / 1000);
}

async function limit() {
  const out = {};
  for (const alg of ['ES256', 'EdDSA']) {
    const { kp, sig, params } = await rawKeys(alg);
    out[`${alg} WebCrypto, 1 in flight`] = await rate(() => crypto.subtle.verify(params, kp.publicKey, sig, data), 1);
    out[`${alg} WebCrypto, 64 in flight`] = await rate(() => crypto.subtle.verify(params, kp.publicKey, sig, data), 64);
    const pub = nodeCrypto.KeyObject.from(kp.publicKey);
    const opts = alg === 'ES256' ? { key: pub, dsaEncoding: 'ieee-p1363' } : pub;
    out[`${alg} node:crypto, 1 in flight`] = await syncRate(() => nodeCrypto.verify(alg === 'ES256' ? 'sha256' : null, data, opts, sig));
  }
  out[`ES256 WebCrypto, 64 in flight × ${CORES} threads`] = await allCoresRaw();
  return out;
}

async function allCoresRaw() {
  const src = `
    const { parentPort, workerData } = require('node:worker_threads');
    (async () => {
      const data = new Uint8Array(3000).fill(7);
      const kp = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
      const p = { name: 'ECDSA', hash: 'SHA-256' };
      const sig = await crypto.subtle.sign(p, kp.privateKey, data);
      const end = performance.now() + workerData.seconds * 1000; let n = 0;
      await Promise.all(Array.from({ length: 64 }, async () => { while (performance.now() < end) { await crypto.subtle.verify(p, kp.publicKey, sig, data); n++; } }));
      parentPort.postMessage(n / workerData.seconds);
    })();`;
  const rates = await Promise.all(Array.from({ length: CORES }, () => new Promise((resolve, reject) => {
    const w = new Worker(src, { eval: true, workerData: { seconds: SECONDS } });
    w.once('message', (r) => { resolve(r); void w.terminate(); });
    w.once('error', reject);
  })));
  return rates.reduce((a, b) => a + b, 0);
}

// ---------- xlic ----------
async function xlicLibrary(corpus, cache) {
  const ctx = await loadTrust({ trustLists: [{ name: 'trust.jws', text: fs.readFileSync(corpus.trust, 'utf8') }], statusLists: [{ name: 'status.jws', text: fs.readFileSync(corpus.status, 'utf8') }], at: new Date(AT), cache });
  const docs = corpus.files.map((f) => fs.readFileSync(f));
  // one warm-up pass over 200 documents
  for (const d of docs.slice(0, 200)) await verifyDocument(d, ctx);
  let i = 0;
  let valid = 0;
  const t0 = performance.now();
  await Promise.all(Array.from({ length: 16 }, async () => {
    while (i < docs.length) {
      const r = await verifyDocument(docs[i++], ctx);
      if (r.verdict === 'VALID') valid++;
    }
  }));
  const seconds = (performance.now() - t0) / 1000;
  return { rate: docs.length / seconds, valid };
}

function timeCli(args, input) {
  const t0 = performance.now();
  const r = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...args], { encoding: 'utf8', input, maxBuffer: 512 * 1024 * 1024 });
  const wall = (performance.now() - t0) / 1000;
  const maxRssKb = Number(r.stderr.trim().split('\n').at(-1));
  return { wall, maxRssMb: maxRssKb / 1024, status: r.status, stdout: r.stdout };
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function coldStart(file, validateFile, trust) {
  const runs = 15;
  const measure = (args) => median(Array.from({ length: runs }, () => {
    const t0 = performance.now();
    spawnSync(process.execPath, args, { stdio: 'ignore' });
    return (performance.now() - t0) / 1000;
  }));
  const node = measure(['-e', '0']);
  const verify = measure([xlic, 'verify', file, '--trust', trust, '--at', AT]);
  const validate = measure([xlic, 'validate', validateFile]);
  return { node, verify, validate };
}

// ---------- run ----------
const base = JSON.parse(fs.readFileSync(path.join(root, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8'));
const corpusDir = path.join(root, 'bench/.corpus');
log(`building a corpus of ${COUNT} signed licenses (20 signers, 4 jurisdictions)…`);
const corpus = await buildCorpus(corpusDir, COUNT, base);

log('measuring the limit (raw signature checks)…');
const lim = await limit();
const webcrypto1 = lim['ES256 WebCrypto, 1 in flight'];
const allCoreRaw = lim[`ES256 WebCrypto, 64 in flight × ${CORES} threads`];

log('measuring xlic full verification (library, one thread)…');
const cached = await xlicLibrary(corpus, true);
const uncached = await xlicLibrary(corpus, false);
if (cached.valid !== uncached.valid) throw new Error('caching changed verdicts');

log('measuring the CLI on the whole corpus, all cores…');
const cliArgs = [xlic, 'verify', path.join(corpusDir, 'licenses'), '--trust', corpus.trust, '--status', corpus.status, '--at', AT, '--json'];
const cliAll = timeCli(cliArgs);
const summary = JSON.parse(cliAll.stdout.trim().split('\n').at(-1));
const quarter = corpus.files.slice(0, Math.floor(COUNT / 4));
const cliQuarter = timeCli([xlic, 'verify', '-', '--trust', corpus.trust, '--status', corpus.status, '--at', AT, '--json'], quarter.join('\n'));
const cliOne = timeCli([xlic, 'verify', path.join(corpusDir, 'licenses'), '--trust', corpus.trust, '--status', corpus.status, '--at', AT, '--json', '--jobs', '1']);

log('measuring cold start…');
const cold = coldStart(corpus.files[0], path.join(root, 'examples/licenses/de-bafa-individual-2b001-jp.json'), corpus.trust);

const f = results.figures;
f.limit = lim;
f.library = { cachedPerSecond: cached.rate, uncachedPerSecond: uncached.rate, validInCorpus: cached.valid };
f.cli = { allCoresPerSecond: COUNT / cliAll.wall, oneWorkerPerSecond: COUNT / cliOne.wall, wallSeconds: cliAll.wall, summary, peakRssMb: cliAll.maxRssMb, peakRssQuarterMb: cliQuarter.maxRssMb, peakRssOneWorkerMb: cliOne.maxRssMb };
f.coldStart = cold;
const ratio = (a, b) => (a / b).toFixed(2);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const targets = [
  ['full single-thread verification ≥ 60% of WebCrypto ES256 at 1 in flight', cached.rate / webcrypto1, 0.6],
  ['all-core batch (CLI) ≥ 80% of raw all-core WebCrypto', (COUNT / cliAll.wall) / allCoreRaw, 0.8],
  ['cold `xlic verify` < 3× `node -e 0`', 3 / (cold.verify / cold.node), 1],
  [`batch memory flat: peak RSS for ${COUNT} ≤ 1.25× that for ${quarter.length}`, (1.25 * cliQuarter.maxRssMb) / cliAll.maxRssMb, 1],
];
results.targets = targets.map(([name, value, need]) => ({ name, met: value >= need }));

const md = [
  `# xlic benchmark — ${results.date.slice(0, 10)}`,
  '',
  `Machine: ${CORES} cores (${results.machine.model}), Node ${process.version}, ${results.machine.platform}. Command: \`pnpm bench\` (\`node bench/run.mjs --count ${COUNT} --seconds ${SECONDS}\`).`,
  '',
  '## The limit: raw signature checks (same run)',
  '',
  '| check | per second | ratio to WebCrypto ES256, 1 in flight |',
  '|---|---:|---:|',
  ...Object.entries(lim).map(([k, v]) => `| ${k} | ${fmt(v)} | ${ratio(v, webcrypto1)} |`),
  '',
  `## xlic full verification (parse, schema, signature, chain, trust, status) — ${COUNT} licenses, 20 signers, 4 jurisdictions`,
  '',
  '| mode | per second | ratio to its baseline |',
  '|---|---:|---:|',
  `| library, one thread, caches on | ${fmt(cached.rate)} | ${ratio(cached.rate, webcrypto1)} × WebCrypto 1 in flight |`,
  `| library, one thread, caches off | ${fmt(uncached.rate)} | ${ratio(uncached.rate, webcrypto1)} × WebCrypto 1 in flight |`,
  `| what caching buys | | ${ratio(cached.rate, uncached.rate)} × |`,
  `| CLI \`--jobs 1\` (whole process: start, read ${COUNT} files, print JSON Lines) | ${fmt(COUNT / cliOne.wall)} | ${ratio(COUNT / cliOne.wall, webcrypto1)} × WebCrypto 1 in flight |`,
  `| CLI all cores (${CORES} workers) | ${fmt(COUNT / cliAll.wall)} | ${ratio(COUNT / cliAll.wall, allCoreRaw)} × raw all-core WebCrypto |`,
  '',
  `Verdicts in the corpus: ${summary.valid} valid, ${summary.invalid} invalid (${Object.entries(summary.byCode).map(([c, n]) => `${c} ${n}`).join(', ') || 'none'}).`,
  '',
  '## Cold start (median of 15 runs)',
  '',
  '| command | seconds | ratio to `node -e 0` |',
  '|---|---:|---:|',
  `| \`node -e 0\` | ${cold.node.toFixed(3)} | 1.00 |`,
  `| \`xlic verify one.jws --trust trust.jws\` | ${cold.verify.toFixed(3)} | ${ratio(cold.verify, cold.node)} |`,
  `| \`xlic validate one.json\` | ${cold.validate.toFixed(3)} | ${ratio(cold.validate, cold.node)} |`,
  '',
  '## Memory (peak RSS of the CLI process, workers included)',
  '',
  '| batch | peak RSS (MB) |',
  '|---|---:|',
  `| ${quarter.length} licenses, all cores | ${cliQuarter.maxRssMb.toFixed(0)} |`,
  `| ${COUNT} licenses, all cores | ${cliAll.maxRssMb.toFixed(0)} |`,
  `| ${COUNT} licenses, one worker | ${cliOne.maxRssMb.toFixed(0)} |`,
  '',
  '## Targets',
  '',
  ...results.targets.map((t) => `- ${t.met ? 'met' : '**missed**'}: ${t.name}`),
  '',
];
// The PDF and screening benchmarks run in their own processes (each measures its own baseline).
for (const [title, args] of [['PDF (bench/pdf.bench.mjs)', ['bench/pdf.bench.mjs']], ['Screening (bench/screen.bench.mjs)', ['--expose-gc', 'bench/screen.bench.mjs']]]) {
  log(`running ${args.at(-1)}…`);
  const r = spawnSync(process.execPath, args, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  md.push(`## ${title}`, '', r.status === 0 ? r.stdout.trim() : `failed (exit ${r.status}): ${r.stderr.trim().split('\n').at(-1)}`, '');
  results.figures[args.at(-1)] = r.stdout.trim();
}
fs.mkdirSync(path.join(root, 'bench/results'), { recursive: true });
fs.writeFileSync(path.join(root, 'bench/results/latest.md'), md.join('\n'));
fs.writeFileSync(path.join(root, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
process.stdout.write(md.join('\n') + '\n');
