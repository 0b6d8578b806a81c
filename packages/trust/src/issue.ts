/** Issuing certificates of the xlic profile: agency roots, intermediate CAs and signer certificates. */
import { XlicError } from '@xlic/core';
import { algorithmOfKey, x509SigningParams, type SigningAlgorithm } from './algorithms.js';
import { parseCertificate, type ParsedCertificate } from './certificate.js';
import { DerError, fromHex, readDer, toArrayBuffer, toHex } from './der.js';
import {
  authorityKeyIdentifier,
  basicConstraints,
  computeKeyIdentifier,
  encodeExtension,
  extendedKeyUsage,
  keyUsage,
  subjectKeyIdentifier,
  type ExtensionInput,
} from './extensions-encode.js';
import { generateKeyPair } from './keys-generate.js';
import { encodeName, type NameInput } from './names.js';
import { EKU_OIDS, type Purpose } from './oids.js';
import { readPublicKeyInfo } from './public-key.js';
import { verifySignature } from './signature.js';

const DAY_MS = 86_400_000;
/** Default and largest validity of a root, in days. */
export const ROOT_VALIDITY_DAYS = { default: 3650, max: 9131 } as const;
/** Default and largest validity of a signer certificate, in days. */
export const SIGNER_VALIDITY_DAYS = { default: 365, max: 825 } as const;
/** Default and largest validity of an intermediate CA, in days. */
export const INTERMEDIATE_VALIDITY_DAYS = { default: 1826, max: 3650 } as const;

/** A certificate with its freshly generated, extractable key pair. */
export interface IssuedCertificate {
  /** DER. */
  certificate: Uint8Array;
  privateKey: CryptoKey;
  publicKey: CryptoKey;
}

/** An issuing CA: its certificate (DER) and private key. */
export interface Issuer {
  certificate: Uint8Array;
  privateKey: CryptoKey;
}

/** Options of {@link createRootCa}. */
export interface CreateRootCaOptions {
  /** ISO 3166-1 alpha-2, e.g. `DE`. */
  country: string;
  /** Agency identifier, e.g. `BAFA`; becomes OU and starts the CN. */
  agencyId: string;
  /** Official agency name; becomes O. */
  agencyName: string;
  algorithm?: SigningAlgorithm;
  /** Default: now. */
  notBefore?: Date;
  /** Default 3650 (10 years), at most 9131 (25 years). */
  validityDays?: number;
}

/**
 * Create a self-signed agency root CA: `C=<country>, O=<agencyName>, OU=<agencyId>, CN=<agencyId> Root CA <year>`,
 * basicConstraints CA with pathLen 1 and keyUsage keyCertSign + cRLSign (both critical), subjectKeyIdentifier.
 *
 * @example
 * const root = await createRootCa({ country: 'DE', agencyId: 'BAFA', agencyName: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' });
 * await writeFile('root.pem', toPem(root.certificate, 'CERTIFICATE'));
 */
export async function createRootCa(options: CreateRootCaOptions): Promise<IssuedCertificate> {
  const algorithm = options.algorithm ?? 'ES256';
  const notBefore = floorToSecond(options.notBefore ?? new Date());
  const days = checkDays(options.validityDays ?? ROOT_VALIDITY_DAYS.default, ROOT_VALIDITY_DAYS.max, 'root');
  const name = nameBytes({
    country: options.country,
    organization: options.agencyName,
    organizationalUnit: options.agencyId,
    commonName: `${options.agencyId} Root CA ${notBefore.getUTCFullYear()}`,
  });
  const keys = await generateKeyPair(algorithm);
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
  const keyId = await computeKeyIdentifier(readPublicKeyInfo(readDer(spki)).keyBits);
  const certificate = await signCertificate({
    subject: name,
    issuer: name,
    spki,
    signingKey: keys.privateKey,
    algorithm,
    notBefore,
    notAfter: new Date(notBefore.getTime() + days * DAY_MS),
    extensions: [basicConstraints(true, 1), keyUsage(['keyCertSign', 'cRLSign']), subjectKeyIdentifier(keyId)],
  });
  return { certificate, ...keys };
}

