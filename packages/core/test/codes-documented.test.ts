import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CODES } from '../src/codes.js';

const errorsMd = readFileSync(fileURLToPath(new URL('../../../docs/errors.md', import.meta.url)), 'utf8');

describe('docs/errors.md', () => {
  it.each(Object.keys(CODES))('documents %s', (code) => {
    expect(errorsMd).toContain(`\`${code}\``);
  });

  it('uses UPPER_SNAKE codes only', () => {
    for (const code of Object.keys(CODES)) expect(code).toMatch(/^[A-Z][A-Z0-9]*(_[A-Z0-9]+)*$/);
  });

  it('documents each core code in a table row with its class', () => {
    const core = errorsMd.slice(errorsMd.indexOf('<!-- core'), errorsMd.indexOf('<!-- end core -->'));
    const marker = readFileSync(fileURLToPath(new URL('../src/codes.ts', import.meta.url)), 'utf8');
    const coreCodes = [...marker.slice(0, marker.indexOf('@xlic/trust')).matchAll(/^\s+([A-Z][A-Z0-9_]+): '/gm)].map((m) => m[1]!);
    expect(coreCodes.length).toBeGreaterThan(40);
    for (const code of coreCodes) {
      expect(core).toMatch(new RegExp(`^\\| \`${code}\` \\| ${CODES[code as keyof typeof CODES]} \\|`, 'm'));
    }
  });
});
