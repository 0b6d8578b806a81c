/** DER encodings of the extensions the xlic profile issues (built here so criticality and bytes are exact). */
import { concatBytes, encodeOid, encodeSequence, encodeTlv, encodeUnsigned, TAG } from './der.js';
import type { KeyUsage } from './certificate.js';
import { OID } from './oids.js';

/** An extension to put in a certificate or CRL. */
export interface ExtensionInput {
  oid: string;
  critical: boolean;
  value: Uint8Array;
}

/** Full Extension DER (SEQUENCE { extnID, critical?, extnValue }). */
export function encodeExtension(ext: ExtensionInput): Uint8Array {
  const parts = [encodeOid(ext.oid)];
  if (ext.critical) parts.push(encodeTlv(TAG.BOOLEAN, Uint8Array.of(0xff)));
  parts.push(encodeTlv(TAG.OCTET_STRING, ext.value));
  return encodeSequence(...parts);
}

/** basicConstraints; cA FALSE is encoded by omission, as DER requires. */
export function basicConstraints(ca: boolean, pathLength?: number): ExtensionInput {
  const fields: Uint8Array[] = [];
  if (ca) fields.push(encodeTlv(TAG.BOOLEAN, Uint8Array.of(0xff)));
  if (ca && pathLength !== undefined) fields.push(encodeUnsigned(pathLength));
  return { oid: OID.basicConstraints, critical: true, value: encodeSequence(...fields) };
}

const BIT: Record<KeyUsage, number> = {
  digitalSignature: 0,
  nonRepudiation: 1,
  keyEncipherment: 2,
  dataEncipherment: 3,
  keyAgreement: 4,
  keyCertSign: 5,
  cRLSign: 6,
  encipherOnly: 7,
  decipherOnly: 8,
};

/** keyUsage (critical), as a named BIT STRING with trailing zero bits removed (DER). */
export function keyUsage(usages: KeyUsage[]): ExtensionInput {
  const bits = usages.map((u) => BIT[u]);
  const highest = Math.max(...bits);
  const bytes = new Uint8Array((highest >> 3) + 1);
  for (const b of bits) bytes[b >> 3]! |= 0x80 >> (b & 7);
  const unused = 7 - (highest & 7);
  return { oid: OID.keyUsage, critical: true, value: encodeTlv(TAG.BIT_STRING, concatBytes(Uint8Array.of(unused), bytes)) };
}

/** extendedKeyUsage, critical: the key may be used for the listed xlic purposes only (RFC 5280 4.2.1.12). */
export function extendedKeyUsage(oids: string[]): ExtensionInput {
  return { oid: OID.extendedKeyUsage, critical: true, value: encodeSequence(...oids.map(encodeOid)) };
}

/** subjectKeyIdentifier (never critical). */
export function subjectKeyIdentifier(keyId: Uint8Array): ExtensionInput {
  return { oid: OID.subjectKeyIdentifier, critical: false, value: encodeTlv(TAG.OCTET_STRING, keyId) };
}

/** authorityKeyIdentifier with the keyIdentifier field only (never critical). */
export function authorityKeyIdentifier(keyId: Uint8Array): ExtensionInput {
  return { oid: OID.authorityKeyIdentifier, critical: false, value: encodeSequence(encodeTlv(0x80, keyId)) };
}

/** cRLNumber (non-critical). */
export function crlNumber(n: number): ExtensionInput {
  return { oid: OID.cRLNumber, critical: false, value: encodeUnsigned(n) };
}

/** RFC 7093 method 1 key identifier: the leftmost 160 bits of SHA-256 of the subjectPublicKey bits. */
export async function computeKeyIdentifier(keyBits: Uint8Array): Promise<Uint8Array> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', keyBits.slice().buffer as ArrayBuffer);
  return new Uint8Array(digest).subarray(0, 20);
}
