import { readFileSync } from 'node:fs';
import { validateBytes, validateDocument, parseJson, isXlicError } from '@xlic/core';

const good = validateBytes(readFileSync('examples/licenses/de-bafa-individual-2b001-jp.json'));
console.log(good.kind, good.valid ? 'VALID' : 'INVALID', good.document.id);
const bad = validateBytes(readFileSync('examples/invalid/validity-inverted.json'));
console.log(bad.valid ? 'VALID' : 'INVALID', bad.findings.map(f => [f.path, f.code, f.message]));
try { parseJson('{"id":1,"id":2}'); } catch (e) { console.log(isXlicError(e), e.code, e.message); }
