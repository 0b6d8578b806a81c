import { XlicError, type StatusList, type TrustList } from '@xlic/core';
import { buildTrustIndex, trustIndexFromPemRoots, trustIndexOf, type TrustIndex } from '@xlic/trust';
import { base64Decode } from '@xlic/core';
import type { Check } from './result.js';
import { VerificationCache } from './verification-cache.js';
import { checkListSignature, readSignedList } from './verify-list.js';

/** A named input text (file contents) for loading trust. */
export interface NamedText {
  name: string;
  text: string;
}

export interface LoadTrustOptions {
  /** Signed trust lists. The first is your own national list (the anchor list); allies' lists follow. */
  trustLists?: NamedText[];
  /** PEM files of roots, each trusted for license signing in the country of its subject. */
  pemRoots?: NamedText[];
  /** Signed status lists. */
  statusLists?: NamedText[];
  /** Certificate revocation lists (DER, or PEM text as bytes). */
  crls?: Array<{ name: string; bytes: Uint8Array }>;
  /** A signed offline bundle holding trust lists, status lists and CRLs. */
  bundle?: NamedText;
  /** SHA-256 thumbprints of roots allowed to sign the anchor list (optional pinning). */
  pins?: string[];
  /** Verification time (default now). */
  at?: Date;
  /** Verdict-preserving caches for many documents (default true); false checks everything from scratch. */
  cache?: boolean;
}

/** A status list accepted for one licensing agency. */
export interface LoadedStatusList {
  list: StatusList;
  source: string;
  stale: boolean;
}

/** Everything verification needs, parsed, checked and indexed once per run. */
export interface TrustContext {
  at: Date;
  index: TrustIndex;
  crls: Uint8Array[];
  /** Accepted status lists by `country:agencyId` of the licensing agency. */
  statusLists: Map<string, LoadedStatusList>;
  trustLists: Array<{ id: string; sequence: number; publisher: string; source: string; nextUpdate: string; stale: boolean }>;
  /** Notices found while loading (stale lists, bundle age), shown with every verdict. */
  notices: Check[];
  bundle?: { id: string; asOf: string; publisher: string; ageSeconds: number };
  /** Verdict-preserving caches (see VerificationCache); absent when loaded with `cache: false`. */
  cache?: VerificationCache;
}

/** Key of a licensing agency in the status-list map. */
export function agencyKey(a: { country: string; agencyId: string }): string {
  return `${a.country}:${a.agencyId}`;
}

/**
 * Load and check trust lists, PEM roots, status lists, CRLs and an optional offline bundle.
 * Fail-closed: a trust list, status list or bundle that does not verify is refused with
 * XlicError(TRUST_LIST_REJECTED | STATUS_LIST_REJECTED | BUNDLE_REJECTED) and the exact reason;
 * it is never silently skipped.
 *
 * Trust model (docs/SPEC.md): the first trust list is the verifier's own national list; it must be
 * signed under a root it lists itself as trust-list-publisher for its publisher (and, if `pins` are
 * given, one of those roots). Every further list must be signed under a root that an accepted list
 * trusts as trust-list-publisher, for the list's own publisher; its entries count only for its own country.
 *
 * @example
 * const ctx = await loadTrust({ trustLists: [{ name: 'jp-trust.jws', text }] });
 */
