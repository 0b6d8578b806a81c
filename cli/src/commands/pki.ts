import { constants, createPublicKey, KeyObject, verify } from 'node:crypto';
import { mkdir, stat } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { XlicError } from '@xlic/core';
import {
  createRootCa,
  issueCertificate,
  issueCrl,
  parseCertificate,
  parseCrl,
  signerCommonName,
  thumbprint,
  toPem,
  type Issuer,
  type ParsedCertificate,
  type ParsedCrl,
  type Purpose,
  type RevocationReason,
  type SigningAlgorithm,
} from '@xlic/trust';
import { writeFileAtomic } from '../io/atomic-write.js';
import { readPrivateKey, writePrivateKey } from '../io/key-file.js';
import type { PassphraseOptions } from '../io/passphrase.js';
import { readCertificates, readCrl } from '../io/pem-file.js';
import { parseDays } from '../io/time.js';
import { err, out, outJson } from '../output/write.js';
import { checkAgencyId, checkCountry, refuseOverwrite, rfc3339 } from './trust-edit.js';

type SignerPurpose = Exclude<Purpose, 'any'>;

interface CaOptions extends PassphraseOptions {
  caCert: string;
  caKey: string;
}

interface OutputOptions {
  out: string;
  outPassphraseEnv?: string;
  force?: boolean;
  json?: boolean;
}

/** What the commands print about a certificate: never anything about its private key beyond its type. */
interface CertificateFacts {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  sha256: string;
  key: string;
  purposes: string[];
}

async function factsOf(der: Uint8Array): Promise<CertificateFacts> {
  const c = parseCertificate(der);
  return {
    subject: c.subject.text,
    issuer: c.issuer.text,
    serialNumber: c.serialNumber,
    notBefore: rfc3339(c.notBefore),
    notAfter: rfc3339(c.notAfter),
    sha256: await thumbprint(der),
    key: `${c.publicKey.description}${c.publicKey.algorithm ? ` (${c.publicKey.algorithm})` : ''}`,
    purposes: c.purposes,
  };
}

function printFacts(f: CertificateFacts): void {
  out(`  subject   ${f.subject}`);
  if (f.issuer !== f.subject) out(`  issuer    ${f.issuer}`);
  out(`  serial    ${f.serialNumber}`);
  out(`  valid     ${f.notBefore} to ${f.notAfter}`);
  out(`  key       ${f.key}`);
  if (f.purposes.length > 0) out(`  purpose   ${f.purposes.join(', ')}`);
  out(`  sha256    ${f.sha256}`);
}

