import { readFileSync } from 'node:fs';
import { buildScreeningIndex, screenLicense, findBlockingDenials } from '@xlic/screen';

const json = (path) => JSON.parse(readFileSync(path, 'utf8'));
const list = json('examples/screening/screening-list.json');
const notice = json('examples/screening/denial-fr-sbdu-2026-0117.json');
const license = json('examples/licenses/de-bafa-individual-2b001-jp.json');
const at = new Date('2026-11-23T12:00:00Z');

const index = buildScreeningIndex([{ list, source: 'screening-list.json' }], at);
const result = screenLicense(index, license);
console.log(result.verdict);
for (const p of result.parties) for (const h of p.hits) console.log(p.path, h.entryId, h.rule, h.score, h.explanation);
const blocking = findBlockingDenials([notice], license, at, license.consultations ?? []);
console.log(blocking.map((m) => `${m.notice.id} ${m.state}`));