/** Options of {@link issueCertificate}. */
export interface IssueCertificateOptions {
  issuer: Issuer;
  subject: { country: string; organization: string; organizationalUnit?: string; commonName: string };
  /** The single purpose of a signer certificate; for an intermediate CA, restricts it (`any`: no restriction). */
  purpose: Purpose;
  /** Algorithm of the new key (the certificate is signed with the issuer key's algorithm). Default ES256. */
  algorithm?: SigningAlgorithm;
  /** Default: now. */
  notBefore?: Date;
  /** Signer default 365, at most 825; intermediate default 1826, at most 3650. */
  validityDays?: number;
  /** Issue an intermediate CA (basicConstraints CA, keyCertSign + cRLSign) instead of a signer. */
  ca?: { pathLength: number };
}

/**
 * Issue a signer certificate (or, with `ca`, an intermediate CA) under `issuer`, with a new key pair.
 * Signer: basicConstraints CA false and keyUsage digitalSignature (critical), extendedKeyUsage with the
 * one xlic purpose (critical), subject and authority key identifiers, a random 16-byte serial.
 *
 * @example
 * const signer = await issueCertificate({
 *   issuer: root, purpose: 'license-signing',
 *   subject: { country: 'DE', organization: 'BAFA', organizationalUnit: 'BAFA', commonName: signerCommonName('BAFA', 'license-signing', 1) },
 * });
 */
export async function issueCertificate(options: IssueCertificateOptions): Promise<IssuedCertificate> {
  const issuer = parseIssuer(options.issuer);
  const signingAlgorithm = algorithmOfIssuerKey(options.issuer.privateKey);
  const isCa = options.ca !== undefined;
  if (!isCa && options.purpose === 'any') throw new XlicError('USAGE', 'a signer certificate needs one purpose, not "any"');
  if (isCa && issuer.pathLength !== undefined && issuer.pathLength < 1) {
    throw new XlicError('USAGE', `issuer ${issuer.subject.text} has pathLen ${issuer.pathLength} and cannot certify another CA`);
  }
  if (isCa && (!Number.isSafeInteger(options.ca!.pathLength) || options.ca!.pathLength < 0)) {
    throw new XlicError('USAGE', 'ca.pathLength must be a non-negative integer');
  }
  const limits = isCa ? INTERMEDIATE_VALIDITY_DAYS : SIGNER_VALIDITY_DAYS;
  const days = checkDays(options.validityDays ?? limits.default, limits.max, isCa ? 'intermediate CA' : 'signer');
  const notBefore = floorToSecond(options.notBefore ?? new Date());
  const notAfter = new Date(notBefore.getTime() + days * DAY_MS);
  if (notBefore < issuer.notBefore || notAfter > issuer.notAfter) {
    throw new XlicError(
      'USAGE',
      `the certificate (${iso(notBefore)} to ${iso(notAfter)}) would not lie within its issuer's validity (${iso(issuer.notBefore)} to ${iso(issuer.notAfter)}); shorten validityDays or renew the issuer`,
    );
  }
  const subject = nameBytes({ ...options.subject });
  const keys = await generateKeyPair(options.algorithm ?? 'ES256');
  const spki = new Uint8Array(await globalThis.crypto.subtle.exportKey('spki', keys.publicKey));
  const keyId = await computeKeyIdentifier(readPublicKeyInfo(readDer(spki)).keyBits);
  const issuerKeyId = issuer.subjectKeyIdentifier !== undefined ? fromHex(issuer.subjectKeyIdentifier) : await computeKeyIdentifier(issuer.publicKey.keyBits);
  const extensions: ExtensionInput[] = isCa
    ? [basicConstraints(true, options.ca!.pathLength), keyUsage(['keyCertSign', 'cRLSign'])]
    : [basicConstraints(false), keyUsage(['digitalSignature'])];
  if (options.purpose !== 'any') extensions.push(extendedKeyUsage([EKU_OIDS[options.purpose]]));
  extensions.push(subjectKeyIdentifier(keyId), authorityKeyIdentifier(issuerKeyId));
  const certificate = await signCertificate({
    subject,
    issuer: issuer.subjectDer,
    spki,
    signingKey: options.issuer.privateKey,
    algorithm: signingAlgorithm,
    notBefore,
    notAfter,
    extensions,
  });
  const issued = parseCertificate(certificate);
  if (!(await verifySignature(issued.signatureAlgorithm, issuer.publicKey, issued.tbs, issued.signature))) {
    throw new XlicError('USAGE', `the issuer private key does not belong to the issuer certificate ${issuer.subject.text}`);
  }
  return { certificate, ...keys };
}

