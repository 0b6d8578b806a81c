import type { DocumentKind } from './kinds.js';

/**
 * The xlic JWS profile (docs/SPEC.md, Part II): which algorithms are allowed,
 * and the `typ` every signed document kind must carry so one kind can never be
 * passed off as another.
 */
export const ALLOWED_ALGORITHMS = ['ES256', 'ES384', 'EdDSA', 'PS256'] as const;
export type SignatureAlgorithm = (typeof ALLOWED_ALGORITHMS)[number];

/** Signed document kinds and their `typ` header values. Parties are never signed alone. */
export const JWS_TYP = {
  license: 'xlic-license+jws',
  'end-use-declaration': 'xlic-declaration+jws',
  'trust-list': 'xlic-trust-list+jws',
  'status-list': 'xlic-status-list+jws',
  bundle: 'xlic-bundle+jws',
  rules: 'xlic-rules+jws',
  'screening-list': 'xlic-screening-list+jws',
  'denial-notice': 'xlic-denial-notice+jws',
} as const satisfies Partial<Record<DocumentKind | 'bundle', string>>;
export type SignedKind = keyof typeof JWS_TYP;

/** The kind a `typ` value announces, or undefined for an unknown `typ`. */
export function kindOfTyp(typ: unknown): SignedKind | undefined {
  for (const [kind, t] of Object.entries(JWS_TYP)) if (t === typ) return kind as SignedKind;
  return undefined;
}

/** True for one of the allow-listed algorithms. */
export function isAllowedAlgorithm(alg: unknown): alg is SignatureAlgorithm {
  return typeof alg === 'string' && (ALLOWED_ALGORITHMS as readonly string[]).includes(alg);
}

/** Protected header parameters xlic understands; anything in `crit` must be one of these. */
export const UNDERSTOOD_CRITICAL: readonly string[] = [];

/** Header parameters that would let a signer pick its own key: never accepted. */
export const FORBIDDEN_HEADER_PARAMETERS = ['jwk', 'jku', 'x5u'] as const;
