// Property: validation findings always point (RFC 6901) at a place that exists in the document,
// for arbitrary mutations of valid documents of every kind.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { resolvePointer, validateDocument } from '@xlic/core';
import { allPointers, readJson } from './fixtures.js';

export const RUNS = { pointers: 3000 };
const BASES = ['examples/licenses/de-bafa-individual-2b001-jp.json', 'examples/licenses/us-bis-thermal-cameras-in.json'].map((p) => readJson(p));

type Mutation = { kind: 'delete' | 'set' | 'add'; at: number; value: unknown; key: string };
const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'set', 'add'),
  at: fc.nat(),
  value: fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constant(-1), fc.constant(''), fc.constant('2026-02-30'), fc.constant('UK'), fc.string({ unit: 'binary' })),
  key: fc.oneof(fc.string({ maxLength: 8 }), fc.constantFrom('__proto__', 'constructor', 'a/b', 'x~y', '', 'line')),
});

function mutate(doc: unknown, m: Mutation): void {
  const pointers = allPointers(doc).filter((p) => p !== '');
  const target = pointers[m.at % pointers.length]!;
  const tokens = target.slice(1).split('/').map((t) => t.replace(/~1/g, '/').replace(/~0/g, '~'));
  const last = tokens.pop()!;
  const parent = tokens.reduce<unknown>((o, t) => (o as Record<string, unknown>)[t], doc) as Record<string, unknown> | unknown[];
  const own = (o: object, k: string, v: unknown) => Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  if (m.kind === 'delete') {
    if (Array.isArray(parent)) parent.splice(Number(last), 1);
    else delete parent[last];
  } else if (m.kind === 'set') {
    own(parent, last, m.value);
  } else {
    const host = (parent as Record<string, unknown>)[last];
    if (host !== null && typeof host === 'object' && !Array.isArray(host)) own(host, m.key, m.value);
    else if (Array.isArray(host)) host.push(m.value);
    else own(parent, m.key, m.value);
  }
}

describe('properties: finding paths', () => {
  it(`every finding of a mutated document has a JSON Pointer that resolves in it (${RUNS.pointers} runs)`, () => {
    fc.assert(
      fc.property(fc.constantFrom(...BASES), fc.array(mutationArb, { minLength: 1, maxLength: 4 }), (base, mutations) => {
        const doc = structuredClone(base);
        for (const m of mutations) mutate(doc, m);
        const r = validateDocument(doc, 'license');
        for (const f of r.findings) {
          expect(f.path === '' || f.path.startsWith('/')).toBe(true);
          expect(resolvePointer(doc, f.path).found, `${f.code} at ${f.path}`).toBe(true);
        }
        expect(r.valid).toBe(!r.findings.some((f) => f.severity === 'error'));
      }),
      { numRuns: RUNS.pointers },
    );
  });
});
