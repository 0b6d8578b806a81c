/**
 * Certificate path validation (RFC 5280 section 6, narrowed to the xlic profile), fail-closed.
 * Pure in its inputs: the same chain, anchors, times and CRLs always give the same result,
 * so callers may cache results per distinct x5c.
 */
import { XlicError, type Code } from '@xlic/core';
import { parseCertificate, type ParsedCertificate } from './certificate.js';
import { parseCrl, type ParsedCrl } from './crl.js';
import { bytesEqual } from './der.js';
import { EKU_OIDS, type Purpose } from './oids.js';
import { verifySignature } from './signature.js';
import type { TrustAnchor, TrustRole } from './trust-index.js';

/** Default longest path, in certificates, counting the root: signer, one intermediate, root, and one spare. */
export const DEFAULT_MAX_PATH_LENGTH = 4;

/** The trust-list role a root needs for each purpose (list-signing: the caller names the publisher role). */
export const PURPOSE_ROLES: Readonly<Record<Exclude<Purpose, 'any' | 'list-signing'>, TrustRole>> = {
  'license-signing': 'license-issuer',
  'declaration-certifying': 'declaration-certifier',
  'declaration-signing': 'end-user-certifier',
};

/** Roles that may be required with purpose `list-signing`. */
export const LIST_PUBLISHER_ROLES: readonly TrustRole[] = [
  'status-publisher',
  'trust-list-publisher',
  'rules-publisher',
  'screening-list-publisher',
  'denial-publisher',
];

/** Options of {@link validatePath}. */
export interface ValidatePathOptions {
  /** DER certificates, signer first, each certified by the next (as in the JWS x5c header); the root may be left out. */
  chain: Uint8Array[];
  anchors: TrustAnchor[];
  /** When the signature was made: every certificate must be valid then (chain model). */
  signingTime: Date;
  /** The time of verification: the root and its trust-list entry must be valid now. */
  now: Date;
  purpose: Purpose;
  /**
   * The trust-list role the root must hold. Required for `list-signing` (which publisher role);
   * for other purposes it follows from the purpose and may be omitted; with `any`, no role is required unless given.
   */
  role?: TrustRole;
  /** DER CRLs issued by CAs on the path; CRLs of other issuers are ignored. */
  crls?: Uint8Array[];
  /** Most certificates in the path, counting the root. Default 4. */
  maxLength?: number;
  /** Fail with CRL_EXPIRED (instead of warning CRL_STALE) when an issuer's newest CRL is past its nextUpdate. */
  requireFreshCrl?: boolean;
}

/** A problem that does not fail the path (CRL_STALE, CERT_REVOKED_AFTER_SIGNING). */
export interface PathWarning {
  code: Code;
  message: string;
  /** Index in the path (0 = signer; the root is last, at chain length when the chain left it out). */
  certificateIndex?: number;
}

/** The verdict of {@link validatePath}. */
export type PathResult =
  | { ok: true; anchor: TrustAnchor; leaf: ParsedCertificate; path: ParsedCertificate[]; warnings: PathWarning[] }
  | { ok: false; code: Code; message: string; certificateIndex?: number; warnings: PathWarning[] };

/**
 * Validate a certificate chain against trust anchors for a purpose. Returns a verdict, never throws
 * for bad input (only for programmer mistakes such as `list-signing` without `role`).
 *
 * Steps, in order (the first failure is returned): CERT_CHAIN_EMPTY, CERT_CHAIN_TOO_LONG, CERT_PARSE,
 * CERT_CHAIN_LOOP, CERT_NAME_CHAINING, anchor selection (CERT_UNTRUSTED_ROOT, CERT_SIGNATURE_INVALID,
 * CERT_ROLE_NOT_TRUSTED, TRUST_ENTRY_NOT_CURRENT), CERT_CHAIN_TOO_LONG, CERT_ALGORITHM_UNSUPPORTED,
 * CERT_SIGNATURE_INVALID, CERT_UNKNOWN_CRITICAL_EXTENSION, CERT_NOT_CA / CERT_KEY_USAGE / CERT_PATH_LENGTH
 * (issuers), CERT_SIGNER_IS_CA / CERT_KEY_USAGE / CERT_EKU_MISSING (signer), CERT_EXPIRED /
 * CERT_NOT_YET_VALID (at signingTime), CERT_ROOT_EXPIRED (now), CRL_INVALID / CRL_EXPIRED / CERT_REVOKED.
 *
 * @example
 * const result = await validatePath({ chain: x5c.map(b64ToBytes), anchors: index.anchorsForRole('license-issuer'),
 *   purpose: 'license-signing', signingTime: new Date(iat * 1000), now: new Date(), crls });
 * if (!result.ok) console.log(result.code, result.message);
 */
