/** A token of a content stream operand. */
export type Operand =
  | { type: 'number'; value: number; raw: string }
  | { type: 'name'; value: string }
  | { type: 'string'; bytes: Uint8Array }
  | { type: 'array'; items: Operand[] }
  | { type: 'dict'; raw: string }
  | { type: 'other'; raw: string };

/** One operator with its operands. */
export interface Operation {
  operator: string;
  operands: Operand[];
}

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

/** Split a decoded content stream into operations (inline images are kept as one opaque operation). */
export function parseContentStream(bytes: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let i = 0;
  const stack: Operand[][] = [[]];
  const top = (): Operand[] => stack[stack.length - 1]!;
  const readToken = (): string => {
    const start = i;
    while (i < bytes.length && !WS.has(bytes[i]!) && !DELIM.has(bytes[i]!)) i++;
    return String.fromCharCode(...bytes.subarray(start, i));
  };
  while (i < bytes.length) {
    const c = bytes[i]!;
    if (WS.has(c)) {
      i++;
    } else if (c === 0x25) {
      while (i < bytes.length && bytes[i] !== 0x0a && bytes[i] !== 0x0d) i++;
    } else if (c === 0x2f) {
      i++;
      top().push({ type: 'name', value: readToken() });
    } else if (c === 0x28) {
      top().push({ type: 'string', bytes: readLiteral() });
    } else if (c === 0x3c && bytes[i + 1] === 0x3c) {
      const start = i;
      let depth = 0;
      while (i < bytes.length) {
        if (bytes[i] === 0x3c && bytes[i + 1] === 0x3c) {
          depth++;
          i += 2;
        } else if (bytes[i] === 0x3e && bytes[i + 1] === 0x3e) {
          depth--;
          i += 2;
          if (depth === 0) break;
        } else i++;
      }
      top().push({ type: 'dict', raw: String.fromCharCode(...bytes.subarray(start, i)) });
    } else if (c === 0x3c) {
      i++;
      let hex = '';
      while (i < bytes.length && bytes[i] !== 0x3e) {
        if (!WS.has(bytes[i]!)) hex += String.fromCharCode(bytes[i]!);
        i++;
      }
      i++;
      if (hex.length % 2) hex += '0';
      const b = new Uint8Array(hex.length / 2);
      for (let k = 0; k < b.length; k++) b[k] = parseInt(hex.slice(2 * k, 2 * k + 2), 16);
      top().push({ type: 'string', bytes: b });
    } else if (c === 0x5b) {
      i++;
      stack.push([]);
    } else if (c === 0x5d) {
      i++;
      const items = stack.length > 1 ? stack.pop()! : [];
      top().push({ type: 'array', items });
    } else if (c === 0x29 || c === 0x3e || c === 0x7b || c === 0x7d) {
      i++;
    } else {
      const tok = readToken();
      if (tok === '') {
        i++;
        continue;
      }
      if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(tok)) top().push({ type: 'number', value: Number(tok), raw: tok });
      else if (tok === 'true' || tok === 'false' || tok === 'null') top().push({ type: 'other', raw: tok });
      else if (tok === 'BI') {
        // Inline image: skip to EI; kept as one operation so a change in it still shows.
        const start = i;
        while (i < bytes.length && !(bytes[i] === 0x45 && bytes[i + 1] === 0x49 && (i + 2 >= bytes.length || WS.has(bytes[i + 2]!)) && WS.has(bytes[i - 1]!))) i++;
        ops.push({ operator: 'BI', operands: [{ type: 'other', raw: String.fromCharCode(...bytes.subarray(start, Math.min(i, start + 4096))) }] });
        i += 2;
        stack.length = 1;
        stack[0] = [];
      } else {
        while (stack.length > 1) {
          const items = stack.pop()!;
          top().push({ type: 'array', items });
        }
        ops.push({ operator: tok, operands: stack[0]! });
        stack[0] = [];
      }
    }
  }
  return ops;

  function readLiteral(): Uint8Array {
    i++;
    const out: number[] = [];
    let depth = 1;
    while (i < bytes.length) {
      const b = bytes[i++]!;
      if (b === 0x5c) {
        const n = bytes[i++]!;
        const map: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12, 0x28: 0x28, 0x29: 0x29, 0x5c: 0x5c };
        if (map[n] !== undefined) out.push(map[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let v = n - 0x30;
          for (let k = 0; k < 2 && bytes[i]! >= 0x30 && bytes[i]! <= 0x37; k++) v = v * 8 + (bytes[i++]! - 0x30);
          out.push(v & 0xff);
        } else if (n === 0x0d) {
          if (bytes[i] === 0x0a) i++;
        } else if (n !== 0x0a) out.push(n);
      } else if (b === 0x28) {
        depth++;
        out.push(b);
      } else if (b === 0x29) {
        if (--depth === 0) break;
        out.push(b);
      } else out.push(b);
    }
    return new Uint8Array(out);
  }
}

/** An operand as canonical text (for comparing graphics operations). */
export function operandText(o: Operand): string {
  switch (o.type) {
    case 'number':
      return String(o.value);
    case 'name':
      return '/' + o.value;
    case 'string':
      return '<' + Array.from(o.bytes, (b) => b.toString(16).padStart(2, '0')).join('') + '>';
    case 'array':
      return '[' + o.items.map(operandText).join(' ') + ']';
    default:
      return o.raw;
  }
}