/** The DER SubjectPublicKeyInfo belonging to a private key (Node derives it; WebCrypto cannot). */
function spkiOfPrivateKey(key: Issuer['privateKey']): Uint8Array {
  try {
    return new Uint8Array(createPublicKey(KeyObject.from(key)).export({ type: 'spki', format: 'der' }));
  } catch (cause) {
    throw new XlicError('KEY_INVALID', 'the public key of the private key could not be derived', { cause });
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((v, i) => v === b[i]);
}

/** Load the issuing CA: its certificate must be a current CA certificate, and the key must be its key. */
async function loadCa(options: CaOptions): Promise<{ issuer: Issuer; ca: ParsedCertificate }> {
  const [der] = await readCertificates(options.caCert);
  const ca = parseCertificate(der!);
  if (!ca.isCa) throw new XlicError('PKI_CA_UNSUITABLE', `${options.caCert}: ${ca.subject.text} is not a CA certificate`);
  if (ca.notAfter.getTime() <= Date.now()) throw new XlicError('PKI_CA_UNSUITABLE', `${options.caCert}: ${ca.subject.text} expired on ${rfc3339(ca.notAfter)}`);
  const { privateKey } = await readPrivateKey(options.caKey, options);
  if (!sameBytes(spkiOfPrivateKey(privateKey), ca.publicKey.spki)) throw new XlicError('PKI_CA_MISMATCH', `${options.caKey} is not the private key of ${options.caCert} (${ca.subject.text})`);
  return { issuer: { certificate: der!, privateKey }, ca };
}

/** True when `cert` names `ca` as its issuer (name bytes, and key identifiers when both are present). */
function issuedBy(cert: { issuerDer: Uint8Array; authorityKeyIdentifier: string | undefined }, ca: ParsedCertificate): boolean {
  if (!sameBytes(cert.issuerDer, ca.subjectDer)) return false;
  return cert.authorityKeyIdentifier === undefined || ca.subjectKeyIdentifier === undefined || cert.authorityKeyIdentifier === ca.subjectKeyIdentifier;
}

/**
 * Whether the CA's key signed `crl`. Checked before carrying entries over: a tampered previous CRL
 * must not silently un-revoke a certificate by being re-signed.
 */
function crlSignedBy(crl: ParsedCrl, ca: ParsedCertificate): boolean {
  const s = crl.signatureAlgorithm;
  if (!s.supported) return false;
  const key = { key: Buffer.from(ca.publicKey.spki), format: 'der' as const, type: 'spki' as const };
  try {
    if (s.oid === '1.3.101.112') return verify(null, crl.tbs, key, crl.signature); // Ed25519
    if (s.oid === '1.2.840.113549.1.1.10') return verify('sha256', crl.tbs, { ...key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: s.saltLength ?? 32 }, crl.signature); // RSASSA-PSS
    return verify(s.hash === 'SHA-384' ? 'sha384' : 'sha256', crl.tbs, key, crl.signature); // ECDSA, DER signature
  } catch {
    return false;
  }
}

async function refuseOverwriteAll(paths: string[], force: boolean | undefined): Promise<void> {
  for (const p of paths) await refuseOverwrite(p, force);
}

function outputPaths(prefix: string): { certificate: string; key: string } {
  return { certificate: `${prefix}.crt.pem`, key: `${prefix}.key.pem` };
}

function warnIfUnencrypted(encrypted: boolean, keyPath: string): void {
  // On standard error, so it never mixes into --json output.
  if (!encrypted) err(`xlic: warning: ${keyPath} is not encrypted (mode 0600 only); set XLIC_PASSPHRASE, --passphrase-env VAR or --passphrase-prompt to protect it`);
}

// ---------------------------------------------------------------------------------------------

export interface PkiInitOptions extends PassphraseOptions {
  country: string;
  agencyId: string;
  name: string;
  alg?: string;
  days?: string;
  outDir: string;
  force?: boolean;
  json?: boolean;
}

/** `xlic pki init`: a new agency root CA, written as <dir>/root.crt.pem and <dir>/root.key.pem (0600). */
export async function pkiInitCommand(options: PkiInitOptions): Promise<number> {
  checkCountry(options.country);
  checkAgencyId(options.agencyId);
  if (options.name.trim() === '' || options.name.length > 64) throw new XlicError('USAGE', `--name becomes the certificate's O attribute and must be 1 to 64 characters (got ${options.name.length})`);
  const days = parseDays(options.days, '--days', 3650);
  const files = { certificate: join(options.outDir, 'root.crt.pem'), key: join(options.outDir, 'root.key.pem') };
  await refuseOverwriteAll([files.key, files.certificate], options.force);
  const outDir = await stat(options.outDir).catch(() => undefined);
  if (outDir && !outDir.isDirectory()) throw new XlicError('USAGE', `--out-dir ${options.outDir} is not a directory`);
  await mkdir(options.outDir, { recursive: true, mode: 0o700 });

  const root = await createRootCa({ country: options.country, agencyId: options.agencyId, agencyName: options.name, algorithm: (options.alg ?? 'ES256') as SigningAlgorithm, validityDays: days });
  const { encrypted } = await writePrivateKey(files.key, root.privateKey, options);
  await writeFileAtomic(files.certificate, toPem(root.certificate, 'CERTIFICATE'));
  const facts = await factsOf(root.certificate);

  if (options.json) {
    outJson({ action: 'root-created', files, encrypted, certificate: facts });
    return 0;
  }
  out(`created root CA for ${options.agencyId} (${options.country})`);
  printFacts(facts);
  out(`  wrote     ${files.certificate}, ${files.key} (mode 0600${encrypted ? ', encrypted' : ''})`);
  out(`next: give allies the sha256 above out of band; issue signers with xlic pki issue --ca-cert ${files.certificate} --ca-key ${files.key} --purpose …`);
  warnIfUnencrypted(encrypted, files.key);
  return 0;
}

// ---------------------------------------------------------------------------------------------

export interface PkiIssueOptions extends CaOptions, OutputOptions {
  purpose: string;
  cn?: string;
  organization?: string;
  ou?: string;
  country?: string;
  alg?: string;
  days?: string;
}

function yyyymmdd(d: Date): number {
  return Number(d.toISOString().slice(0, 10).replace(/-/g, ''));
}

async function writeIssued(issued: Issuer, options: OutputOptions & PassphraseOptions): Promise<{ files: { certificate: string; key: string }; encrypted: boolean }> {
  const files = outputPaths(options.out);
  await mkdir(dirname(resolve(files.key)), { recursive: true });
  // The new key may have its own passphrase variable; otherwise it is protected as the CA key is.
  const keyPassphrase: PassphraseOptions = options.outPassphraseEnv !== undefined ? { passphraseEnv: options.outPassphraseEnv } : options;
  const { encrypted } = await writePrivateKey(files.key, issued.privateKey, keyPassphrase);
  await writeFileAtomic(files.certificate, toPem(issued.certificate, 'CERTIFICATE'));
  return { files, encrypted };
}

/** `xlic pki issue`: a signer certificate with one xlic purpose, and its new key. */
export async function pkiIssueCommand(options: PkiIssueOptions): Promise<number> {
  const purpose = options.purpose as SignerPurpose;
  if (options.country !== undefined) checkCountry(options.country);
  const days = parseDays(options.days, '--days', 365);
  const files = outputPaths(options.out);
  await refuseOverwriteAll([files.key, files.certificate], options.force);
  const { issuer, ca } = await loadCa(options);

  const organization = options.organization ?? ca.subject.organization;
  if (organization === undefined) throw new XlicError('USAGE', `${options.caCert} has no O in its subject; give --organization`);
  const country = options.country ?? ca.subject.country;
  if (country === undefined) throw new XlicError('USAGE', `${options.caCert} has no C in its subject; give --country`);
  // An end user named with --organization does not inherit the agency's OU (its agency identifier).
  const organizationalUnit = options.ou ?? (options.organization === undefined ? ca.subject.organizationalUnit : undefined);
  const commonName = options.cn ?? (options.organization === undefined ? signerCommonName(organizationalUnit ?? organization, purpose, yyyymmdd(new Date())) : organization);

  const issued = await issueCertificate({
    issuer,
    subject: { country, organization, ...(organizationalUnit !== undefined ? { organizationalUnit } : {}), commonName },
    purpose,
    algorithm: (options.alg ?? 'ES256') as SigningAlgorithm,
    validityDays: days,
  });
  const written = await writeIssued(issued, options);
  const facts = await factsOf(issued.certificate);

  if (options.json) {
    outJson({ action: 'certificate-issued', files: written.files, encrypted: written.encrypted, certificate: facts });
    return 0;
  }
  out(`issued ${purpose} certificate`);
  printFacts(facts);
  out(`  wrote     ${written.files.certificate}, ${written.files.key} (mode 0600${written.encrypted ? ', encrypted' : ''})`);
  warnIfUnencrypted(written.encrypted, written.files.key);
  return 0;
}

// ---------------------------------------------------------------------------------------------

export interface PkiRotateOptions extends CaOptions, OutputOptions {
  cert: string;
  alg?: string;
  days?: string;
}

/** `xlic pki rotate`: a new key and certificate with the subject and purpose of an existing signer certificate. */
export async function pkiRotateCommand(options: PkiRotateOptions): Promise<number> {
  const days = parseDays(options.days, '--days', 365);
  const files = outputPaths(options.out);
  await refuseOverwriteAll([files.key, files.certificate], options.force);
  const [oldDer] = await readCertificates(options.cert);
  const old = parseCertificate(oldDer!);
  if (old.isCa) throw new XlicError('USAGE', `${options.cert}: ${old.subject.text} is a CA certificate; pki rotate replaces signer certificates`);
  const purpose = old.purposes.length === 1 ? old.purposes[0]! : undefined;
  if (purpose === undefined) throw new XlicError('USAGE', `${options.cert}: ${old.subject.text} has ${old.purposes.length === 0 ? 'no xlic purpose' : `several xlic purposes (${old.purposes.join(', ')})`}; issue its replacement with xlic pki issue`);
  const { country, organization, organizationalUnit, commonName } = old.subject;
  if (country === undefined || organization === undefined || commonName === undefined) throw new XlicError('USAGE', `${options.cert}: subject ${old.subject.text} lacks C, O or CN; issue its replacement with xlic pki issue`);
  const { issuer, ca } = await loadCa(options);
  if (!issuedBy(old, ca)) throw new XlicError('PKI_CA_MISMATCH', `${options.cert} was issued by ${old.issuer.text}, not by ${options.caCert} (${ca.subject.text})`);

  const issued = await issueCertificate({
    issuer,
    subject: { country, organization, ...(organizationalUnit !== undefined ? { organizationalUnit } : {}), commonName },
    purpose,
    algorithm: (options.alg ?? old.publicKey.algorithm ?? 'ES256') as SigningAlgorithm,
    validityDays: days,
  });
  const written = await writeIssued(issued, options);
  const facts = await factsOf(issued.certificate);
  const oldFacts = await factsOf(oldDer!);
  const note = `the old certificate (serial ${oldFacts.serialNumber}) stays valid until ${oldFacts.notAfter} unless revoked: xlic pki crl --revoke ${options.cert} --reason superseded …`;

  if (options.json) {
    outJson({ action: 'certificate-rotated', files: written.files, encrypted: written.encrypted, certificate: facts, replaces: oldFacts, note });
    return 0;
  }
  out(`rotated ${purpose} key: new certificate`);
  printFacts(facts);
  out(`  wrote     ${written.files.certificate}, ${written.files.key} (mode 0600${written.encrypted ? ', encrypted' : ''})`);
  out(`replaces serial ${oldFacts.serialNumber} (${oldFacts.subject}, sha256 ${oldFacts.sha256})`);
  out(note);
  warnIfUnencrypted(written.encrypted, written.files.key);
  return 0;
}

// ---------------------------------------------------------------------------------------------

export interface PkiCrlOptions extends CaOptions {
  revoke?: string[];
  revokeSerial?: string[];
  reason?: string;
  previous?: string;
  nextUpdateDays?: string;
  out: string;
  force?: boolean;
  json?: boolean;
}

const WRITABLE_REASONS: readonly string[] = ['unspecified', 'keyCompromise', 'affiliationChanged', 'superseded', 'cessationOfOperation'];

interface Revocation {
  serialNumber: string;
  revokedAt: Date;
  reason: RevocationReason;
  subject?: string;
}

/** A serial number as parseCertificate and parseCrl give it: lowercase hex without leading zero bytes. */
function normalizeSerial(value: string): string {
  const hex = value.toLowerCase().replace(/^0x/, '').replace(/:/g, '');
  if (!/^[0-9a-f]+$/.test(hex) || hex.length > 40) throw new XlicError('USAGE', `--revoke-serial must be a hexadecimal serial number of at most 20 bytes; got ${JSON.stringify(value)}`);
  const even = hex.length % 2 ? `0${hex}` : hex;
  return even.replace(/^(00)+(?=..)/, '');
}

/** `xlic pki crl`: a CRL carrying over the previous CRL's entries, with the CRL number incremented. */
export async function pkiCrlCommand(options: PkiCrlOptions): Promise<number> {
  const days = parseDays(options.nextUpdateDays, '--next-update-days', 7);
  const reason = (options.reason ?? 'unspecified') as RevocationReason;
  if (!WRITABLE_REASONS.includes(reason)) throw new XlicError('USAGE', `--reason must be one of ${WRITABLE_REASONS.join(', ')}`);
  const replacingPrevious = options.previous !== undefined && resolve(options.previous) === resolve(options.out);
  await refuseOverwrite(options.out, options.force || replacingPrevious);
  const { issuer, ca } = await loadCa(options);

  const carried: Revocation[] = [];
  let crlNumber = 1n;
  if (options.previous !== undefined) {
    const previous = parseCrl(await readCrl(options.previous));
    if (!issuedBy(previous, ca)) throw new XlicError('PKI_CA_MISMATCH', `${options.previous} was issued by ${previous.issuer.text}, not by ${options.caCert} (${ca.subject.text})`);
    if (!crlSignedBy(previous, ca)) throw new XlicError('CRL_INVALID', `${options.previous}: the signature does not verify with the key of ${options.caCert}; refusing to carry its entries over`);
    if (previous.unknownCriticalExtensions.length > 0) throw new XlicError('CRL_INVALID', `${options.previous} has critical extensions xlic does not process (${previous.unknownCriticalExtensions.join(', ')})`);
    for (const e of previous.entries) {
      if (!WRITABLE_REASONS.includes(e.reason)) throw new XlicError('USAGE', `${options.previous}: serial ${e.serialNumber} has reason ${e.reason}, which xlic does not issue; it cannot be carried over`);
      carried.push({ serialNumber: e.serialNumber, revokedAt: e.revokedAt, reason: e.reason as RevocationReason });
    }
    if (previous.crlNumber !== undefined) crlNumber = BigInt(previous.crlNumber) + 1n;
  }
  if (crlNumber > BigInt(Number.MAX_SAFE_INTEGER)) throw new XlicError('USAGE', `the next CRL number ${crlNumber} is too large`);

  const now = new Date();
  const requested: Revocation[] = [];
  for (const file of options.revoke ?? []) {
    for (const der of await readCertificates(file)) {
      const cert = parseCertificate(der);
      if (!issuedBy(cert, ca)) throw new XlicError('PKI_CA_MISMATCH', `${file}: ${cert.subject.text} was issued by ${cert.issuer.text}, not by ${options.caCert}; only its issuer can revoke it`);
      requested.push({ serialNumber: cert.serialNumber, revokedAt: now, reason, subject: cert.subject.text });
    }
  }
  for (const s of options.revokeSerial ?? []) requested.push({ serialNumber: normalizeSerial(s), revokedAt: now, reason });

  const known = new Map(carried.map((r) => [r.serialNumber, r]));
  const added: Revocation[] = [];
  const alreadyRevoked: Revocation[] = [];
  for (const r of requested) {
    const earlier = known.get(r.serialNumber);
    if (earlier) alreadyRevoked.push({ ...earlier, ...(r.subject ? { subject: r.subject } : {}) });
    else {
      known.set(r.serialNumber, r);
      added.push(r);
    }
  }
  const revoked = [...carried, ...added];
  const nextUpdate = new Date(now.getTime() + days * 86_400_000);
  const der = await issueCrl({ issuer, revoked: revoked.map(({ serialNumber, revokedAt, reason: why }) => ({ serialNumber, revokedAt, reason: why })), thisUpdate: now, nextUpdate, crlNumber: Number(crlNumber) });
  await mkdir(dirname(resolve(options.out)), { recursive: true });
  await writeFileAtomic(options.out, toPem(der, 'X509 CRL'));

  const entry = (r: Revocation) => ({ serialNumber: r.serialNumber, revokedAt: rfc3339(r.revokedAt), reason: r.reason, ...(r.subject ? { subject: r.subject } : {}) });
  if (options.json) {
    outJson({ action: 'crl-issued', file: options.out, issuer: ca.subject.text, crlNumber: Number(crlNumber), thisUpdate: rfc3339(now), nextUpdate: rfc3339(nextUpdate), entries: revoked.length, carriedOver: carried.length, added: added.map(entry), alreadyRevoked: alreadyRevoked.map(entry) });
    return 0;
  }
  out(`issued CRL #${crlNumber} of ${ca.subject.text}`);
  out(`  this update ${rfc3339(now)}, next update ${rfc3339(nextUpdate)}`);
  out(`  ${revoked.length} revoked certificate${revoked.length === 1 ? '' : 's'} (${carried.length} carried over, ${added.length} new)`);
  for (const r of added) out(`  + serial ${r.serialNumber}${r.subject ? ` ${r.subject}` : ''} (${r.reason})`);
  for (const r of alreadyRevoked) out(`  = serial ${r.serialNumber} was already revoked on ${rfc3339(r.revokedAt)} (${r.reason}); kept as it was`);
  out(`  wrote ${options.out}`);
  return 0;
}
