import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));
const schemaDir = `${root}schemas/`;
const files = readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort();
const schemas = files.map((file) => ({ file, schema: JSON.parse(readFileSync(schemaDir + file, 'utf8')) as Record<string, any> }));

/** Conditional branches only re-constrain properties described elsewhere; they are not object definitions. */
const CONDITIONAL = new Set(['if', 'then', 'else']);

/** Every subschema with its JSON Pointer, skipping conditional branches. */
function* walk(node: unknown, path = ''): Generator<[string, Record<string, any>]> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) yield* walk(v, `${path}/${i}`);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const obj = node as Record<string, any>;
  yield [path, obj];
  for (const [key, value] of Object.entries(obj)) {
    if (CONDITIONAL.has(key) || key === 'enum' || key === 'const' || key === 'required' || key === 'examples') continue;
    yield* walk(value, `${path}/${key}`);
  }
}

describe('schemas/', () => {
  it('contains the core document schemas', () => {
    for (const f of ['common', 'license', 'end-use-declaration', 'party', 'trust-list', 'status-list']) expect(files).toContain(`${f}.schema.json`);
  });

  describe.each(schemas)('$file', ({ file, schema }) => {
    it('is JSON Schema 2020-12 with a versioned $id that names the file', () => {
      expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
      expect(schema.$id).toMatch(/^https:\/\/xlic\.dev\/schemas\/\d+\.\d+\/[a-z-]+\.schema\.json$/);
      expect(schema.$id.endsWith(`/${file}`)).toBe(true);
    });

    it('has a title and description', () => {
      expect(typeof schema.title).toBe('string');
      expect(schema.description?.length).toBeGreaterThan(10);
    });

    it('describes every property and every shared definition', () => {
      const missing: string[] = [];
      for (const [path, node] of walk(schema)) {
        for (const [name, prop] of Object.entries<Record<string, unknown>>(node.properties ?? {})) {
          if (typeof prop.description !== 'string' || prop.description.length === 0) missing.push(`${path}/properties/${name}`);
        }
        for (const [name, def] of Object.entries<Record<string, unknown>>(node.$defs ?? {})) {
          if (typeof def.description !== 'string') missing.push(`${path}/$defs/${name}`);
        }
      }
      expect(missing).toEqual([]);
    });

    it('closes every object schema (additionalProperties: false)', () => {
      const open: string[] = [];
      for (const [path, node] of walk(schema)) {
        if (node.type === 'object' && node.additionalProperties !== false) open.push(path || '(root)');
        if (node.properties && node.type !== 'object' && !path.includes('/allOf/')) open.push(`${path} (properties without type object)`);
      }
      expect(open).toEqual([]);
    });

    it('lists only defined properties as required', () => {
      const undefinedRequired: string[] = [];
      for (const [path, node] of walk(schema)) {
        if (node.type !== 'object' || !Array.isArray(node.required)) continue;
        for (const r of node.required) if (!(r in (node.properties ?? {}))) undefinedRequired.push(`${path}: ${r}`);
      }
      expect(undefinedRequired).toEqual([]);
    });

    if (file !== 'common.schema.json') {
      it('fixes documentType to its kind and schemaVersion to the $id version (documents) ', () => {
        const version = /\/schemas\/(\d+\.\d+)\//.exec(schema.$id)![1];
        if (file === 'party.schema.json') {
          expect(schema.properties.documentType).toBeUndefined();
          return;
        }
        expect(schema.properties.documentType.const).toBe(file.replace('.schema.json', ''));
        expect(schema.properties.schemaVersion.const).toBe(version);
        expect(schema.required).toEqual(expect.arrayContaining(['documentType', 'schemaVersion', 'id']));
      });
    }
  });

  it('uses one version for all $ids', () => {
    const versions = new Set(schemas.map(({ schema }) => /\/schemas\/(\d+\.\d+)\//.exec(schema.$id)?.[1]));
    expect(versions.size).toBe(1);
  });

  it('resolves every $ref to a schema file in the folder', () => {
    for (const { schema } of schemas) {
      for (const [, node] of walk(schema)) {
        if (typeof node.$ref !== 'string') continue;
        const [file, fragment] = node.$ref.split('#');
        if (file) expect(files).toContain(file);
        if (fragment) {
          const target = file ? schemas.find((s) => s.file === file)!.schema : schema;
          const resolved = fragment.split('/').slice(1).reduce<any>((n, t) => n?.[t], target);
          expect(resolved, node.$ref).toBeDefined();
        }
      }
    }
  });

  it('generated validators and types match the schemas (scripts/generate.mjs --check)', () => {
    const r = spawnSync(process.execPath, ['scripts/generate.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(r.stderr + r.stdout).not.toMatch(/differ|out of date/i);
    expect(r.status).toBe(0);
  });
});
