/** Certificate revocation lists: issuing them (v2, signed with the CA key) and parsing them strictly. */
import { XlicError } from '@xlic/core';
import { normalizeSerial, readExtensions, type CertificateExtension } from './certificate.js';
import {
  checkIntegerEncoding,
  childrenOf,
  concatBytes,
  encodeSequence,
  encodeTlv,
  encodeUnsigned,
  DerError,
  expectTag,
  fromHex,
  readBitStringBytes,
  readDer,
  readTime,
  readUnsigned,
  TAG,
  toHex,
  bytesEqual,
  type DerNode,
} from './der.js';
import { authorityKeyIdentifier, computeKeyIdentifier, crlNumber as crlNumberExtension, encodeExtension } from './extensions-encode.js';
import { algorithmOfIssuerKey, parseIssuer, type Issuer } from './issue.js';
import { readName, type DistinguishedName } from './names.js';
import { KNOWN_CRL_ENTRY_EXTENSIONS, KNOWN_CRL_EXTENSIONS, OID } from './oids.js';
import { readSignatureScheme, type SignatureScheme } from './signature.js';
import { encodeTime, signatureAlgorithmIdentifier, signTbs } from './signature-encode.js';

/** Reasons xlic issues (RFC 5280 5.3.1); `unspecified` is written by omitting the reason code. */
export type RevocationReason = 'unspecified' | 'keyCompromise' | 'affiliationChanged' | 'superseded' | 'cessationOfOperation';

/** Every RFC 5280 reason code by number, for reading CRLs from elsewhere. */
const REASONS: Record<number, string> = {
  0: 'unspecified',
  1: 'keyCompromise',
  2: 'cACompromise',
  3: 'affiliationChanged',
  4: 'superseded',
  5: 'cessationOfOperation',
  6: 'certificateHold',
  8: 'removeFromCRL',
  9: 'privilegeWithdrawn',
  10: 'aACompromise',
};
const REASON_CODES: Record<RevocationReason, number> = {
  unspecified: 0,
  keyCompromise: 1,
  affiliationChanged: 3,
  superseded: 4,
  cessationOfOperation: 5,
};

/** Largest CRL accepted. */
export const MAX_CRL_BYTES = 4 * 1024 * 1024;

/** Options of {@link issueCrl}. */
export interface IssueCrlOptions {
  issuer: Issuer;
  revoked: Array<{ serialNumber: string; revokedAt: Date; reason?: RevocationReason }>;
  thisUpdate: Date;
  nextUpdate: Date;
  /** Monotonically increasing CRL number (cRLNumber extension). */
  crlNumber: number;
}

/**
 * Issue a v2 CRL signed by `issuer` (which needs keyUsage cRLSign), with cRLNumber and
 * authorityKeyIdentifier extensions and a reason code per entry (omitted for `unspecified`).
 *
 * @example
 * const crl = await issueCrl({ issuer: root, revoked: [{ serialNumber: signer.serialNumber, revokedAt: new Date(), reason: 'keyCompromise' }],
 *   thisUpdate: new Date(), nextUpdate: new Date(Date.now() + 7 * 86_400_000), crlNumber: 12 });
 */