export async function validatePath(options: ValidatePathOptions): Promise<PathResult> {
  const role = requiredRole(options.purpose, options.role);
  const maxLength = options.maxLength ?? DEFAULT_MAX_PATH_LENGTH;
  if (!Number.isSafeInteger(maxLength) || maxLength < 1) throw new XlicError('USAGE', 'maxLength must be a positive integer');
  checkDate(options.signingTime, 'signingTime');
  checkDate(options.now, 'now');
  const warnings: PathWarning[] = [];
  const fail = (code: Code, message: string, certificateIndex?: number): PathResult =>
    certificateIndex === undefined ? { ok: false, code, message, warnings } : { ok: false, code, message, certificateIndex, warnings };

  const { chain } = options;
  if (chain.length === 0) return fail('CERT_CHAIN_EMPTY', 'the certificate chain is empty');
  if (chain.length > maxLength) return fail('CERT_CHAIN_TOO_LONG', `the chain has ${chain.length} certificates; at most ${maxLength} are accepted`);

  const certs: ParsedCertificate[] = [];
  for (const [i, der] of chain.entries()) {
    try {
      certs.push(parseCertificate(der));
    } catch (e) {
      return fail('CERT_PARSE', `certificate ${i} of the chain: ${e instanceof Error ? e.message : String(e)}`, i);
    }
  }

  for (let j = 1; j < certs.length; j++) {
    for (let i = 0; i < j; i++) {
      const a = certs[i]!;
      const b = certs[j]!;
      if (bytesEqual(a.der, b.der) || (bytesEqual(a.subjectDer, b.subjectDer) && bytesEqual(a.publicKey.spki, b.publicKey.spki))) {
        return fail('CERT_CHAIN_LOOP', `certificates ${i} and ${j} of the chain are the same subject and key (${b.subject.text}): the chain loops`, j);
      }
    }
  }

  for (let i = 0; i + 1 < certs.length; i++) {
    const problem = chainingProblem(certs[i]!, certs[i + 1]!);
    if (problem) return fail('CERT_NAME_CHAINING', `${describe(certs, i, certs.length + 1)} ${problem}`, i);
  }

  // Anchor selection: the chain either ends in a listed root (same subject and key), or is issued by one.
  const ownAnchorIndex = certs.findIndex((c) => options.anchors.some((a) => sameRoot(a.parsed, c)));
  let path: ParsedCertificate[];
  let found: TrustAnchor[];
  let verifiedUpTo: number; // signatures of path[0..verifiedUpTo) still need checking
  if (ownAnchorIndex >= 0) {
    const top = certs[ownAnchorIndex]!;
    found = options.anchors.filter((a) => sameRoot(a.parsed, top));
    path = certs.slice(0, ownAnchorIndex);
    verifiedUpTo = path.length;
  } else {
    const top = certs[certs.length - 1]!;
    const named = options.anchors.filter(
      (a) =>
        bytesEqual(a.parsed.subjectDer, top.issuerDer) &&
        (top.authorityKeyIdentifier === undefined || a.parsed.subjectKeyIdentifier === undefined || top.authorityKeyIdentifier === a.parsed.subjectKeyIdentifier),
    );
    if (named.length === 0) {
      const what = top.selfIssued ? `the chain ends in root ${top.subject.text}, which is not a trust anchor` : `no trust anchor is named ${top.issuer.text}, the issuer of ${top.subject.text}`;
      return fail('CERT_UNTRUSTED_ROOT', what, certs.length - 1);
    }
    if (top.selfIssued) return fail('CERT_UNTRUSTED_ROOT', `the chain ends in root ${top.subject.text}, which is not a trust anchor (a trusted root has the same name but another key)`, certs.length - 1);
    found = [];
    for (const a of named) {
      if (await verifySignature(top.signatureAlgorithm, a.parsed.publicKey, top.tbs, top.signature)) found.push(a);
    }
    if (found.length === 0) {
      return fail('CERT_SIGNATURE_INVALID', `the signature of ${describe(certs, certs.length - 1, certs.length + 1)} does not verify with the key of trust anchor ${top.issuer.text}`, certs.length - 1);
    }
    path = [...certs];
    verifiedUpTo = certs.length - 1;
  }
  const rootIndex = path.length;
  const rootText = found[0]!.parsed.subject.text;
  const withRole = role === undefined ? found : found.filter((a) => a.roles.includes(role));
  if (withRole.length === 0) {
    return fail('CERT_ROLE_NOT_TRUSTED', `root ${rootText} is trusted (${found.map((a) => `${a.source}: ${a.roles.join(', ')}`).join('; ')}) but not as ${role}`, rootIndex);
  }
  const current = withRole.filter((a) => a.validFrom <= options.now && options.now <= a.validUntil);
  if (current.length === 0) {
    const a = withRole[0]!;
    return fail('TRUST_ENTRY_NOT_CURRENT', `trust in root ${rootText} (${a.source}) runs from ${iso(a.validFrom)} to ${iso(a.validUntil)}, which does not include now (${iso(options.now)})`, rootIndex);
  }
  const anchor = current[0]!;
  path.push(anchor.parsed);
  const n = path.length;
  if (n > maxLength) return fail('CERT_CHAIN_TOO_LONG', `the path has ${n} certificates counting the root; at most ${maxLength} are accepted`);
  const who = (i: number): string => describe(path, i, n);

  // Algorithms, then signatures (each certificate by the key of the next).
  for (let i = 0; i < n - 1; i++) {
    const c = path[i]!;
    if (!c.signatureAlgorithm.supported) return fail('CERT_ALGORITHM_UNSUPPORTED', `${who(i)} is signed with ${c.signatureAlgorithm.description}, outside the xlic profile`, i);
  }
  if (path[0]!.publicKey.algorithm === undefined) {
    return fail('CERT_ALGORITHM_UNSUPPORTED', `${who(0)} has a ${path[0]!.publicKey.description} key, outside the xlic profile (ES256, ES384, EdDSA, PS256)`, 0);
  }
  for (let i = 0; i < verifiedUpTo; i++) {
    const c = path[i]!;
    if (!(await verifySignature(c.signatureAlgorithm, path[i + 1]!.publicKey, c.tbs, c.signature))) {
      return fail('CERT_SIGNATURE_INVALID', `the signature of ${who(i)} does not verify with the key of its issuer ${path[i + 1]!.subject.text}`, i);
    }
  }

  for (let i = 0; i < n; i++) {
    const unknown = path[i]!.unknownCriticalExtensions;
    if (unknown.length > 0) return fail('CERT_UNKNOWN_CRITICAL_EXTENSION', `${who(i)} has critical extension ${unknown.join(', ')}, which xlic does not process`, i);
  }

  // Issuers: CA, may sign certificates, path length constraints (RFC 5280 6.1.4 (k), (l), (m), (n)).
  for (let i = 1; i < n; i++) {
    const c = path[i]!;
    if (!c.isCa) return fail('CERT_NOT_CA', `${who(i)} issued a certificate but is not a CA (basicConstraints cA is not set)`, i);
    if (c.keyUsage === undefined || !c.keyUsage.includes('keyCertSign')) {
      return fail('CERT_KEY_USAGE', `${who(i)} issued a certificate but its keyUsage ${c.keyUsage === undefined ? 'is missing' : `(${c.keyUsage.join(', ')}) lacks keyCertSign`}`, i);
    }
    // intermediates below this one; self-issued ones do not count (RFC 5280 6.1.4 (l))
    const below = path.slice(1, i).filter((x) => !x.selfIssued).length;
    if (c.pathLength !== undefined && below > c.pathLength) {
      return fail('CERT_PATH_LENGTH', `${who(i)} allows ${c.pathLength} intermediate CA certificate(s) below it (pathLen), the path has ${below}`, i);
    }
  }

  // The signer.
  const leaf = path[0]!;
  if (leaf.isCa) return fail('CERT_SIGNER_IS_CA', `${who(0)} is a CA certificate; documents must be signed with a signer (end-entity) certificate`, 0);
  if (leaf.keyUsage === undefined || !leaf.keyUsage.includes('digitalSignature')) {
    return fail('CERT_KEY_USAGE', `${who(0)} keyUsage ${leaf.keyUsage === undefined ? 'is missing' : `(${leaf.keyUsage.join(', ')}) lacks digitalSignature`}`, 0);
  }
  if (options.purpose !== 'any') {
    const oid = EKU_OIDS[options.purpose];
    if (leaf.ekus === undefined || !leaf.ekus.includes(oid)) {
      return fail('CERT_EKU_MISSING', `${who(0)} is not certified for ${options.purpose} (extendedKeyUsage ${oid} ${leaf.ekus === undefined ? 'absent' : `not among ${leaf.ekus.join(', ')}`})`, 0);
    }
    // a CA that carries extendedKeyUsage restricts what it certifies
    for (let i = 1; i < n; i++) {
      const ekus = path[i]!.ekus;
      if (ekus !== undefined && !ekus.includes(oid)) return fail('CERT_EKU_MISSING', `${who(i)} restricts its certificates to extendedKeyUsage ${ekus.join(', ')}, which excludes ${options.purpose}`, i);
    }
  }

  // Time: chain model. Every certificate at the signing time; the root also now.
  const t = options.signingTime;
  for (let i = 0; i < n; i++) {
    const c = path[i]!;
    if (t > c.notAfter) return fail('CERT_EXPIRED', `${who(i)} expired ${iso(c.notAfter)}, before the signing time ${iso(t)}`, i);
    if (t < c.notBefore) return fail('CERT_NOT_YET_VALID', `${who(i)} is valid from ${iso(c.notBefore)}, after the signing time ${iso(t)}`, i);
  }
  const root = path[n - 1]!;
  if (options.now > root.notAfter) return fail('CERT_ROOT_EXPIRED', `${who(n - 1)} expired ${iso(root.notAfter)}; the root must be valid now (${iso(options.now)})`, n - 1);
  if (options.now < root.notBefore) return fail('CERT_NOT_YET_VALID', `${who(n - 1)} is valid from ${iso(root.notBefore)}, after now (${iso(options.now)})`, n - 1);

  const revocation = await checkRevocation(path, options, warnings);
  if (revocation) return fail(revocation.code, revocation.message, revocation.certificateIndex);
  return { ok: true, anchor, leaf, path, warnings };
}

