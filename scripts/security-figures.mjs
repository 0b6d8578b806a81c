#!/usr/bin/env node
// Runs the security evidence and writes its figures into docs/SECURITY.md (between the
// <!-- figures --> markers): the adversarial corpus, the property tests with their run counts,
// the limit tests, the fuzz regressions, and the fuzzer for a given time. Run after `pnpm build`:
//   node scripts/security-figures.mjs --fuzz-seconds 60
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const i = process.argv.indexOf('--fuzz-seconds');
const fuzzSeconds = i === -1 ? 60 : Number(process.argv[i + 1]);
const command = `node scripts/security-figures.mjs --fuzz-seconds ${fuzzSeconds}`;

// 1. Tests: corpus, properties, limits, crash safety, key hygiene, fuzz regressions.
const report = path.join(os.tmpdir(), `xlic-security-${process.pid}.json`);
const files = ['test/adversarial', 'test/property', 'test/limits.test.ts', 'test/crash-safety.test.ts', 'test/key-hygiene.test.ts', 'test/fuzz/regressions.test.ts'];
const t0 = Date.now();
const vitest = spawnSync(process.execPath, [path.join(repo, 'node_modules/vitest/vitest.mjs'), 'run', ...files, '--reporter=json', `--outputFile=${report}`], { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
const results = JSON.parse(fs.readFileSync(report, 'utf8'));
fs.rmSync(report, { force: true });
const tests = results.testResults.flatMap((f) => f.assertionResults.map((a) => ({ file: path.relative(repo, f.name), title: a.title, full: a.fullName, status: a.status })));
const testSeconds = Math.round((Date.now() - t0) / 1000);
const failed = tests.filter((t) => t.status !== 'passed');

const corpus = JSON.parse(fs.readFileSync(path.join(repo, 'test/adversarial/cases.json'), 'utf8')).cases;
const corpusTests = tests.filter((t) => t.file.startsWith('test/adversarial/'));
const libFails = corpusTests.filter((t) => t.full.includes('library') && t.status !== 'passed');
const cliFails = corpusTests.filter((t) => t.full.includes('CLI') && t.status !== 'passed');
// A false VALID shows as the assertion `expected 'VALID' to be 'INVALID'` (corpus and properties).
const falseValid = results.testResults.flatMap((f) => f.assertionResults).filter((a) => a.failureMessages.some((m) => /expected 'VALID' to be 'INVALID'/.test(m))).length;
const properties = tests.filter((t) => t.file.startsWith('test/property/')).map((t) => ({ title: t.title, runs: Number(/\((\d+) runs\)/.exec(t.title)?.[1] ?? 0), status: t.status }));

// 2. The fuzzer.
const fuzz = spawnSync(process.execPath, [path.join(repo, 'test/fuzz/fuzz.mjs'), '--seconds', String(fuzzSeconds)], { cwd: repo, encoding: 'utf8' });
const summary = JSON.parse(fuzz.stdout.trim().split('\n').at(-1));
const regressions = fs.existsSync(path.join(repo, 'test/fuzz/regressions')) ? fs.readdirSync(path.join(repo, 'test/fuzz/regressions')).filter((f) => f.endsWith('.bin')).length : 0;

const byAttacker = {};
for (const c of corpus) byAttacker[c.attacker] = (byAttacker[c.attacker] ?? 0) + 1;
const rows = [
  ['adversarial cases (library and CLI each)', `${corpus.length} (${Object.entries(byAttacker).map(([a, n]) => `${a} ${n}`).join(', ')}); ${corpusTests.length} tests, ${corpusTests.length - libFails.length - cliFails.length} passed`],
  ['property tests', `${properties.length}, ${properties.reduce((n, p) => n + p.runs, 0)} runs: ${properties.map((p) => `${p.title.replace(/ \(\d+ runs\)$/, '')} (${p.runs}${p.status === 'passed' ? '' : ', FAILED'})`).join('; ')}`],
  ['limit, crash-safety, key-hygiene and regression tests', `${tests.length - corpusTests.length - properties.length} tests, ${tests.filter((t) => !t.file.startsWith('test/adversarial/') && !t.file.startsWith('test/property/') && t.status === 'passed').length} passed`],
  ['fuzz executions', `${summary.executions} in ${fuzzSeconds} s (${Object.entries(summary.byTarget).map(([k, v]) => `${k} ${v}`).join(', ')})`],
  ['fuzz crashes in this run', `${summary.crashes} (hangs ${summary.hangs})`],
  ['fuzz regressions kept and replayed', String(regressions)],
  ['false VALIDs', `${falseValid + (summary.falseValids ?? 0)} (corpus, properties and fuzzer)`],
  ['failed tests', failed.length ? failed.map((t) => `${t.file}: ${t.title}`).join('; ') : '0'],
];
const table = [
  `Produced by \`${command}\` on ${new Date().toISOString().slice(0, 10)} (Node ${process.versions.node}, ${os.cpus().length} cores; tests ${testSeconds} s).`,
  '',
  '| figure | value |',
  '|---|---|',
  ...rows.map(([k, v]) => `| ${k} | ${v.replace(/\|/g, '\\|')} |`),
].join('\n');

const doc = path.join(repo, 'docs/SECURITY.md');
const text = fs.readFileSync(doc, 'utf8');
const start = text.indexOf('<!-- figures -->');
const end = text.indexOf('<!-- end figures -->');
if (start === -1 || end === -1) throw new Error('docs/SECURITY.md has no <!-- figures --> … <!-- end figures --> block');
fs.writeFileSync(doc, `${text.slice(0, start)}<!-- figures -->\n${table}\n${text.slice(end)}`);
console.log(table);
process.exitCode = failed.length || summary.crashes || vitest.status ? 1 : 0;
