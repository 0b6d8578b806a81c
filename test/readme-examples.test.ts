/**
 * Each package README's runnable example (its first ```js block) runs as written and prints what its
 * `// prints: …` comments say. The example is written into the repository (test/.readme-tmp/, gitignored)
 * so bare `@xlic/*` imports resolve from the root node_modules as they would for a reader, then run with
 * node from the repository root, where its relative `examples/…` paths point.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../', import.meta.url));
const tmp = `${root}test/.readme-tmp/`;
// cli/README.md is shell, not JavaScript: its invocations are covered by the CLI tests.
const PACKAGES = ['core', 'trust', 'sign', 'verify', 'pdf', 'rules', 'screen'] as const;

/** The first ```js block of a Markdown text, or undefined. */
export function firstJsBlock(markdown: string): string | undefined {
  const m = /^```js[ \t]*\r?\n([\s\S]*?)^```[ \t]*$/m.exec(markdown);
  return m?.[1];
}

/** What the example says it prints: one entry per `// prints: …` comment, in order. A trailing `…` means "starts with". */
export function expectedLines(code: string): Array<{ text: string; prefix: boolean }> {
  return [...code.matchAll(/\/\/ prints: (.*)$/gm)].map((m) => {
    const text = m[1]!.trimEnd();
    return text.endsWith('…') ? { text: text.slice(0, -1).trimEnd(), prefix: true } : { text, prefix: false };
  });
}

/** Module specifiers the example imports. */
function importedSpecifiers(code: string): string[] {
  return [...code.matchAll(/^\s*import\s[^;]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]!);
}

/** Subpaths a workspace package exports (`.`, `./node`, …). */
function exportedSubpaths(pkg: string): string[] {
  const manifest = JSON.parse(readFileSync(`${root}packages/${pkg}/package.json`, 'utf8')) as { exports: Record<string, unknown> };
  return Object.keys(manifest.exports);
}

beforeAll(() => {
  rmSync(tmp, { recursive: true, force: true });
  mkdirSync(tmp, { recursive: true });
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe('README examples', () => {
  it('the helpers read what they should', () => {
    const md = 'text\n```ts\nnot this\n```\n```js\nconsole.log(1); // prints: 1\n// prints: a b …\n```\n```js\nlater\n```\n';
    expect(firstJsBlock(md)).toBe('console.log(1); // prints: 1\n// prints: a b …\n');
    expect(expectedLines(firstJsBlock(md)!)).toEqual([
      { text: '1', prefix: false },
      { text: 'a b', prefix: true },
    ]);
    expect(firstJsBlock('```sh\nxlic verify\n```\n')).toBeUndefined();
  });

  for (const pkg of PACKAGES) {
    it(`packages/${pkg}/README.md runs and prints what it says`, () => {
      const code = firstJsBlock(readFileSync(`${root}packages/${pkg}/README.md`, 'utf8'));
      expect(code, 'a ```js block').toBeDefined();

      // Public exports only: node builtins and @xlic/* subpaths listed in the package's `exports`; its own package among them.
      const specifiers = importedSpecifiers(code!);
      expect(specifiers).toContain(`@xlic/${pkg}`);
      for (const s of specifiers) {
        if (s.startsWith('node:')) continue;
        const m = /^@xlic\/([a-z]+)(\/.*)?$/.exec(s);
        expect(m, `import of ${s}`).not.toBeNull();
        expect(exportedSubpaths(m![1]!), `import of ${s}`).toContain(`.${m![2] ?? ''}`);
      }

      const expected = expectedLines(code!);
      expect(expected.length, 'at least one "// prints:" comment').toBeGreaterThan(0);

      const file = `${tmp}${pkg}.mjs`;
      writeFileSync(file, code!);
      const env = { ...process.env };
      delete env['NODE_OPTIONS'];
      const run = spawnSync(process.execPath, [file], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
      expect(run.status, `exit status; stderr:\n${run.stderr}`).toBe(0);

      // Each printed claim is a whole output line (or its start), in the order the example gives them.
      const lines = run.stdout.split('\n').map((l) => l.trimEnd());
      let from = 0;
      for (const e of expected) {
        const at = lines.findIndex((l, i) => i >= from && (e.prefix ? l.startsWith(e.text) : l === e.text));
        expect(at, `output line ${JSON.stringify(e.text)} (after line ${from}) in:\n${run.stdout}`).toBeGreaterThanOrEqual(0);
        from = at + 1;
      }
    });
  }
});
