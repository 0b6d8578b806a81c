import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { XlicError } from '@xlic/core';

/** File kinds a directory walk picks up for verification. */
const SIGNED_EXTENSIONS = ['.jws', '.json', '.pdf'];

/**
 * Expand verify arguments into document paths: a directory is walked recursively (signed files by
 * extension, hidden entries skipped, sorted), "-" reads a newline-separated list of paths from
 * standard input, anything else is a path as given (a missing one is reported when it is read).
 */
export async function expandInputs(args: string[], readStdin: () => Promise<string>): Promise<string[]> {
  const out: string[] = [];
  for (const arg of args) {
    if (arg === '-') {
      for (const line of (await readStdin()).split(/\r?\n/)) if (line.trim() !== '') out.push(line.trim());
      continue;
    }
    const info = await stat(arg).catch(() => undefined);
    if (info?.isDirectory()) out.push(...(await walk(arg)));
    else out.push(arg);
  }
  return out;
}

async function walk(dir: string, depth = 0): Promise<string[]> {
  if (depth > 32) throw new XlicError('INPUT_UNREADABLE', `${dir}: directories nested deeper than 32 levels`);
  const entries = (await readdir(dir, { withFileTypes: true })).filter((e) => !e.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1));
  const out: string[] = [];
  for (const e of entries) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...(await walk(p, depth + 1)));
    else if (e.isFile() && SIGNED_EXTENSIONS.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out;
}
