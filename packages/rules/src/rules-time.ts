import { finding, warning, type Finding, type Rules } from '@xlic/core';
import { parseInstant } from './instant.js';

/**
 * Whether a (checked) rules document may be used at `at`: RULES_NOT_YET_VALID (error) before
 * validFrom, RULES_STALE (warning) after nextUpdate. An unreadable `at` is RULES_INVALID.
 *
 * @example
 * const findings = checkRulesTime(rules, '2026-11-23T09:00:00Z'); // [] while current
 */
export function checkRulesTime(rules: Rules, at: string): Finding[] {
  const now = parseInstant(at);
  if (now === undefined) return [finding('RULES_INVALID', '', `the time ${JSON.stringify(at).slice(0, 50)} is not an RFC 3339 date-time with offset`)];
  const out: Finding[] = [];
  const from = parseInstant(rules.validFrom);
  const next = parseInstant(rules.nextUpdate);
  if (from === undefined || now < from) out.push(finding('RULES_NOT_YET_VALID', '/validFrom', `rules ${rules.id} (sequence ${rules.sequence}) apply from ${rules.validFrom}, after ${at}`));
  if (next === undefined || now > next) out.push(warning('RULES_STALE', '/nextUpdate', `rules ${rules.id} (sequence ${rules.sequence}) were due to be replaced at ${rules.nextUpdate}; a newer version may exist`));
  return out;
}