/**
 * The conventional common name of a signer certificate: `<agencyId> <purpose> signer <n>`.
 *
 * @example
 * signerCommonName('BAFA', 'license-signing', 3); // "BAFA license-signing signer 3"
 */
export function signerCommonName(agencyId: string, purpose: Exclude<Purpose, 'any'>, n: number): string {
  return `${agencyId} ${purpose} signer ${n}`;
}

/** Parse an issuer certificate and check it may issue certificates at all. */
export function parseIssuer(issuer: Issuer): ParsedCertificate {
  const parsed = parseCertificate(issuer.certificate);
  if (!parsed.isCa) throw new XlicError('USAGE', `issuer ${parsed.subject.text} is not a CA certificate`);
  if (parsed.keyUsage !== undefined && !parsed.keyUsage.includes('keyCertSign')) {
    throw new XlicError('USAGE', `issuer ${parsed.subject.text} lacks keyUsage keyCertSign`);
  }
  return parsed;
}

/** The profile algorithm of an issuer's private key, or a USAGE error. */
export function algorithmOfIssuerKey(key: CryptoKey): SigningAlgorithm {
  const alg = algorithmOfKey(key);
  if (alg === undefined || key.type !== 'private') {
    throw new XlicError('USAGE', `the issuer key (${key.type} ${key.algorithm.name}) is not a private key of an xlic profile algorithm (ES256, ES384, EdDSA, PS256)`);
  }
  return alg;
}

interface SignParams {
  subject: Uint8Array;
  issuer: Uint8Array;
  spki: Uint8Array;
  signingKey: CryptoKey;
  algorithm: SigningAlgorithm;
  notBefore: Date;
  notAfter: Date;
  extensions: ExtensionInput[];
}

async function signCertificate(p: SignParams): Promise<Uint8Array> {
  try {
    // Loaded on first use: verification never needs @peculiar/x509, and it is slow to load.
    const { x509 } = await import('./x509.js');
    const cert = await x509.X509CertificateGenerator.create({
      serialNumber: randomSerial(),
      subject: new x509.Name(toArrayBuffer(p.subject)),
      issuer: new x509.Name(toArrayBuffer(p.issuer)),
      notBefore: p.notBefore,
      notAfter: p.notAfter,
      publicKey: toArrayBuffer(p.spki),
      signingKey: p.signingKey,
      signingAlgorithm: x509SigningParams(p.algorithm),
      extensions: p.extensions.map((e) => new x509.Extension(toArrayBuffer(encodeExtension(e)))),
    });
    return new Uint8Array(cert.rawData);
  } catch (e) {
    throw new XlicError('USAGE', `could not sign the certificate: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** 16 random bytes, top bit clear (positive) and second-highest set (no leading zero to strip). */
export function randomSerial(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(16));
  bytes[0] = (bytes[0]! & 0x7f) | 0x40;
  return toHex(bytes);
}

function nameBytes(input: NameInput): Uint8Array {
  try {
    return encodeName(input);
  } catch (e) {
    if (e instanceof DerError) throw new XlicError('USAGE', e.message, { cause: e });
    throw e;
  }
}

function checkDays(days: number, max: number, what: string): number {
  if (!Number.isSafeInteger(days) || days < 1 || days > max) throw new XlicError('USAGE', `${what} validity must be 1..${max} days, not ${days}`);
  return days;
}

function floorToSecond(d: Date): Date {
  if (Number.isNaN(d.getTime())) throw new XlicError('USAGE', 'notBefore is not a valid date');
  return new Date(Math.floor(d.getTime() / 1000) * 1000);
}

function iso(d: Date): string {
  return d.toISOString().replace('.000Z', 'Z');
}
