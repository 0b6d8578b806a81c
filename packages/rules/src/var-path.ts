/**
 * Paths of the `var` operator: dot-separated segments of letters, digits, "_" and "-"; a segment of
 * digits indexes an array. Reading follows own data properties only, so a path can never reach
 * Object.prototype, run a getter, or call anything.
 */

const SEGMENT = /^[A-Za-z0-9_-]{1,64}$/;
const INDEX = /^(0|[1-9][0-9]{0,8})$/;
/** Names that lead to prototypes in JavaScript; refused even though own-property reads could not reach them. */
const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

export const MAX_PATH_LENGTH = 200;
export const MAX_PATH_SEGMENTS = 16;

/** The segments of a `var` path, or a reason why it is not a valid path. "" is the scope itself. */
export function parseVarPath(path: string): { segments: string[] } | { error: string } {
  if (path === '') return { segments: [] };
  if (path.length > MAX_PATH_LENGTH) return { error: `a var path has at most ${MAX_PATH_LENGTH} characters` };
  const segments = path.split('.');
  if (segments.length > MAX_PATH_SEGMENTS) return { error: `a var path has at most ${MAX_PATH_SEGMENTS} segments` };
  for (const s of segments) {
    if (FORBIDDEN.has(s)) return { error: `var path segment "${s}" is not allowed` };
    if (!SEGMENT.test(s)) return { error: `var path ${JSON.stringify(path).slice(0, 80)} has an empty or invalid segment (letters, digits, _ and - only)` };
  }
  return { segments };
}

/** The own data property `key` of `value` (an element for arrays), or undefined. Never invokes getters. */
export function readOwn(value: unknown, key: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    if (!INDEX.test(key)) return undefined;
    const i = Number(key);
    if (i >= value.length) return undefined;
  }
  const d = Object.getOwnPropertyDescriptor(value, key);
  return d && 'value' in d ? d.value : undefined;
}
