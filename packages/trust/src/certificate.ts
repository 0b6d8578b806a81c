/** Parsing X.509 v3 certificates into the facts path validation and callers need. */
import { XlicError } from '@xlic/core';
import {
  bytesEqual,
  checkIntegerEncoding,
  childrenOf,
  decodeOid,
  DerError,
  expectTag,
  readBitStringBytes,
  readDer,
  readTime,
  readUnsigned,
  TAG,
  toArrayBuffer,
  toHex,
  type DerNode,
} from './der.js';
import { readName, type DistinguishedName } from './names.js';
import { KNOWN_CERTIFICATE_EXTENSIONS, OID, purposeOfOid, type Purpose } from './oids.js';
import { readPublicKeyInfo, type PublicKeyInfo } from './public-key.js';
import { readSignatureScheme, type SignatureScheme } from './signature.js';

/** Largest certificate accepted (an x5c entry in a trust list is at most 12 KiB). */
export const MAX_CERTIFICATE_BYTES = 65_536;

/** Key usage bits (RFC 5280 4.2.1.3), by name. */
export type KeyUsage =
  | 'digitalSignature'
  | 'nonRepudiation'
  | 'keyEncipherment'
  | 'dataEncipherment'
  | 'keyAgreement'
  | 'keyCertSign'
  | 'cRLSign'
  | 'encipherOnly'
  | 'decipherOnly';

const KEY_USAGE_BITS: readonly KeyUsage[] = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
];

/** One extension as found. */
export interface CertificateExtension {
  oid: string;
  critical: boolean;
  /** The extnValue contents (DER of the extension's own structure). */
  value: Uint8Array;
}

/** A parsed certificate. Plain data: parsing is pure, so results can be cached by DER. */
export interface ParsedCertificate {
  der: Uint8Array;
  /** The signed part (TBSCertificate), exactly as encoded. */
  tbs: Uint8Array;
  signature: Uint8Array;
  signatureAlgorithm: SignatureScheme;
  /** 1 or 3 (v2 certificates are rejected). */
  version: number;
  /** Serial number as lowercase hex without leading zero bytes. */
  serialNumber: string;
  issuer: DistinguishedName;
  subject: DistinguishedName;
  /** DER of the issuer and subject names: name chaining compares these bytes. */
  issuerDer: Uint8Array;
  subjectDer: Uint8Array;
  /** Subject and issuer names are the same bytes (a root, or a self-issued CA). */
  selfIssued: boolean;
  notBefore: Date;
  notAfter: Date;
  /** basicConstraints cA (false when the extension is absent). */
  isCa: boolean;
  /** basicConstraints pathLenConstraint, when present. */
  pathLength: number | undefined;
  /** Key usage bits set; undefined when the extension is absent. */
  keyUsage: KeyUsage[] | undefined;
  /** Extended key usage OIDs (read with arbitrary-size arcs); undefined when the extension is absent. */
  ekus: string[] | undefined;
  /** The xlic purposes among `ekus`. */
  purposes: Exclude<Purpose, 'any'>[];
  /** Subject key identifier, lowercase hex. */
  subjectKeyIdentifier: string | undefined;
  /** Authority key identifier (keyIdentifier field), lowercase hex. */
  authorityKeyIdentifier: string | undefined;
  extensions: CertificateExtension[];
  /** OIDs of critical extensions xlic does not process; path validation rejects such certificates. */
  unknownCriticalExtensions: string[];
  publicKey: PublicKeyInfo;
}

/**
 * Parse a DER certificate. Throws `CERT_PARSE` (an XlicError) for anything that is not a
 * well-formed X.509 v1/v3 certificate; never a raw ASN.1 error.
 *
 * @example
 * const cert = parseCertificate(der);
 * console.log(cert.subject.text, cert.serialNumber, cert.ekus);
 */
export function parseCertificate(der: Uint8Array): ParsedCertificate {
  if (!(der instanceof Uint8Array)) throw new XlicError('CERT_PARSE', 'certificate must be DER bytes (Uint8Array)');
  if (der.length > MAX_CERTIFICATE_BYTES) throw new XlicError('CERT_PARSE', `certificate is ${der.length} bytes, more than the ${MAX_CERTIFICATE_BYTES} accepted`);
  try {
    return readCertificate(der.slice());
  } catch (e) {
    if (e instanceof DerError) throw new XlicError('CERT_PARSE', `certificate is malformed: ${e.message}`, { cause: e });
    if (e instanceof XlicError) throw e;
    throw new XlicError('CERT_PARSE', `certificate is malformed: ${String(e)}`, { cause: e });
  }
}

