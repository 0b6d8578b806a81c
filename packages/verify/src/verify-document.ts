import {
  DEFAULT_LIMITS,
  decodeText,
  detectKind,
  isXlicError,
  kindOfTyp,
  parseJson,
  parseJws,
  sha256Hex,
  validateDocument,
  type Agency,
  type DocumentTypes,
  type EndUseDeclaration,
  type License,
  type ParsedJws,
  type SignedKind,
} from '@xlic/core';
import { checkDeclarationSignatures, type DeclarationStatus } from './declaration-checks.js';
import { CheckList, type VerificationResult } from './result.js';
import { agencyKey, describeAge, type TrustContext } from './trust-context.js';
import { verifySignatures, type CheckedSignature, type SignerPolicy } from './verify-signatures.js';
import { publisherOf } from './verify-list.js';

export interface VerifyOptions {
  /** The kind the caller expects; a JWS of another `typ` is INVALID (JWS_TYP_MISMATCH). */
  expect?: SignedKind;
  /** Status older than its next-update makes the verdict INVALID instead of a warning. */
  requireFreshStatus?: boolean;
}

/** Signer policy per document kind and signature position (docs/SPEC.md, "Roles"). */
function policyFor(index: number, kind: SignedKind): SignerPolicy {
  switch (kind) {
    case 'license':
      return { purpose: 'license-signing', role: 'license-issuer', as: index === 0 ? 'issuer' : 'countersigner' };
    case 'end-use-declaration':
      return index === 0 ? { purpose: 'declaration-signing', role: 'end-user-certifier', as: 'signer' } : { purpose: 'declaration-certifying', role: 'declaration-certifier', as: 'countersigner' };
    case 'trust-list':
    case 'bundle':
      return { purpose: 'list-signing', role: 'trust-list-publisher', as: 'signer' };
    case 'status-list':
      return { purpose: 'list-signing', role: 'status-publisher', as: 'signer' };
    case 'rules':
      return { purpose: 'list-signing', role: 'rules-publisher', as: 'signer' };
    case 'screening-list':
      return { purpose: 'list-signing', role: 'screening-list-publisher', as: 'signer' };
    case 'denial-notice':
      return { purpose: 'list-signing', role: 'denial-publisher', as: 'signer' };
  }
}

/**
 * Verify one signed xlic document, fail-closed: parse with limits, header profile, every
 * signature, certificate paths to trust-list roots with the right role, issuer binding,
 * schema and semantic validation, validity window at `ctx.at`, and status.
 * Never throws for a bad document: the result lists every check with its code.
 *
 * @example
 * const ctx = await loadTrust({ trustLists: [{ name: 'jp.jws', text }] });
 * const r = await verifyDocument(bytes, ctx);
 * if (r.verdict === 'INVALID') console.log(r.code, r.reason);
 */
export async function verifyDocument(input: Uint8Array | string, ctx: TrustContext, options: VerifyOptions = {}): Promise<VerificationResult> {
  const checks = new CheckList();
  const result = (extra: Partial<VerificationResult> = {}): VerificationResult => finish(checks, ctx, extra);

  let jws: ParsedJws;
  try {
    const text = typeof input === 'string' ? input : decodeText(input, DEFAULT_LIMITS);
    jws = parseJws(text);
  } catch (e) {
    if (!isXlicError(e)) throw e;
    checks.fail('parse', e.code, e.message);
    return result({ signatures: [] });
  }
  checks.pass('parse', `${jws.serialization === 'compact' ? 'compact' : 'JSON'} JWS with ${jws.signatures.length} signature${jws.signatures.length === 1 ? '' : 's'}`);
  const payloadSha256 = await sha256Hex(jws.payload);

  let document: unknown;
  try {
    document = parseJson(decodeText(jws.payload));
  } catch (e) {
    if (!isXlicError(e)) throw e;
    checks.fail('parse', 'JWS_PAYLOAD_INVALID', `payload is not a JSON document: ${e.message}`);
  }
  // A typ that disagrees with the payload is the real problem: name it before any chain check.
  const announced = kindOfTyp(jws.signatures[0]!.header['typ']);
  const detected = document === undefined ? undefined : detectKind(document);
  if (document !== undefined && announced && detected !== announced) {
    checks.fail('header', 'JWS_TYP_MISMATCH', `the header says ${announced} but the payload is ${detected ? `a ${detected}` : 'not an xlic document'}`);
  }

  const { kind, signatures } = await verifySignatures(jws, checks, ctx, options.expect, policyFor);
  const reports = signatures.map((s) => s.report);
  if (!kind || document === undefined || detected !== kind) return result(kind ? { kind, signatures: reports, payloadSha256 } : { signatures: reports, payloadSha256 });
  const validation = validateDocument(document, kind);
  const errors = validation.findings.filter((f) => f.severity === 'error');
  if (errors.length) for (const f of errors) checks.fail('schema', f.code, f.message);
  else checks.pass('schema', `payload is a valid ${kind} (schema ${String((document as { schemaVersion?: unknown }).schemaVersion)})`);
  // Warnings (e.g. PARTY_NAME_SUSPICIOUS_CHARACTERS) are shown with the verdict, never fail it.
  for (const f of validation.findings) if (f.severity === 'warning') checks.warn('schema', f.code, f.message);

  if (kind === 'license' && !errors.length) checkLicense(document as License, signatures, checks, ctx, options);
  let declaration: DeclarationStatus | undefined;
  if (kind === 'end-use-declaration' && !errors.length) declaration = checkDeclarationSignatures(document as EndUseDeclaration, signatures, checks, ctx.at);
  if (kind !== 'license' && kind !== 'end-use-declaration' && !errors.length) checkPublisher(publisherOf(document as DocumentTypes[typeof kind]), signatures, checks);
  return result({ kind, signatures: reports, findings: validation.findings, document, payloadSha256, ...(declaration ? { declaration } : {}) });
}

