// The README's first command ends in scripts/demo.mjs: it must run green and tell the whole story.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '..');

it('the demo runs end to end: VALID at the border, tampered and revoked INVALID, offline bundle VALID', () => {
  const r = spawnSync(process.execPath, ['scripts/demo.mjs'], { cwd: repo, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' }, timeout: 240_000 });
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const out = r.stdout;
  expect(out).toMatch(/invalid examples rejected with exactly their expected codes/);
  expect(out).toMatch(/\n\s+VALID\s+license DE-BAFA-EA-2026-018274/);
  expect(out).toMatch(/INVALID\s+license DE-BAFA-EA-2026-018274\s+\.demo\/license-tampered\.jws\n\s+Reason .*\[JWS_SIGNATURE_INVALID\]/);
  expect(out).toMatch(/Reason\s+revoked on .*\[LICENSE_REVOKED\]/);
  expect(out).toMatch(/VALID\s+license DE-BAFA-SAG-2026-004127[\s\S]*BUNDLE_AGE/);
  expect(out).toMatch(/VALID: \d+ QR codes read back by zbarimg/);
  expect(out).toMatch(/INVALID: an incremental update/);
  expect(out).toMatch(/VALID\s+license DE-BAFA-EA-2026-018274\s+\.demo\/dossier\.json[\s\S]*?Declared\s+✓ TSK-EUC-2026-0093, certified by METI \(JP\)/);
  expect(out).toMatch(/Reason\s+the license relies on end-use declaration TSK-EUC-2026-0093, which is not in the dossier \[DOSSIER_DECLARATION_MISSING\]/);
  expect(out).toMatch(/ESCALATE\s+to METI Security Export Control Policy Division by \S+ \(within PT24H\)/);
  expect(out).toMatch(/5 parties screened: 5 clear, 0 hit, 0 escalate/);
  expect(out).toMatch(/ESCALATE end-user \/license\/endUsers\/0 東海精密工業株式会社/);
  expect(out).toMatch(/NOT SIGNED \.demo\/license-new\.json[\s\S]*?FR-SBDU-DN-2026-0117[\s\S]*?\[DENIAL_BLOCKS_LICENSE\]/);
  expect(out).toMatch(/signed license DE-BAFA-EA-2026-018300/);
  expect(out).toMatch(/Demo complete\./);
  expect(out).not.toMatch(/\n\s+at .*\(.*:\d+:\d+\)/);
}, 300_000);
