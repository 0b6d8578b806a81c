import { EvaluationError } from './evaluate-expression.js';
import { readOwn } from './var-path.js';

/** The filters of a rule's `appliesTo` (all optional; a rule applies when every given one matches). */
export interface AppliesTo {
  destinations?: readonly string[];
  regimes?: readonly string[];
  classificationPrefixes?: readonly string[];
  licenseTypes?: readonly string[];
  issuerCountries?: readonly string[];
}

const FILTERS = ['destinations', 'regimes', 'classificationPrefixes', 'licenseTypes', 'issuerCountries'] as const;

function list(value: unknown, what: string, at: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new EvaluationError(`${what} is not an array`, at);
  return value;
}

function text(value: unknown, what: string, at: string): string {
  if (typeof value !== 'string') throw new EvaluationError(`${what} is not a string`, at);
  return value;
}

/** Whether `test` holds for some element; one step per index, so holes in a sparse array are paid for too. */
function some(arr: readonly unknown[], test: (el: unknown) => boolean, step: () => void): boolean {
  for (let i = 0; i < arr.length; i++) {
    step();
    if (test(readOwn(arr, String(i)))) return true;
  }
  return false;
}

function strings(filter: unknown, name: string, at: string): Set<string> | undefined {
  if (filter === undefined) return undefined;
  const l = list(filter, `appliesTo.${name}`, `${at}/${name}`);
  if (!l.every((s) => typeof s === 'string')) throw new EvaluationError(`appliesTo.${name} must list strings`, `${at}/${name}`);
  return new Set(l as string[]);
}

/**
 * Whether a rule's filters match a license. A filter the license lacks data for fails closed:
 * throws EvaluationError, so the rule counts as failed (docs/SPEC.md).
 */
export function matchesAppliesTo(appliesTo: unknown, license: unknown, at: string, step: () => void): boolean {
  if (appliesTo === undefined) return true;
  if (appliesTo === null || typeof appliesTo !== 'object' || Array.isArray(appliesTo)) throw new EvaluationError('appliesTo must be an object', at);
  for (const k of Object.keys(appliesTo)) if (!(FILTERS as readonly string[]).includes(k)) throw new EvaluationError(`appliesTo.${k} is not a filter`, at);
  const get = (k: string): unknown => readOwn(appliesTo, k);
  if (license === null || typeof license !== 'object' || Array.isArray(license)) throw new EvaluationError('the data has no license object', at);

  const destinations = strings(get('destinations'), 'destinations', at);
  if (destinations && !some(list(readOwn(license, 'destinations'), 'license.destinations', at), (d) => typeof d === 'string' && destinations.has(d), step)) return false;

  const licenseTypes = strings(get('licenseTypes'), 'licenseTypes', at);
  if (licenseTypes && !licenseTypes.has(text(readOwn(license, 'licenseType'), 'license.licenseType', at))) return false;

  const issuerCountries = strings(get('issuerCountries'), 'issuerCountries', at);
  if (issuerCountries && !issuerCountries.has(text(readOwn(readOwn(license, 'issuer'), 'country'), 'license.issuer.country', at))) return false;

  const regimes = strings(get('regimes'), 'regimes', at);
  const prefixes = strings(get('classificationPrefixes'), 'classificationPrefixes', at);
  if (regimes || prefixes) {
    // One classification must match both filters when both are given.
    const matches = (c: unknown): boolean => {
      const regime = readOwn(c, 'regime');
      const code = readOwn(c, 'code');
      if (regimes && !(typeof regime === 'string' && regimes.has(regime))) return false;
      if (prefixes && !(typeof code === 'string' && [...prefixes].some((p) => code.startsWith(p)))) return false;
      return true;
    };
    const items = list(readOwn(license, 'items'), 'license.items', at);
    if (!some(items, (item) => some(list(readOwn(item, 'classifications'), 'license.items[].classifications', at), matches, step), step)) return false;
  }
  return true;
}