// A list speaks for its publisher (status list: its issuer) only when signed under that agency's root.
function checkPublisher(publisher: Agency, signatures: CheckedSignature[], checks: CheckList): void {
  const a = signatures[0]?.anchor?.agency;
  if (!a) return;
  if (a.country !== publisher.country || a.agencyId !== publisher.agencyId) {
    checks.fail('issuer', 'TRUST_ISSUER_MISMATCH', `the list is published in the name of ${publisher.agencyId} (${publisher.country}), but it was signed under the root of ${a.agencyId} (${a.country})`, 0);
  } else {
    checks.pass('issuer', `published by ${a.name} (${a.agencyId}, ${a.country})`, 0);
  }
}

function checkLicense(license: License, signatures: CheckedSignature[], checks: CheckList, ctx: TrustContext, options: VerifyOptions): void {
  // Issuer binding: exactly the issuing agency's root vouches for the first signature.
  const issuerSig = signatures[0];
  if (issuerSig?.anchor) {
    const a = issuerSig.anchor.agency;
    if (a.country !== license.issuer.country || a.agencyId !== license.issuer.agencyId) {
      checks.fail('issuer', 'TRUST_ISSUER_MISMATCH', `the license names ${license.issuer.agencyId} (${license.issuer.country}) as issuer, but it was signed under the root of ${a.agencyId} (${a.country})`, 0);
    } else {
      checks.pass('issuer', `signed by the issuing agency ${a.name} (${a.agencyId}, ${a.country})`, 0);
    }
  }
  signatures.slice(1).forEach((s, i) => {
    if (s.anchor) checks.pass('issuer', `countersigned by ${s.anchor.agency.name} (${s.anchor.agency.agencyId}, ${s.anchor.agency.country})`, i + 1);
  });
  const countries = signatures.filter((s) => s.anchor).map((s) => agencyKey(s.anchor!.agency));
  if (new Set(countries).size !== countries.length) checks.fail('issuer', 'JWS_SIGNATURES_DISAGREE', 'the same agency signed the license more than once');

  const at = ctx.at.getTime();
  const from = Date.parse(license.validity.validFrom);
  const until = Date.parse(license.validity.validUntil);
  if (at < from) checks.fail('validity', 'LICENSE_NOT_YET_VALID', `the license is valid from ${license.validity.validFrom}, after the verification time ${ctx.at.toISOString()}`);
  else if (at > until) checks.fail('validity', 'LICENSE_EXPIRED', `the license expired on ${license.validity.validUntil}`);
  else checks.pass('validity', `valid from ${license.validity.validFrom} until ${license.validity.validUntil}`);
  for (const s of signatures) {
    const t = s.header?.signingTime.getTime();
    if (t !== undefined && t > until) checks.fail('validity', 'SIGNED_OUTSIDE_VALIDITY', `signature ${s.report.index + 1} was made ${s.header!.signingTime.toISOString()}, after the license expired`, s.report.index);
  }

  const status = ctx.statusLists.get(agencyKey(license.issuer));
  if (!status) {
    if (options.requireFreshStatus) checks.fail('status', 'STATUS_MISSING_REQUIRED', `no status list from ${license.issuer.agencyId} (${license.issuer.country}) was given, and fresh status is required`);
    else checks.warn('status', 'STATUS_UNKNOWN', `no status list from ${license.issuer.agencyId} (${license.issuer.country}): revocation not checked`);
    return;
  }
  const entry = status.list.entries.find((e) => e.licenseId === license.id && Date.parse(e.effectiveAt) <= at);
  if (entry) {
    const why = `${entry.reason}${entry.reasonText ? `: ${entry.reasonText}` : ''}`;
    if (entry.status === 'revoked') checks.fail('status', 'LICENSE_REVOKED', `revoked on ${entry.effectiveAt} (${why}) per ${status.source}`);
    else if (entry.status === 'suspended') checks.fail('status', 'LICENSE_SUSPENDED', `suspended since ${entry.effectiveAt} (${why}) per ${status.source}`);
    else checks.fail('status', 'LICENSE_SUPERSEDED', `amended on ${entry.effectiveAt}: superseded by license ${entry.successor?.id ?? '(unnamed)'} per ${status.source}`);
  } else if (status.stale) {
    const age = describeAge((at - Date.parse(status.list.nextUpdate)) / 1000);
    const msg = `not revoked per ${status.source}, but that list was due for update on ${status.list.nextUpdate} (${age} ago)`;
    if (options.requireFreshStatus) checks.fail('status', 'STATUS_STALE_REQUIRED_FRESH', msg);
    else checks.warn('status', 'STATUS_STALE', msg);
  } else {
    checks.pass('status', `not revoked, suspended or amended per ${status.source}, next update ${status.list.nextUpdate}`);
  }
}

function finish(checks: CheckList, ctx: TrustContext, extra: Partial<VerificationResult>): VerificationResult {
  const all = [...ctx.notices, ...checks.checks];
  const failure = checks.firstFailure();
  const r: VerificationResult = { verdict: failure ? 'INVALID' : 'VALID', checks: all, signatures: extra.signatures ?? [], findings: extra.findings ?? [] };
  if (failure) {
    r.code = failure.code!;
    r.reason = failure.message;
  }
  if (extra.kind) r.kind = extra.kind;
  if (extra.document !== undefined) r.document = extra.document as DocumentTypes[keyof DocumentTypes];
  if (extra.payloadSha256) r.payloadSha256 = extra.payloadSha256;
  if (extra.declaration) r.declaration = r.verdict === 'VALID' ? extra.declaration : { certified: false };
  return r;
}
