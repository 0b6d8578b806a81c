import { readFileSync } from 'node:fs';
import { loadTrust, verifyDocument } from '@xlic/verify';

const read = (path) => ({ name: path.split('/').pop(), text: readFileSync(path, 'utf8') });

// Japanese customs: its own signed national trust list first, then BAFA's signed status list.
const ctx = await loadTrust({
  trustLists: [read('examples/signed/trust/jp-meti-trust-list.jws')],
  statusLists: [read('examples/signed/status/de-bafa-status.jws')],
  at: new Date('2026-11-23T12:00:00Z'),
});

const result = await verifyDocument(readFileSync('examples/signed/licenses/de-valid.jws'), ctx, { expect: 'license' });
console.log(result.verdict, result.document.id); // prints: VALID DE-BAFA-EA-2026-018274
for (const c of result.checks) console.log(c.status, c.name, c.code ?? '');
// prints: pass chain
// prints: pass status

const tampered = await verifyDocument(readFileSync('examples/signed/licenses/tampered-payload.jws'), ctx);
console.log(tampered.verdict, tampered.code); // prints: INVALID JWS_SIGNATURE_INVALID