/**
 * SHA-256 thumbprint of a DER certificate, lowercase hex (as in trust lists).
 *
 * @example
 * const sha256 = await thumbprint(der); // "3f1c…"
 */
export async function thumbprint(der: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', toArrayBuffer(der))));
}

function readCertificate(der: Uint8Array): ParsedCertificate {
  const [tbsNode, sigAlgNode, sigNode, extra] = childrenOf(readDer(der, TAG.SEQUENCE));
  if (extra !== undefined) throw new DerError('Certificate has extra fields');
  const tbsFields = childrenOf(expectTag(tbsNode, TAG.SEQUENCE, 'TBSCertificate'));
  const signatureAlgorithm = readSignatureScheme(expectTag(sigAlgNode, TAG.SEQUENCE, 'signatureAlgorithm'));
  const signature = readBitStringBytes(sigNode, 'signatureValue');

  let i = 0;
  let version = 1;
  if (tbsFields[0]?.tag === 0xa0) {
    const [v, more] = childrenOf(tbsFields[0]);
    if (more !== undefined) throw new DerError('version has extra fields');
    const n = readUnsigned(v, 'version');
    if (n !== 2) throw new DerError(`unsupported certificate version ${n + 1}`);
    version = 3;
    i = 1;
  }
  const serialNode = expectTag(tbsFields[i++], TAG.INTEGER, 'serialNumber');
  checkIntegerEncoding(serialNode.value, 'serialNumber');
  if (serialNode.value.length > 21) throw new DerError('serialNumber longer than 20 octets');
  const innerSigAlg = expectTag(tbsFields[i++], TAG.SEQUENCE, 'TBSCertificate signature');
  if (!bytesEqual(innerSigAlg.bytes, sigAlgNode!.bytes)) throw new DerError('signature algorithm inside and outside the signed part differ');
  const issuerNode = expectTag(tbsFields[i++], TAG.SEQUENCE, 'issuer');
  const [nb, na, validityExtra] = childrenOf(expectTag(tbsFields[i++], TAG.SEQUENCE, 'validity'));
  if (validityExtra !== undefined) throw new DerError('validity has extra fields');
  const subjectNode = expectTag(tbsFields[i++], TAG.SEQUENCE, 'subject');
  const publicKey = readPublicKeyInfo(expectTag(tbsFields[i++], TAG.SEQUENCE, 'subjectPublicKeyInfo'));
  // issuerUniqueID [1] and subjectUniqueID [2] are allowed and ignored
  while (tbsFields[i]?.tag === 0x81 || tbsFields[i]?.tag === 0xa1 || tbsFields[i]?.tag === 0x82 || tbsFields[i]?.tag === 0xa2) i++;
  let extensions: CertificateExtension[] = [];
  if (tbsFields[i]?.tag === 0xa3) {
    if (version !== 3) throw new DerError('extensions in a version 1 certificate');
    const [seq, more] = childrenOf(tbsFields[i]!);
    if (more !== undefined) throw new DerError('extensions field has extra values');
    extensions = readExtensions(seq);
    i++;
  }
  if (i !== tbsFields.length) throw new DerError('unexpected fields at the end of TBSCertificate');

  const issuer = readName(issuerNode);
  const subject = readName(subjectNode);
  const parsed: ParsedCertificate = {
    der,
    tbs: tbsNode!.bytes,
    signature,
    signatureAlgorithm,
    version,
    serialNumber: normalizeSerial(toHex(serialNode.value)),
    issuer,
    subject,
    issuerDer: issuerNode.bytes,
    subjectDer: subjectNode.bytes,
    selfIssued: bytesEqual(issuerNode.bytes, subjectNode.bytes),
    notBefore: readTime(nb, 'notBefore'),
    notAfter: readTime(na, 'notAfter'),
    isCa: false,
    pathLength: undefined,
    keyUsage: undefined,
    ekus: undefined,
    purposes: [],
    subjectKeyIdentifier: undefined,
    authorityKeyIdentifier: undefined,
    extensions,
    unknownCriticalExtensions: extensions.filter((e) => e.critical && !KNOWN_CERTIFICATE_EXTENSIONS.has(e.oid)).map((e) => e.oid),
    publicKey,
  };
  for (const ext of extensions) applyExtension(parsed, ext);
  return parsed;
}