export async function issueCrl(options: IssueCrlOptions): Promise<Uint8Array> {
  const issuer = parseIssuer(options.issuer);
  if (issuer.keyUsage !== undefined && !issuer.keyUsage.includes('cRLSign')) {
    throw new XlicError('USAGE', `issuer ${issuer.subject.text} lacks keyUsage cRLSign`);
  }
  const alg = algorithmOfIssuerKey(options.issuer.privateKey);
  if (!(options.nextUpdate > options.thisUpdate)) throw new XlicError('USAGE', 'nextUpdate must be after thisUpdate');
  if (!Number.isSafeInteger(options.crlNumber) || options.crlNumber < 0) throw new XlicError('USAGE', 'crlNumber must be a non-negative integer');
  const seen = new Set<string>();
  const entries = options.revoked.map((r) => {
    if (!/^[0-9a-fA-F]+$/.test(r.serialNumber)) throw new XlicError('USAGE', `serial number is not hex: ${JSON.stringify(r.serialNumber)}`);
    const serial = normalizeSerial(r.serialNumber.length % 2 ? `0${r.serialNumber}` : r.serialNumber);
    if (seen.has(serial)) throw new XlicError('USAGE', `serial number ${serial} is listed twice`);
    seen.add(serial);
    const reason = REASON_CODES[r.reason ?? 'unspecified'];
    if (reason === undefined) throw new XlicError('USAGE', `unknown revocation reason ${JSON.stringify(r.reason)}`);
    return { serialNumber: serial, revocationDate: r.revokedAt, ...(reason === 0 ? {} : { reason }) };
  });
  const keyId = issuer.subjectKeyIdentifier !== undefined ? fromHex(issuer.subjectKeyIdentifier) : await computeKeyIdentifier(issuer.publicKey.keyBits);
  // Encoded here rather than with @peculiar/x509, which writes an empty (invalid) crlEntryExtensions for entries without a reason.
  const sigAlg = signatureAlgorithmIdentifier(alg);
  const revoked = entries.map((e) =>
    encodeSequence(
      encodeTlv(TAG.INTEGER, positiveInteger(fromHex(e.serialNumber))),
      encodeTime(e.revocationDate),
      ...(e.reason === undefined ? [] : [encodeSequence(encodeExtension({ oid: OID.reasonCode, critical: false, value: encodeTlv(TAG.ENUMERATED, Uint8Array.of(e.reason)) }))]),
    ),
  );
  const tbs = encodeSequence(
    encodeUnsigned(1), // v2
    sigAlg,
    issuer.subjectDer,
    encodeTime(options.thisUpdate),
    encodeTime(options.nextUpdate),
    ...(revoked.length > 0 ? [encodeSequence(...revoked)] : []),
    encodeTlv(0xa0, encodeSequence(encodeExtension(authorityKeyIdentifier(keyId)), encodeExtension(crlNumberExtension(options.crlNumber)))),
  );
  try {
    const signature = await signTbs(alg, options.issuer.privateKey, tbs);
    return encodeSequence(tbs, sigAlg, encodeTlv(TAG.BIT_STRING, concatBytes(Uint8Array.of(0), signature)));
  } catch (e) {
    throw new XlicError('USAGE', `could not sign the CRL: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function positiveInteger(bytes: Uint8Array): Uint8Array {
  return bytes[0]! & 0x80 ? concatBytes(Uint8Array.of(0), bytes) : bytes;
}

/** One revoked certificate in a CRL. */
export interface CrlEntry {
  /** Lowercase hex without leading zero bytes (compare with `ParsedCertificate.serialNumber`). */
  serialNumber: string;
  revokedAt: Date;
  /** RFC 5280 reason name; `unspecified` when the entry has no reason code. */
  reason: string;
  invalidityDate: Date | undefined;
}

/** A parsed CRL. Its signature is not checked here (path validation does that with the issuer key). */
export interface ParsedCrl {
  der: Uint8Array;
  tbs: Uint8Array;
  signature: Uint8Array;
  signatureAlgorithm: SignatureScheme;
  issuer: DistinguishedName;
  issuerDer: Uint8Array;
  thisUpdate: Date;
  nextUpdate: Date | undefined;
  /** cRLNumber as a decimal string (it may exceed 2^53). */
  crlNumber: string | undefined;
  authorityKeyIdentifier: string | undefined;
  entries: CrlEntry[];
  extensions: CertificateExtension[];
  /** Critical CRL or entry extensions xlic does not understand (delta CRLs, partitioned CRLs, indirect entries…). */
  unknownCriticalExtensions: string[];
}

/**
 * Parse a DER CRL; throws `CRL_INVALID` for anything malformed.
 *
 * @example
 * const crl = parseCrl(der); console.log(crl.issuer.text, crl.entries.length);
 */
export function parseCrl(der: Uint8Array): ParsedCrl {
  if (!(der instanceof Uint8Array)) throw new XlicError('CRL_INVALID', 'CRL must be DER bytes (Uint8Array)');
  if (der.length > MAX_CRL_BYTES) throw new XlicError('CRL_INVALID', `CRL is ${der.length} bytes, more than the ${MAX_CRL_BYTES} accepted`);
  try {
    return readCrl(der.slice());
  } catch (e) {
    if (e instanceof XlicError) throw e;
    throw new XlicError('CRL_INVALID', `CRL is malformed: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

function readCrl(der: Uint8Array): ParsedCrl {
  const [tbsNode, sigAlgNode, sigNode, extra] = childrenOf(readDer(der, TAG.SEQUENCE));
  if (extra !== undefined) throw new DerError('CertificateList has extra fields');
  const fields = childrenOf(expectTag(tbsNode, TAG.SEQUENCE, 'TBSCertList'));
  const signatureAlgorithm = readSignatureScheme(expectTag(sigAlgNode, TAG.SEQUENCE, 'signatureAlgorithm'));
  const signature = readBitStringBytes(sigNode, 'signatureValue');
  let i = 0;
  if (fields[0]?.tag === TAG.INTEGER) {
    if (readUnsigned(fields[0], 'version') !== 1) throw new DerError('unsupported CRL version');
    i = 1;
  }
  const inner = expectTag(fields[i++], TAG.SEQUENCE, 'TBSCertList signature');
  if (!bytesEqual(inner.bytes, sigAlgNode!.bytes)) throw new DerError('signature algorithm inside and outside the signed part differ');
  const issuerNode = expectTag(fields[i++], TAG.SEQUENCE, 'issuer');
  const thisUpdate = readTime(fields[i++], 'thisUpdate');
  let nextUpdate: Date | undefined;
  if (fields[i]?.tag === TAG.UTC_TIME || fields[i]?.tag === TAG.GENERALIZED_TIME) nextUpdate = readTime(fields[i++], 'nextUpdate');
  const unknownCritical: string[] = [];
  const entries: CrlEntry[] = [];
  if (fields[i]?.tag === TAG.SEQUENCE) {
    for (const entry of childrenOf(fields[i++]!)) entries.push(readEntry(entry, unknownCritical));
  }
  let extensions: CertificateExtension[] = [];
  if (fields[i]?.tag === 0xa0) {
    const [seq, more] = childrenOf(fields[i++]!);
    if (more !== undefined) throw new DerError('crlExtensions has extra values');
    extensions = readExtensions(seq);
  }
  if (i !== fields.length) throw new DerError('unexpected fields at the end of TBSCertList');
  let crlNumber: string | undefined;
  let aki: string | undefined;
  for (const ext of extensions) {
    if (ext.critical && !KNOWN_CRL_EXTENSIONS.has(ext.oid)) unknownCritical.push(ext.oid);
    if (ext.oid === OID.cRLNumber) {
      const n = readDer(ext.value, TAG.INTEGER).value;
      checkIntegerEncoding(n, 'cRLNumber');
      crlNumber = BigInt(`0x${toHex(n)}`).toString();
    }
    if (ext.oid === OID.authorityKeyIdentifier) {
      const keyId = childrenOf(readDer(ext.value, TAG.SEQUENCE)).find((n) => n.tag === 0x80);
      if (keyId !== undefined) aki = toHex(keyId.value);
    }
  }
  return {
    der,
    tbs: tbsNode!.bytes,
    signature,
    signatureAlgorithm,
    issuer: readName(issuerNode),
    issuerDer: issuerNode.bytes,
    thisUpdate,
    nextUpdate,
    crlNumber,
    authorityKeyIdentifier: aki,
    entries,
    extensions,
    unknownCriticalExtensions: unknownCritical,
  };
}

function readEntry(node: DerNode, unknownCritical: string[]): CrlEntry {
  const [serialNode, dateNode, extsNode, extra] = childrenOf(expectTag(node, TAG.SEQUENCE, 'revoked certificate'));
  if (extra !== undefined) throw new DerError('revoked certificate entry has extra fields');
  const serial = expectTag(serialNode, TAG.INTEGER, 'userCertificate').value;
  checkIntegerEncoding(serial, 'userCertificate');
  let reason = 'unspecified';
  let invalidityDate: Date | undefined;
  if (extsNode !== undefined) {
    for (const ext of readExtensions(extsNode)) {
      if (ext.critical && !KNOWN_CRL_ENTRY_EXTENSIONS.has(ext.oid)) unknownCritical.push(ext.oid);
      if (ext.oid === OID.reasonCode) {
        const code = readUnsigned({ ...readDer(ext.value, TAG.ENUMERATED), tag: TAG.INTEGER }, 'reasonCode');
        reason = REASONS[code] ?? `reason ${code}`;
      }
      if (ext.oid === OID.invalidityDate) invalidityDate = readTime(readDer(ext.value, TAG.GENERALIZED_TIME), 'invalidityDate');
    }
  }
  return { serialNumber: normalizeSerial(toHex(serial)), revokedAt: readTime(dateNode, 'revocationDate'), reason, invalidityDate };
}
