#!/usr/bin/env node
// Benchmark of @xlic/screen: a synthetic list of 20,000 entries with 60,000 names (primary + two aliases,
// Latin, Cyrillic and CJK), index build time and memory, and parties screened per second on one core.
//   npx tsc -b packages/screen && node --expose-gc bench/screen.bench.mjs
import { buildScreeningIndex, screenParty } from '../packages/screen/dist/index.js';

const ENTRIES = Number(process.env.ENTRIES ?? 20000);
const PARTIES = Number(process.env.PARTIES ?? 5000);

let seed = 7;
const rand = () => {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed / 0x7fffffff;
};
const pick = (a) => a[Math.floor(rand() * a.length)];
const syll = ['ka', 'to', 'mi', 'ra', 'no', 'shi', 'ze', 'vo', 'lu', 'ten', 'gar', 'bel', 'dor', 'ish', 'mar', 'pol', 'kev', 'san', 'ur', 'tek', 'bra', 'cho', 'dus', 'fen', 'gol', 'hir', 'jad', 'kul', 'lem', 'mox', 'nir', 'orv', 'pex', 'qua', 'rol', 'sut', 'tiv', 'uns', 'vel', 'wor', 'yen', 'zab'];
const word = () => { let w = ''; const n = 2 + Math.floor(rand() * 3); for (let i = 0; i < n; i++) w += pick(syll); return w[0].toUpperCase() + w.slice(1); };
const forms = ['GmbH', 'LLC', 'Ltd', 'JSC', 'Co., Ltd.', 'S.A.', 'A.Ş.', ''];
const cyr = { a: 'а', b: 'б', d: 'д', e: 'е', g: 'г', h: 'х', i: 'и', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с', t: 'т', u: 'у', v: 'в', z: 'з' };
const toCyr = (s) => [...s.toLowerCase()].map((c) => cyr[c] ?? c).join('');
const han = '東海精密工業電子光学化学機械技術重工新橋大阪九州北京华为中兴龙腾星河';
const hanName = () => { let s = ''; for (let i = 0; i < 4; i++) s += han[Math.floor(rand() * han.length)]; return s; };

const entries = [];
const names = [];
for (let i = 0; i < ENTRIES; i++) {
  const base = `${word()} ${word()}${rand() < 0.5 ? ` ${word()}` : ''}`;
  names.push(base);
  entries.push({
    id: `B-${i}`,
    names: [
      { value: `${base} ${pick(forms)}`.trim(), kind: 'primary' },
      { value: `${word()} ${base.split(' ')[1]} ${pick(forms)}`.trim(), kind: 'alias' },
      rand() < 0.5 ? { value: `ООО ${toCyr(base)}`, kind: 'transliteration' } : { value: `${hanName()}株式会社`, kind: 'alias' },
    ],
    reason: 'synthetic',
    legalBasis: 'synthetic',
    listedAt: '2025-01-01T00:00:00Z',
  });
}
const list = {
  documentType: 'screening-list', schemaVersion: '1.0', id: 'bench', publisher: { country: 'DE', agencyId: 'BENCH', name: 'Bench' },
  sequence: 1, issuedAt: '2026-11-01T00:00:00Z', nextUpdate: '2026-12-01T00:00:00Z', policy: { onHit: 'fail' }, entries,
};
const gc = globalThis.gc ?? (() => {});
gc();
const heap0 = process.memoryUsage().heapUsed;
let t = performance.now();
const index = buildScreeningIndex([{ list, source: 'synthetic' }], new Date('2026-11-23T00:00:00Z'));
const buildMs = performance.now() - t;
gc();
const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20;

// Parties: one third listed names with a typo, two thirds unlisted names.
const parties = [];
for (let i = 0; i < PARTIES; i++) {
  let legalName;
  if (i % 3 === 0) { const n = pick(names); const at = 1 + Math.floor(rand() * (n.length - 2)); legalName = `${n.slice(0, at)}${n[at + 1] ?? ''}${n[at]}${n.slice(at + 2)} GmbH`; }
  else legalName = `${word()} ${word()} ${pick(forms)}`.trim();
  parties.push({ legalName, address: { lines: ['x'], city: 'x' }, country: 'DE' });
}
let hits = 0;
t = performance.now();
for (const p of parties) hits += screenParty(index, p).length > 0 ? 1 : 0;
const screenMs = performance.now() - t;

console.log('| entries | names | index build | index heap | parties | screened/s | parties with a hit |');
console.log('|---|---|---|---|---|---|---|');
console.log(`| ${ENTRIES} | ${index.names.length} | ${(buildMs / 1000).toFixed(2)} s | ${heapMb.toFixed(0)} MiB | ${PARTIES} | ${Math.round(PARTIES / (screenMs / 1000))} | ${hits} |`);
console.log(`\nNode ${process.version}, ${process.platform}/${process.arch}; ${index.blocks.size} blocking keys.`);