/** The role a purpose needs, or a USAGE error for an impossible combination. */
export function requiredRole(purpose: Purpose, role: TrustRole | undefined): TrustRole | undefined {
  if (purpose === 'any') return role;
  if (purpose === 'list-signing') {
    if (role === undefined || !LIST_PUBLISHER_ROLES.includes(role)) {
      throw new XlicError('USAGE', `purpose list-signing needs role to be one of ${LIST_PUBLISHER_ROLES.join(', ')}`);
    }
    return role;
  }
  const mapped = PURPOSE_ROLES[purpose];
  if (role !== undefined && role !== mapped) throw new XlicError('USAGE', `purpose ${purpose} needs role ${mapped}, not ${role}`);
  return mapped;
}

interface Failure {
  code: Code;
  message: string;
  certificateIndex: number;
}

async function checkRevocation(path: ParsedCertificate[], options: ValidatePathOptions, warnings: PathWarning[]): Promise<Failure | undefined> {
  const crls: ParsedCrl[] = [];
  for (const [k, der] of (options.crls ?? []).entries()) {
    try {
      crls.push(parseCrl(der));
    } catch (e) {
      return { code: 'CRL_INVALID', message: `CRL ${k}: ${e instanceof Error ? e.message : String(e)}`, certificateIndex: 0 };
    }
  }
  const n = path.length;
  for (let i = 0; i < n - 1; i++) {
    const cert = path[i]!;
    const issuer = path[i + 1]!;
    const fromIssuer = crls.filter(
      (c) =>
        bytesEqual(c.issuerDer, issuer.subjectDer) &&
        (c.authorityKeyIdentifier === undefined || issuer.subjectKeyIdentifier === undefined || c.authorityKeyIdentifier === issuer.subjectKeyIdentifier),
    );
    if (fromIssuer.length === 0) continue;
    const by = `CRL of ${issuer.subject.text}`;
    for (const crl of fromIssuer) {
      const which = `${by} number ${crl.crlNumber ?? '(none)'} of ${iso(crl.thisUpdate)}`;
      if (!crl.signatureAlgorithm.supported) return { code: 'CRL_INVALID', message: `${which} is signed with ${crl.signatureAlgorithm.description}, outside the xlic profile`, certificateIndex: i + 1 };
      if (!(await verifySignature(crl.signatureAlgorithm, issuer.publicKey, crl.tbs, crl.signature))) {
        return { code: 'CRL_INVALID', message: `the signature of ${which} does not verify with its issuer's key`, certificateIndex: i + 1 };
      }
      if (issuer.keyUsage !== undefined && !issuer.keyUsage.includes('cRLSign')) {
        return { code: 'CRL_INVALID', message: `${which} is signed by a key without keyUsage cRLSign`, certificateIndex: i + 1 };
      }
      if (crl.unknownCriticalExtensions.length > 0) {
        return { code: 'CRL_INVALID', message: `${which} has critical extension ${crl.unknownCriticalExtensions.join(', ')}, which xlic does not process (delta or partitioned CRLs are not supported)`, certificateIndex: i + 1 };
      }
      if (crl.thisUpdate > options.now) return { code: 'CRL_INVALID', message: `${which} is dated after now (${iso(options.now)})`, certificateIndex: i + 1 };
      const entry = crl.entries.find((e) => e.serialNumber === cert.serialNumber);
      if (entry === undefined) continue;
      const text = `${describe(path, i, n)} (serial ${cert.serialNumber}) was revoked ${iso(entry.revokedAt)}, reason ${entry.reason} (${which})`;
      // Chain model: retiring a key (superseded, cessation, affiliation change) does not undo signatures made before;
      // any other reason (key compromise, unspecified…) means the signing time itself cannot be trusted.
      if (entry.revokedAt > options.signingTime && ['superseded', 'cessationOfOperation', 'affiliationChanged'].includes(entry.reason)) {
        warnings.push({ code: 'CERT_REVOKED_AFTER_SIGNING', message: `${text}, after the signing time ${iso(options.signingTime)}`, certificateIndex: i });
        continue;
      }
      return { code: 'CERT_REVOKED', message: text, certificateIndex: i };
    }
    const newest = fromIssuer.reduce((a, b) => (b.thisUpdate > a.thisUpdate ? b : a));
    if (newest.nextUpdate === undefined || newest.nextUpdate < options.now) {
      const message = `the newest ${by} (${iso(newest.thisUpdate)}) ${newest.nextUpdate === undefined ? 'has no nextUpdate' : `was due for renewal ${iso(newest.nextUpdate)}`}; now is ${iso(options.now)}`;
      if (options.requireFreshCrl) return { code: 'CRL_EXPIRED', message, certificateIndex: i + 1 };
      warnings.push({ code: 'CRL_STALE', message, certificateIndex: i + 1 });
    }
  }
  return undefined;
}

