/** Trust anchors: agency roots vouched for by trust lists (or by a PEM file the operator chose). */
import { XlicError, type Agency, type TrustList } from '@xlic/core';
import { parseCertificate, thumbprint, type ParsedCertificate } from './certificate.js';
import { decodeBase64, fromPem } from './pem.js';

/** A trust-list role (schemas/trust-list.schema.json). */
export type TrustRole = TrustList['entries'][number]['roles'][number];

/** Every trust-list role. */
export const TRUST_ROLES: readonly TrustRole[] = [
  'license-issuer',
  'declaration-certifier',
  'end-user-certifier',
  'customs',
  'status-publisher',
  'trust-list-publisher',
  'rules-publisher',
  'screening-list-publisher',
  'denial-publisher',
];

/** A root certificate trusted for some roles during a window, and who vouched for it. */
export interface TrustAnchor {
  /** DER. */
  certificate: Uint8Array;
  parsed: ParsedCertificate;
  /** SHA-256 thumbprint, lowercase hex. */
  sha256: string;
  /** The agency the root speaks for (from the trust-list entry, or from the PEM root's subject). */
  agency: Agency;
  roles: TrustRole[];
  /** The trust window (trust-list entry validFrom/validUntil); must contain `now` for the anchor to count. */
  validFrom: Date;
  validUntil: Date;
  /** Who vouched: `<trust-list id>#<sequence>`, or the PEM file's name. */
  source: string;
}

/** A set of trust anchors. */
export interface TrustIndex {
  /** All anchors, in the order their lists named them. */
  anchors(): TrustAnchor[];
  /** Anchors trusted for `role`. */
  anchorsForRole(role: TrustRole): TrustAnchor[];
}

class AnchorList implements TrustIndex {
  constructor(private readonly list: readonly TrustAnchor[]) {}
  anchors(): TrustAnchor[] {
    return [...this.list];
  }
  anchorsForRole(role: TrustRole): TrustAnchor[] {
    return this.list.filter((a) => a.roles.includes(role));
  }
}

/**
 * Build the trust anchors from verified trust lists. Each listed certificate must parse, be a CA,
 * match its listed SHA-256 thumbprint (TRUST_THUMBPRINT_MISMATCH) and name the entry's country in
 * its subject C (TRUST_COUNTRY_MISMATCH). Verifying the lists' own signatures is the caller's job.
 *
 * @example
 * const index = await buildTrustIndex([{ list: deTrustList, source: 'urn:xlic:tl:de#42' }]);
 * const result = await validatePath({ chain, anchors: index.anchors(), purpose: 'license-signing', signingTime, now });
 */
export async function buildTrustIndex(entries: Array<{ list: TrustList; source?: string }>): Promise<TrustIndex> {
  const anchors: TrustAnchor[] = [];
  for (const { list, source } of entries) {
    const from = source ?? `${list.id}#${list.sequence}`;
    for (const [e, entry] of list.entries.entries()) {
      for (const [c, cert] of entry.certificates.entries()) {
        const where = `${from} entries[${e}].certificates[${c}] (${entry.agency.country} ${entry.agency.agencyId})`;
        let der: Uint8Array;
        let parsed: ParsedCertificate;
        try {
          der = decodeBase64(cert.x5c, where);
          parsed = parseCertificate(der);
        } catch (err) {
          throw new XlicError('TRUST_ROOT_INVALID', `${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
        }
        const sha256 = await thumbprint(der);
        if (sha256 !== cert.sha256.toLowerCase()) {
          throw new XlicError('TRUST_THUMBPRINT_MISMATCH', `${where}: the certificate's SHA-256 is ${sha256}, the list says ${cert.sha256}`);
        }
        if (parsed.subject.country !== entry.agency.country) {
          throw new XlicError('TRUST_COUNTRY_MISMATCH', `${where}: the certificate subject ${parsed.subject.text} is not in ${entry.agency.country}`);
        }
        checkRoot(parsed, where);
        anchors.push({
          certificate: der,
          parsed,
          sha256,
          agency: { ...entry.agency },
          roles: [...entry.roles],
          validFrom: new Date(entry.validFrom),
          validUntil: new Date(entry.validUntil),
          source: from,
        });
      }
    }
  }
  return new AnchorList(anchors);
}

/**
 * Trust every certificate in a PEM file as a root for `license-issuer` in the country of its subject C,
 * for the agency named by its O (name) and OU (agencyId), during the certificate's own validity.
 * For operators who configure roots by hand instead of through a trust list.
 *
 * @example
 * const index = await trustIndexFromPemRoots(await readFile('roots.pem', 'utf8'), 'roots.pem');
 */
export async function trustIndexFromPemRoots(pemText: string, source: string): Promise<TrustIndex> {
  const anchors: TrustAnchor[] = [];
  for (const [i, block] of fromPem(pemText).entries()) {
    const where = `${source} block ${i + 1}`;
    if (block.label !== 'CERTIFICATE') throw new XlicError('TRUST_ROOT_INVALID', `${where} is ${block.label}, not CERTIFICATE`);
    let parsed: ParsedCertificate;
    try {
      parsed = parseCertificate(block.der);
    } catch (err) {
      throw new XlicError('TRUST_ROOT_INVALID', `${where}: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    }
    const { country, organization, agencyId } = parsed.subject;
    if (country === undefined || organization === undefined || agencyId === undefined || !/^[A-Z0-9][A-Z0-9-]{1,31}$/.test(agencyId)) {
      throw new XlicError('TRUST_ROOT_INVALID', `${where}: subject ${parsed.subject.text} needs C, O (agency name) and OU (agency id, e.g. BAFA)`);
    }
    checkRoot(parsed, where);
    anchors.push({
      certificate: block.der,
      parsed,
      sha256: await thumbprint(block.der),
      agency: { country: country as Agency['country'], agencyId, name: organization },
      roles: ['license-issuer'],
      validFrom: parsed.notBefore,
      validUntil: parsed.notAfter,
      source,
    });
  }
  return new AnchorList(anchors);
}

/** A trust index over given anchors (tests, or callers that assemble anchors themselves). */
export function trustIndexOf(anchors: TrustAnchor[]): TrustIndex {
  return new AnchorList([...anchors]);
}

function checkRoot(parsed: ParsedCertificate, where: string): void {
  if (!parsed.isCa) throw new XlicError('TRUST_ROOT_INVALID', `${where}: ${parsed.subject.text} is not a CA certificate (basicConstraints cA)`);
}
