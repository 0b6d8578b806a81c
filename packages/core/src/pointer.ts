/** Escape one JSON Pointer reference token (RFC 6901). */
export function escapeToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Build a JSON Pointer from reference tokens. */
export function pointer(...tokens: Array<string | number>): string {
  return tokens.map((t) => '/' + escapeToken(t)).join('');
}

/** Resolve a JSON Pointer in `doc`; returns `undefined` when it does not exist. */
export function resolvePointer(doc: unknown, ptr: string): { found: boolean; value?: unknown } {
  if (ptr === '') return { found: true, value: doc };
  if (!ptr.startsWith('/')) return { found: false };
  let cur: unknown = doc;
  for (const raw of ptr.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(cur)) {
      if (!/^(0|[1-9][0-9]*)$/.test(token) || Number(token) >= cur.length) return { found: false };
      cur = cur[Number(token)];
    } else if (cur !== null && typeof cur === 'object' && Object.prototype.hasOwnProperty.call(cur, token)) {
      cur = (cur as Record<string, unknown>)[token];
    } else {
      return { found: false };
    }
  }
  return { found: true, value: cur };
}
