import type { Bundle, DocumentKind, DocumentTypes, EndUseDeclaration, License, StatusList, TrustList } from '@xlic/core';

const day = (iso: string): string => iso.slice(0, 10);

/** One line saying what a valid document is, for a busy reader. */
export function summarize(kind: DocumentKind, doc: DocumentTypes[DocumentKind]): string {
  switch (kind) {
    case 'license': {
      const l = doc as License;
      const users = l.endUsers.map((u) => u.legalNameLatin ?? u.legalName).join('; ');
      return `license ${l.id} · ${l.licenseType} · ${l.issuer.agencyId} (${l.issuer.country}) → ${l.destinations.join(', ')} · ${l.items.length} item${l.items.length === 1 ? '' : 's'} · end user ${users} · valid ${day(l.validity.validFrom)} to ${day(l.validity.validUntil)}`;
    }
    case 'end-use-declaration': {
      const d = doc as EndUseDeclaration;
      return `end-use declaration ${d.id} · by ${d.declarant.legalNameLatin ?? d.declarant.legalName} (${d.declarant.country}) · ${d.items.length} item${d.items.length === 1 ? '' : 's'} · ${d.certification ? `certified by ${d.certification.authority.agencyId} (${d.certification.authority.country})` : 'not certified'}`;
    }
    case 'trust-list': {
      const t = doc as TrustList;
      return `trust list ${t.id} #${t.sequence} · by ${t.publisher.agencyId} (${t.publisher.country}) · ${t.entries.length} agenc${t.entries.length === 1 ? 'y' : 'ies'} · next update ${day(t.nextUpdate)}`;
    }
    case 'status-list': {
      const s = doc as StatusList;
      return `status list ${s.id} #${s.sequence} · by ${s.issuer.agencyId} (${s.issuer.country}) · ${s.entries.length} entr${s.entries.length === 1 ? 'y' : 'ies'} · next update ${day(s.nextUpdate)}`;
    }
    case 'bundle': {
      const b = doc as Bundle;
      return `offline bundle ${b.id} · by ${b.publisher.agencyId} (${b.publisher.country}) · as of ${b.asOf} · ${b.trustLists.length} trust lists, ${b.statusLists.length} status lists, ${b.crls.length} CRLs`;
    }
    case 'rules': {
      const r = doc as DocumentTypes['rules'];
      return `rules ${r.id} #${r.sequence} · by ${r.publisher.agencyId} (${r.publisher.country}) · ${r.rules.length} rule${r.rules.length === 1 ? '' : 's'}`;
    }
    case 'screening-list': {
      const l = doc as DocumentTypes['screening-list'];
      return `screening list ${l.id} #${l.sequence} · by ${l.publisher.agencyId} (${l.publisher.country}) · ${l.entries.length} entr${l.entries.length === 1 ? 'y' : 'ies'}`;
    }
    case 'denial-notice': {
      const d = doc as DocumentTypes['denial-notice'];
      return `denial notice ${d.id} · by ${d.deniedBy.agencyId} (${d.deniedBy.country}) · ${d.status} · to ${d.destination} · expires ${day(d.expiresAt)}`;
    }
    case 'dossier': {
      const d = doc as DocumentTypes['dossier'];
      return `dossier${d.id ? ` ${d.id}` : ''} · a signed license and ${d.declarations.length} signed end-use declaration${d.declarations.length === 1 ? '' : 's'} (verify it with xlic verify)`;
    }
    case 'party': {
      const p = doc as DocumentTypes['party'];
      return `party ${p.legalName}${p.legalNameLatin ? ` (${p.legalNameLatin})` : ''} · ${p.country}`;
    }
  }
}