function sameRoot(anchor: ParsedCertificate, cert: ParsedCertificate): boolean {
  return bytesEqual(anchor.der, cert.der) || (bytesEqual(anchor.subjectDer, cert.subjectDer) && bytesEqual(anchor.publicKey.spki, cert.publicKey.spki));
}

function chainingProblem(child: ParsedCertificate, parent: ParsedCertificate): string | undefined {
  if (!bytesEqual(child.issuerDer, parent.subjectDer)) return `names issuer ${child.issuer.text}, but the next certificate in the chain is ${parent.subject.text}`;
  if (child.authorityKeyIdentifier !== undefined && parent.subjectKeyIdentifier !== undefined && child.authorityKeyIdentifier !== parent.subjectKeyIdentifier) {
    return `names issuer key ${child.authorityKeyIdentifier}, but the next certificate in the chain has key ${parent.subjectKeyIdentifier}`;
  }
  return undefined;
}

function describe(path: ParsedCertificate[], i: number, n: number): string {
  const c = path[i]!;
  const kind = i === 0 ? 'signer certificate' : i === n - 1 ? 'root certificate' : 'intermediate CA certificate';
  return `${kind} ${c.subject.commonName !== undefined ? `CN=${c.subject.commonName}` : c.subject.text || '(empty subject)'}`;
}

function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}

function checkDate(d: Date, what: string): void {
  if (!(d instanceof Date) || Number.isNaN(d.getTime())) throw new XlicError('USAGE', `${what} must be a valid Date`);
}
