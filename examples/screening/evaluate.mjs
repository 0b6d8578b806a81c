#!/usr/bin/env node
// Measures @xlic/screen on eval-pairs.json: recall (true matches found) and false-hit rate.
//   npx tsc -b packages/screen && node examples/screening/evaluate.mjs [--verbose] [--threshold 0.85]
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { evaluatePairs, MATCH_THRESHOLD } from '../../packages/screen/dist/index.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const t = args.indexOf('--threshold');
const threshold = t >= 0 ? Number(args[t + 1]) : MATCH_THRESHOLD;
const { pairs } = JSON.parse(fs.readFileSync(path.join(here, 'eval-pairs.json'), 'utf8'));
const r = evaluatePairs(pairs, threshold);
const pct = (x) => `${(100 * x).toFixed(1)} %`;
console.log(`| pairs | matches | non-matches | threshold | recall | false-hit rate |`);
console.log(`|---|---|---|---|---|---|`);
console.log(`| ${r.pairs} | ${r.matches} | ${r.nonMatches} | ${threshold} | ${pct(r.recall)} (${r.matches - r.missed.length}/${r.matches}) | ${pct(r.falseHitRate)} (${r.falseHits.length}/${r.nonMatches}) |`);
if (args.includes('--verbose')) {
  for (const p of r.missed) console.log(`missed: ${p.listed.names.map((n) => n.value).join(' / ')}  <-  ${p.candidate.legalName}${p.candidate.legalNameLatin ? ` / ${p.candidate.legalNameLatin}` : ''}  (${p.note})`);
  for (const p of r.falseHits) console.log(`false hit: ${p.listed.names.map((n) => n.value).join(' / ')}  <-  ${p.candidate.legalName}${p.candidate.legalNameLatin ? ` / ${p.candidate.legalNameLatin}` : ''}  (${p.note})`);
}
