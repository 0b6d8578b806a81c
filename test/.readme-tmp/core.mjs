import { readFileSync } from 'node:fs';
import { isXlicError, parseJson, validateBytes } from '@xlic/core';

const good = validateBytes(readFileSync('examples/licenses/de-bafa-individual-2b001-jp.json'));
console.log(good.valid ? 'VALID' : 'INVALID', good.kind, good.document.id);
// prints: VALID license DE-BAFA-EA-2026-018274

const bad = validateBytes(readFileSync('examples/invalid/validity-inverted.json'));
for (const f of bad.findings) console.log(f.severity, f.path, f.code);
// prints: error /validity/validUntil VALIDITY_WINDOW_INVERTED

try {
  parseJson('{"id":"a","id":"b"}'); // different parsers disagree on which "id" wins, so xlic refuses both
} catch (e) {
  if (isXlicError(e)) console.log(e.code, e.message);
}
// prints: JSON_DUPLICATE_KEY duplicate key "id"
