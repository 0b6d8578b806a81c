import { readFileSync } from 'node:fs';
import { checkRules, checkRulesTime, evaluateRules, outcomeChecks } from '@xlic/rules';

const rules = JSON.parse(readFileSync('examples/rules/jp-customs-rules.json', 'utf8'));
const license = JSON.parse(readFileSync('examples/licenses/fr-sbdu-emergency-satcom-tr.json', 'utf8'));
const at = '2026-11-23T18:00:00+09:00';

const checked = checkRules(rules);
if (!checked.valid || checkRulesTime(rules, at).some((f) => f.severity === 'error')) throw new Error('rules unusable');
const result = evaluateRules(rules, {
  license,
  declarations: [],
  signatures: [{ role: 'issuer', agency: license.issuer }],
  verification: { at },
});
console.log(result.failed, result.riskScore, result.riskLevel); // true 20 low
for (const c of outcomeChecks(result)) console.log(c.status, c.code, c.message);
// fail RULE_FAILED JP-CUS-001 [TEMP-REVIEW-OVERDUE]: The emergency-temporary authorization is past its review date; …
// warn RULE_RISK JP-CUS-008 [PARTY-UNIDENTIFIED]: risk +20: A party of the shipment has no registered identifier.