export async function loadTrust(options: LoadTrustOptions): Promise<TrustContext> {
  const at = options.at ?? new Date();
  const notices: Check[] = [];
  const trustTexts = [...(options.trustLists ?? [])];
  const statusTexts = [...(options.statusLists ?? [])];
  const crls: Uint8Array[] = (options.crls ?? []).map((c) => c.bytes);
  let bundleInfo: TrustContext['bundle'];
  let bundleRead: ReturnType<typeof readSignedList<'bundle'>> | undefined;

  if (options.bundle) {
    bundleRead = readSignedList(options.bundle.text, 'bundle', 'BUNDLE_REJECTED', options.bundle.name);
    const b = bundleRead.document;
    trustTexts.unshift(...b.trustLists.map((text, i) => ({ name: `${options.bundle!.name}#trustLists/${i}`, text })));
    statusTexts.push(...b.statusLists.map((text, i) => ({ name: `${options.bundle!.name}#statusLists/${i}`, text })));
    crls.push(...b.crls.map((c, i) => base64Decode(c, 'BUNDLE_REJECTED', `${options.bundle!.name}#crls/${i}`)));
  }

  const accepted: Array<{ list: TrustList; source: string }> = [];
  let anchorList: { id: string; country: string } | undefined;
  let index: TrustIndex | undefined;
  const lists: TrustContext['trustLists'] = [];
  for (const t of trustTexts) {
    const read = readSignedList(t.text, 'trust-list', 'TRUST_LIST_REJECTED', t.name);
    const list = read.document;
    const source = `${t.name} (${list.id} #${list.sequence}, ${list.publisher.agencyId} ${list.publisher.country})`;
    // An allied list speaks only for its own country: its entries for other countries (say, a root for the
    // verifier's own agency) are not trust anchors. Only the anchor list, in any version, names anyone.
    const isAnchor = !anchorList || (anchorList.id === list.id && anchorList.country === list.publisher.country);
    const candidate = { list: isAnchor ? list : { ...list, entries: list.entries.filter((e) => e.agency.country === list.publisher.country) }, source };
    // The anchor list vouches for itself; later lists need a publisher trusted by what came before.
    const checkIndex = index ?? (await buildTrustIndex([candidate]));
    const verified = await checkListSignature(read, checkIndex, crls, at, 'trust-list-publisher', list.publisher, 'TRUST_LIST_REJECTED', t.name);
    if (!index && options.pins?.length && !options.pins.map((p) => p.toLowerCase().replace(/:/g, '')).includes(verified.anchor.sha256)) {
      throw new XlicError('TRUST_LIST_REJECTED', `${t.name}: signed under root ${verified.anchor.sha256}, which is not one of the pinned roots`);
    }
    const same = accepted.findIndex((a) => a.list.id === list.id && a.list.publisher.country === list.publisher.country);
    if (same !== -1) {
      if (accepted[same]!.list.sequence >= list.sequence) {
        notices.push({ name: 'trust', status: 'warn', code: 'TRUST_LIST_STALE', message: `${t.name}: ignored, an equal or newer version (#${accepted[same]!.list.sequence}) of ${list.id} is already loaded` });
        continue;
      }
      accepted.splice(same, 1);
      lists.splice(same, 1); // parallel to `accepted`: report only the version in use
    }
    accepted.push(candidate);
    anchorList ??= { id: list.id, country: list.publisher.country };
    const stale = Date.parse(list.nextUpdate) < at.getTime();
    if (stale) notices.push({ name: 'trust', status: 'warn', code: 'TRUST_LIST_STALE', message: `trust list ${list.id} #${list.sequence} was due for update on ${list.nextUpdate}` });
    lists.push({ id: list.id, sequence: list.sequence, publisher: `${list.publisher.agencyId} (${list.publisher.country})`, source, nextUpdate: list.nextUpdate, stale });
    index = await buildTrustIndex(accepted);
  }
  for (const p of options.pemRoots ?? []) {
    const pemIndex = await trustIndexFromPemRoots(p.text, p.name);
    index = index ? trustIndexOf([...index.anchors(), ...pemIndex.anchors()]) : pemIndex;
  }
  if (!index) throw new XlicError('TRUST_NONE_CONFIGURED', 'no trust configured: give --trust <trust list or PEM roots> or --bundle <file>');

  if (bundleRead && options.bundle) {
    const b = bundleRead.document;
    const first = accepted[0]?.list;
    if (!first || first.publisher.country !== b.publisher.country || first.publisher.agencyId !== b.publisher.agencyId) {
      throw new XlicError('BUNDLE_REJECTED', `${options.bundle.name}: the bundle publisher must be the publisher of its first trust list`);
    }
    await checkListSignature(bundleRead, index, crls, at, 'trust-list-publisher', b.publisher, 'BUNDLE_REJECTED', options.bundle.name);
    const ageSeconds = Math.round((at.getTime() - Date.parse(b.asOf)) / 1000);
    if (ageSeconds < -300) throw new XlicError('BUNDLE_REJECTED', `${options.bundle.name}: the bundle is dated ${b.asOf}, after the verification time ${at.toISOString()}`);
    bundleInfo = { id: b.id, asOf: b.asOf, publisher: `${b.publisher.agencyId} (${b.publisher.country})`, ageSeconds };
    notices.push({ name: 'bundle', status: 'warn', code: 'BUNDLE_AGE', message: `offline bundle ${b.id} from ${b.publisher.agencyId} (${b.publisher.country}): information as of ${b.asOf}, ${describeAge(ageSeconds)} old` });
  }

  const statusLists = new Map<string, LoadedStatusList>();
  for (const s of statusTexts) {
    const read = readSignedList(s.text, 'status-list', 'STATUS_LIST_REJECTED', s.name);
    const list = read.document;
    await checkListSignature(read, index, crls, at, 'status-publisher', list.issuer, 'STATUS_LIST_REJECTED', s.name);
    const key = agencyKey(list.issuer);
    const prev = statusLists.get(key);
    if (prev && prev.list.sequence >= list.sequence) continue; // keep the newest version per agency
    statusLists.set(key, { list, source: `${s.name} (${list.id} #${list.sequence})`, stale: Date.parse(list.nextUpdate) < at.getTime() });
  }

  const ctx: TrustContext = { at, index, crls, statusLists, trustLists: lists, notices };
  if (options.cache !== false) ctx.cache = new VerificationCache(index, crls);
  if (bundleInfo) ctx.bundle = bundleInfo;
  return ctx;
}

/** "3 days", "5 hours", "12 minutes". */
export function describeAge(seconds: number): string {
  const s = Math.max(0, seconds);
  if (s >= 2 * 86400) return `${Math.floor(s / 86400)} days`;
  if (s >= 2 * 3600) return `${Math.floor(s / 3600)} hours`;
  return `${Math.floor(s / 60)} minutes`;
}