/** Read an Extensions SEQUENCE (shared with CRLs). Duplicate extensions are rejected (RFC 5280 4.2). */
export function readExtensions(node: DerNode | undefined): CertificateExtension[] {
  const out: CertificateExtension[] = [];
  for (const ext of childrenOf(expectTag(node, TAG.SEQUENCE, 'Extensions'))) {
    const fields = childrenOf(expectTag(ext, TAG.SEQUENCE, 'Extension'));
    const oid = decodeOid(expectTag(fields[0], TAG.OID, 'extnID').value);
    let critical = false;
    let j = 1;
    if (fields[1]?.tag === TAG.BOOLEAN) {
      critical = readBoolean(fields[1]);
      j = 2;
    }
    const value = expectTag(fields[j], TAG.OCTET_STRING, 'extnValue').value;
    if (fields.length !== j + 1) throw new DerError(`extension ${oid} has extra fields`);
    if (out.some((e) => e.oid === oid)) throw new DerError(`extension ${oid} appears twice`);
    out.push({ oid, critical, value });
  }
  if (out.length === 0) throw new DerError('empty Extensions');
  return out;
}

function readBoolean(node: DerNode): boolean {
  if (node.value.length !== 1 || (node.value[0] !== 0 && node.value[0] !== 0xff)) throw new DerError('BOOLEAN is not DER');
  return node.value[0] === 0xff;
}

function applyExtension(cert: ParsedCertificate, ext: CertificateExtension): void {
  switch (ext.oid) {
    case OID.basicConstraints: {
      const fields = childrenOf(readDer(ext.value, TAG.SEQUENCE));
      let j = 0;
      if (fields[j]?.tag === TAG.BOOLEAN) cert.isCa = readBoolean(fields[j++]!);
      if (fields[j] !== undefined) cert.pathLength = readUnsigned(fields[j++], 'pathLenConstraint');
      if (j !== fields.length) throw new DerError('basicConstraints has extra fields');
      return;
    }
    case OID.keyUsage: {
      const node = readDer(ext.value, TAG.BIT_STRING);
      const unused = node.value[0];
      if (unused === undefined || unused > 7 || (node.value.length === 1 && unused !== 0)) throw new DerError('keyUsage BIT STRING is malformed');
      const usages: KeyUsage[] = [];
      KEY_USAGE_BITS.forEach((name, bit) => {
        const byte = node.value[1 + (bit >> 3)];
        if (byte !== undefined && (byte & (0x80 >> (bit & 7))) !== 0) usages.push(name);
      });
      cert.keyUsage = usages;
      return;
    }
    case OID.extendedKeyUsage: {
      const oids = childrenOf(readDer(ext.value, TAG.SEQUENCE)).map((n) => decodeOid(expectTag(n, TAG.OID, 'KeyPurposeId').value));
      if (oids.length === 0) throw new DerError('extendedKeyUsage is empty');
      cert.ekus = oids;
      cert.purposes = oids.map(purposeOfOid).filter((p) => p !== undefined);
      return;
    }
    case OID.subjectKeyIdentifier:
      cert.subjectKeyIdentifier = toHex(readDer(ext.value, TAG.OCTET_STRING).value);
      return;
    case OID.authorityKeyIdentifier: {
      const keyId = childrenOf(readDer(ext.value, TAG.SEQUENCE)).find((n) => n.tag === 0x80);
      if (keyId !== undefined) cert.authorityKeyIdentifier = toHex(keyId.value);
      return;
    }
  }
}

/** Serial hex without leading zero bytes, lowercase (how CRL entries and certificates are compared). */
export function normalizeSerial(hex: string): string {
  const lower = hex.toLowerCase();
  const stripped = lower.replace(/^(00)+/, '');
  return stripped === '' ? '00' : stripped;
}
