import { warning, XlicError, type Agency, type Finding } from '@xlic/core';
import { validateScreeningList, type EntryName, type ScreeningEntry, type ScreeningList } from './documents.js';
import { identifierKey } from './identifiers.js';
import { normalizeName, type NameKey } from './normalize-name.js';
import { MATCH_THRESHOLD } from './similarity.js';

/** A screening list and where it came from (file, URL), for explanations. */
export interface ScreeningListSource {
  list: ScreeningList;
  source: string;
}

/** A list as the index holds it. */
export interface IndexedList {
  id: string;
  sequence: number;
  publisher: Agency;
  source: string;
  policy: ScreeningList['policy'];
  stale: boolean;
}

/** An entry with its status at the index time. */
export interface IndexedEntry {
  list: IndexedList;
  entry: ScreeningEntry;
  /** current: matches; informational: de-listed (or not yet listed) at the index time. */
  status: 'current' | 'informational';
  informationalReason?: 'delisted' | 'not-yet-listed';
  /** The normalised names of the entry, in the order of `entry.names`. */
  keys: NameKey[];
}

/** One name of an entry, normalised once. */
export interface IndexedName {
  entry: IndexedEntry;
  nameIndex: number;
  name: EntryName;
  key: NameKey;
}

/** Options of buildScreeningIndex. */
export interface ScreeningIndexOptions {
  /** Name score at or above which a comparison is a hit (default MATCH_THRESHOLD, 0.85). */
  threshold?: number;
}

/** Lists prepared for fast screening at one instant. Build once per list version. */
export interface ScreeningIndex {
  readonly at: Date;
  readonly threshold: number;
  readonly lists: readonly IndexedList[];
  readonly names: readonly IndexedName[];
  /** Blocking key → indices into `names`. */
  readonly blocks: ReadonlyMap<string, readonly number[]>;
  /** Normalised identifier → entries carrying it. */
  readonly identifiers: ReadonlyMap<string, ReadonlyArray<{ entry: IndexedEntry; index: number }>>;
  /** Warnings about the lists (stale, older versions ignored). */
  readonly findings: readonly Finding[];
}

/** Posting lists longer than this are not used for blocking when a name has other keys. */
export const MAX_BLOCK_SIZE = 1000;
/** At most this many names (those sharing the most keys with the candidate) are scored per name. */
export const MAX_CANDIDATES = 100;

/**
 * Keys under which a name is filed and looked up: per distinctive word the word itself, its first and
 * last four letters, its sound-alike key and consonant skeleton; for the whole name its first five
 * letters and first four skeleton letters. Two names that can score above the threshold share at
 * least one key in practice (a typo rarely hits both ends of every word); see docs/drafts/screening.md.
 */
export function blockingKeys(key: NameKey): string[] {
  const distinctive = key.tokens.filter((t) => t.weight === 1);
  const tokens = distinctive.length > 0 ? distinctive : key.tokens;
  const keys = new Set<string>();
  for (const t of tokens) {
    keys.add(`t${t.latin}`);
    if (t.latin.length > 4) {
      keys.add(`p${t.latin.slice(0, 4)}`);
      keys.add(`s${t.latin.slice(-4)}`);
    }
    if (t.phon.length >= 3) keys.add(`h${t.phon}`);
    if (t.cons.length >= 3) keys.add(`c${t.cons}`);
  }
  const joined = key.tokens.map((t) => t.latin).join('');
  keys.add(`j${joined.slice(0, 5)}`);
  const cons = key.tokens.map((t) => t.cons).join('');
  if (cons.length >= 3) keys.add(`k${cons.slice(0, 4)}`);
  return [...keys];
}

function statusAt(entry: ScreeningEntry, at: number): Pick<IndexedEntry, 'status' | 'informationalReason'> {
  if (entry.delisting && Date.parse(entry.delisting.at) <= at) return { status: 'informational', informationalReason: 'delisted' };
  if (Date.parse(entry.listedAt) > at) return { status: 'informational', informationalReason: 'not-yet-listed' };
  return { status: 'current' };
}

/**
 * Validate the lists and index them for screening at `at`: entries de-listed at or before `at` are
 * kept as informational. Of several versions of one list (same publisher and id) the highest sequence
 * is used. Throws XlicError SCREENING_LIST_INVALID (with findings) when a list does not validate.
 *
 * @example
 * const index = buildScreeningIndex([{ list, source: 'bafa-screening.json' }], new Date());
 * const hits = screenParty(index, license.consignee);
 */
export function buildScreeningIndex(lists: readonly ScreeningListSource[], at: Date, options: ScreeningIndexOptions = {}): ScreeningIndex {
  const now = at.getTime();
  if (Number.isNaN(now)) throw new XlicError('USAGE', 'buildScreeningIndex: `at` is not a valid date');
  const findings: Finding[] = [];
  const newest = new Map<string, ScreeningListSource>();
  lists.forEach(({ list, source }) => {
    const problems = validateScreeningList(list);
    if (problems.some((f) => f.severity === 'error')) {
      const first = problems[0] as Finding;
      throw new XlicError('SCREENING_LIST_INVALID', `screening list ${source} is not valid: ${first.code} at ${first.path || '/'}: ${first.message}`, { findings: problems });
    }
    const key = `${list.publisher.country}/${list.publisher.agencyId}/${list.id}`;
    const seen = newest.get(key);
    if (seen) {
      const [older, newer] = seen.list.sequence >= list.sequence ? [{ list, source }, seen] : [seen, { list, source }];
      findings.push(warning('SCREENING_LIST_SUPERSEDED', '', `screening list ${key} #${older.list.sequence} (${older.source}) ignored: #${newer.list.sequence} (${newer.source}) is newer`));
      newest.set(key, newer);
    } else newest.set(key, { list, source });
  });

  const indexedLists: IndexedList[] = [];
  const names: IndexedName[] = [];
  const blocks = new Map<string, number[]>();
  const identifiers = new Map<string, Array<{ entry: IndexedEntry; index: number }>>();
  for (const { list, source } of newest.values()) {
    const stale = Date.parse(list.nextUpdate) < now;
    if (stale) findings.push(warning('SCREENING_LIST_STALE', '', `screening list ${list.id} #${list.sequence} (${source}) was due for update at ${list.nextUpdate}`));
    const il: IndexedList = { id: list.id, sequence: list.sequence, publisher: list.publisher, source, policy: list.policy, stale };
    indexedLists.push(il);
    for (const entry of list.entries) {
      const ie: IndexedEntry = { list: il, entry, ...statusAt(entry, now), keys: [] };
      (entry.identifiers ?? []).forEach((id, index) => {
        const k = identifierKey(id);
        const bucket = identifiers.get(k) ?? [];
        bucket.push({ entry: ie, index });
        identifiers.set(k, bucket);
      });
      entry.names.forEach((name, nameIndex) => {
        const key = normalizeName(name.value);
        ie.keys.push(key);
        const at = names.length;
        names.push({ entry: ie, nameIndex, name, key });
        for (const b of blockingKeys(key)) {
          const bucket = blocks.get(b);
          if (bucket) bucket.push(at);
          else blocks.set(b, [at]);
        }
      });
    }
  }
  return { at: new Date(now), threshold: options.threshold ?? MATCH_THRESHOLD, lists: indexedLists, names, blocks, identifiers, findings };
}
