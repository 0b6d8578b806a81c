import type { Bundle, DenialNotice, Dossier, EndUseDeclaration, License, Party, Rules, ScreeningList, StatusList, TrustList } from './generated/types.js';

/** The kinds of document xlic knows, as carried in `documentType` (parties have none). */
export const DOCUMENT_KINDS = ['license', 'end-use-declaration', 'trust-list', 'status-list', 'bundle', 'rules', 'screening-list', 'denial-notice', 'dossier', 'party'] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/** Maps each kind to its generated TypeScript type. */
export interface DocumentTypes {
  license: License;
  'end-use-declaration': EndUseDeclaration;
  'trust-list': TrustList;
  'status-list': StatusList;
  bundle: Bundle;
  rules: Rules;
  'screening-list': ScreeningList;
  'denial-notice': DenialNotice;
  dossier: Dossier;
  party: Party;
}

/**
 * Detect the kind of a parsed document: by its `documentType`, or a party by its shape
 * (an object with `legalName` and no `documentType`). Returns undefined when unknown.
 */
export function detectKind(doc: unknown): DocumentKind | undefined {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return undefined;
  const t = (doc as Record<string, unknown>)['documentType'];
  if (t === undefined) return Object.prototype.hasOwnProperty.call(doc, 'legalName') ? 'party' : undefined;
  return typeof t === 'string' && (DOCUMENT_KINDS as readonly string[]).includes(t) && t !== 'party' ? (t as DocumentKind) : undefined;
}
