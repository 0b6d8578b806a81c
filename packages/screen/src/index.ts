export { validateDenialNotice, validateScreeningList, type DenialNotice, type EntryName, type ScreeningEntry, type ScreeningList } from './documents.js';
export { identifierKey } from './identifiers.js';
export { cleanInvisible, foldConfusables, MAX_NAME_LENGTH, type NameFlag } from './unicode-hygiene.js';
export { foldCase, normalizeName, removeCjkLegalForms, removeDiacritics, removeLegalForms, stripPunctuation, transliterateToken, type NameKey, type NameToken } from './normalize-name.js';
export { consonantSkeleton, phoneticKey } from './phonetic-key.js';
export { compareNames, editSimilarity, MATCH_THRESHOLD, RULE_SCORES, tokenSimilarity, type MatchRule, type NameComparison } from './similarity.js';
export {
  blockingKeys,
  buildScreeningIndex,
  type IndexedEntry,
  type IndexedList,
  type IndexedName,
  type ScreeningIndex,
  type ScreeningIndexOptions,
  type ScreeningListSource,
} from './screening-index.js';
export { inspectPartyNames, screenLicense, screenParty, type LicenseScreening, type PartyScreening, type ScreeningHit } from './screen-party.js';
export { classificationsOverlap, DENIAL_NAME_THRESHOLD, denialFindings, findBlockingDenials, matchDenials, type Consultation, type DenialMatch, type DenialPartyMatch } from './denials.js';
export { evaluatePairs, type EvalPair, type EvalReport } from './evaluate-pairs.js';
