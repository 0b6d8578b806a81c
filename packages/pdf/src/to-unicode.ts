/** A /ToUnicode CMap: character code (as hex of its bytes) to text, with the code length in bytes. */
export interface UnicodeMap {
  codeBytes: number;
  map: Map<string, string>;
}

/** Parse the bfchar and bfrange sections of a /ToUnicode CMap. */
export function parseToUnicode(text: string): UnicodeMap {
  const map = new Map<string, string>();
  let codeBytes = 1;
  const hexToText = (hex: string): string => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of text.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>/g)) {
      codeBytes = Math.max(codeBytes, m[1]!.length / 2);
      map.set(m[1]!.toLowerCase(), hexToText(m[2]!));
    }
  }
  for (const block of text.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1]!.matchAll(/<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1]!, 16);
      const hi = parseInt(m[2]!, 16);
      const width = m[1]!.length;
      codeBytes = Math.max(codeBytes, width / 2);
      const dst = m[3]!;
      const items = dst.startsWith('[') ? [...dst.matchAll(/<([0-9A-Fa-f]*)>/g)].map((x) => x[1]!) : undefined;
      for (let c = lo; c <= hi && c - lo < 65536; c++) {
        const key = c.toString(16).padStart(width, '0');
        if (items) map.set(key, hexToText(items[c - lo] ?? ''));
        else {
          const base = dst.slice(1, -1);
          const last = parseInt(base.slice(-4) || '0', 16) + (c - lo);
          map.set(key, hexToText(base.slice(0, -4) + last.toString(16).padStart(4, '0')));
        }
      }
    }
  }
  return { codeBytes, map };
}

/** Decode shown string bytes with a ToUnicode map (Latin-1 when there is none). */
export function decodeShown(bytes: Uint8Array, cmap: UnicodeMap | undefined): string {
  if (!cmap) return String.fromCharCode(...bytes);
  let s = '';
  for (let i = 0; i < bytes.length; i += cmap.codeBytes) {
    let key = '';
    for (let k = 0; k < cmap.codeBytes; k++) key += (bytes[i + k] ?? 0).toString(16).padStart(2, '0');
    s += cmap.map.get(key) ?? '\uFFFD';
  }
  return s;
}
