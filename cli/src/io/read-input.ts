import { open, stat } from 'node:fs/promises';
import { DEFAULT_LIMITS, XlicError } from '@xlic/core';

/** One input as read from a file or standard input. */
export interface Input {
  /** What to call it in output: the path as given, or "-" / "(stdin)". */
  name: string;
  bytes: Uint8Array;
}

/**
 * Read a file (or "-" for standard input) into memory, refusing what is not a regular file
 * or larger than `maxBytes`, without reading more than `maxBytes + 1` bytes.
 */
export async function readInput(spec: string, maxBytes: number = DEFAULT_LIMITS.maxInputBytes): Promise<Input> {
  if (spec === '-') return { name: '(stdin)', bytes: await readStream(process.stdin, maxBytes) };
  let info;
  try {
    info = await stat(spec);
  } catch (cause) {
    throw fsError(spec, cause);
  }
  if (info.isDirectory()) throw new XlicError('INPUT_IS_DIRECTORY', `${spec} is a directory, not a document`);
  if (!info.isFile()) throw new XlicError('INPUT_UNREADABLE', `${spec} is not a regular file`);
  if (info.size > maxBytes) throw new XlicError('INPUT_TOO_LARGE', `${spec} is ${info.size} bytes; the limit is ${maxBytes}`);
  let handle;
  try {
    handle = await open(spec, 'r');
  } catch (cause) {
    throw fsError(spec, cause);
  }
  try {
    // Sized from stat (plus one byte to notice a file that grew past the limit while being read).
    const buf = new Uint8Array(Math.min(maxBytes, info.size) + 1);
    let length = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, length, buf.length - length, null);
      if (bytesRead === 0) break;
      length += bytesRead;
      if (length > maxBytes) throw new XlicError('INPUT_TOO_LARGE', `${spec} is larger than the limit of ${maxBytes} bytes`);
      if (length === buf.length) throw new XlicError('INPUT_UNREADABLE', `${spec} changed while it was being read`);
    }
    return { name: spec, bytes: buf.slice(0, length) };
  } finally {
    await handle.close();
  }
}

async function readStream(stream: NodeJS.ReadableStream, maxBytes: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let length = 0;
  for await (const chunk of stream) {
    const c = typeof chunk === 'string' ? new TextEncoder().encode(chunk) : (chunk as Uint8Array);
    length += c.length;
    if (length > maxBytes) throw new XlicError('INPUT_TOO_LARGE', `standard input is larger than the limit of ${maxBytes} bytes`);
    chunks.push(c);
  }
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function fsError(spec: string, cause: unknown): XlicError {
  const code = (cause as NodeJS.ErrnoException).code;
  if (code === 'ENOENT' || code === 'ENOTDIR') return new XlicError('INPUT_NOT_FOUND', `${spec}: no such file`, { cause });
  if (code === 'EISDIR') return new XlicError('INPUT_IS_DIRECTORY', `${spec} is a directory, not a document`, { cause });
  if (code === 'EACCES' || code === 'EPERM') return new XlicError('INPUT_UNREADABLE', `${spec}: permission denied`, { cause });
  return new XlicError('INPUT_UNREADABLE', `${spec}: cannot be read (${code ?? 'unknown error'})`, { cause });
}
