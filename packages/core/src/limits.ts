/**
 * Resource limits applied to every input (docs/SPEC.md, "Limits"). Each has a test just
 * under and just over it. Callers may lower them; raising them is at their own risk.
 */
export interface Limits {
  /** Largest input accepted, in bytes. */
  maxInputBytes: number;
  /** Deepest nesting of JSON arrays/objects. */
  maxJsonDepth: number;
  /** Longest JSON string, in UTF-16 code units. */
  maxStringLength: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxInputBytes: 8 * 1024 * 1024,
  maxJsonDepth: 32,
  maxStringLength: 1024 * 1024,
});
