/** X.501 distinguished names as the xlic profile uses them: C, O, OU, CN. */
import { childrenOf, decodeOid, DerError, encodeOid, encodeSequence, encodeTlv, expectTag, TAG, type DerNode } from './der.js';
import { OID } from './oids.js';

/** The attributes of a name xlic reads; `text` shows the whole name, RFC 4514 style, most significant first. */
export interface DistinguishedName {
  country: string | undefined;
  organization: string | undefined;
  /** The OU; for agency certificates it holds the agency identifier (see `agencyId`). */
  organizationalUnit: string | undefined;
  /** Same as `organizationalUnit`: the xlic profile puts the agency identifier in OU. */
  agencyId: string | undefined;
  commonName: string | undefined;
  /** E.g. `C=DE, O=Federal Office, OU=BAFA, CN=BAFA Root CA 2026`. */
  text: string;
}

const SHORT: Record<string, string> = {
  [OID.country]: 'C',
  [OID.organization]: 'O',
  [OID.organizationalUnit]: 'OU',
  [OID.commonName]: 'CN',
  '2.5.4.7': 'L',
  '2.5.4.8': 'ST',
  '2.5.4.5': 'serialNumber',
  '2.5.4.97': 'organizationIdentifier',
  '1.2.840.113549.1.9.1': 'emailAddress',
};

/** Decode a Name (SEQUENCE OF RDN). Repeated C, O, OU or CN make the name ambiguous and are rejected. */
export function readName(node: DerNode): DistinguishedName {
  expectTag(node, TAG.SEQUENCE, 'Name');
  const found: Record<string, string | undefined> = {};
  const parts: string[] = [];
  for (const rdn of childrenOf(node)) {
    expectTag(rdn, TAG.SET, 'RelativeDistinguishedName');
    const atvs = childrenOf(rdn);
    if (atvs.length === 0) throw new DerError('empty RelativeDistinguishedName');
    const rdnParts: string[] = [];
    for (const atv of atvs) {
      const [type, value, extra] = childrenOf(expectTag(atv, TAG.SEQUENCE, 'AttributeTypeAndValue'));
      if (extra !== undefined) throw new DerError('AttributeTypeAndValue has extra fields');
      const oid = decodeOid(expectTag(type, TAG.OID, 'attribute type').value);
      const text = readDirectoryString(value);
      const short = SHORT[oid] ?? oid;
      if (oid === OID.country || oid === OID.organization || oid === OID.organizationalUnit || oid === OID.commonName) {
        if (found[oid] !== undefined) throw new DerError(`name has more than one ${short}`);
        found[oid] = text;
      }
      rdnParts.push(`${short}=${escapeRdnValue(text)}`);
    }
    parts.push(rdnParts.join('+'));
  }
  const ou = found[OID.organizationalUnit];
  return {
    country: found[OID.country],
    organization: found[OID.organization],
    organizationalUnit: ou,
    agencyId: ou,
    commonName: found[OID.commonName],
    text: parts.join(', '),
  };
}

function readDirectoryString(node: DerNode | undefined): string {
  if (node === undefined) throw new DerError('missing attribute value');
  switch (node.tag) {
    case TAG.UTF8_STRING:
      return new TextDecoder('utf-8', { fatal: true }).decode(node.value);
    case TAG.PRINTABLE_STRING:
    case TAG.IA5_STRING:
    case TAG.T61_STRING: {
      // T61 is read as Latin-1, as most toolkits do; ASCII-only in practice
      let s = '';
      for (const b of node.value) s += String.fromCharCode(b);
      return s;
    }
    case TAG.BMP_STRING: {
      if (node.value.length % 2) throw new DerError('odd-length BMPString');
      let s = '';
      for (let i = 0; i < node.value.length; i += 2) s += String.fromCharCode((node.value[i]! << 8) | node.value[i + 1]!);
      return s;
    }
    default:
      throw new DerError(`unsupported attribute string type 0x${node.tag.toString(16)}`);
  }
}

function escapeRdnValue(v: string): string {
  return v.replace(/[,+"\\<>;=]/g, (c) => `\\${c}`).replace(/^[ #]|\s$/g, (c) => `\\${c}`);
}

/** Attributes of a name to encode; C becomes PrintableString, the others UTF8String (RFC 5280 4.1.2.4). */
export interface NameInput {
  country: string;
  organization: string;
  organizationalUnit?: string | undefined;
  commonName: string;
}

/** Encode a Name in the xlic order C, O, OU, CN, one attribute per RDN. */
export function encodeName(input: NameInput): Uint8Array {
  if (!/^[A-Z]{2}$/.test(input.country)) throw new DerError(`country must be two capital letters (ISO 3166-1 alpha-2): ${JSON.stringify(input.country)}`);
  const rdn = (oid: string, tag: number, value: string): Uint8Array => {
    if (value.length === 0 || value.length > 64) throw new DerError(`name attribute must be 1..64 characters: ${JSON.stringify(value)}`);
    return encodeTlv(TAG.SET, encodeSequence(encodeOid(oid), encodeTlv(tag, new TextEncoder().encode(value))));
  };
  const rdns = [rdn(OID.country, TAG.PRINTABLE_STRING, input.country), rdn(OID.organization, TAG.UTF8_STRING, input.organization)];
  if (input.organizationalUnit !== undefined) rdns.push(rdn(OID.organizationalUnit, TAG.UTF8_STRING, input.organizationalUnit));
  rdns.push(rdn(OID.commonName, TAG.UTF8_STRING, input.commonName));
  return encodeSequence(...rdns);
}
