import { loadTrust, type NamedText, type TrustContext } from '@xlic/verify';
import { readInput } from './read-input.js';
import { readCrl } from './pem-file.js';

export interface TrustFlags {
  trust?: string[];
  status?: string[];
  crl?: string[];
  bundle?: string;
  pin?: string[];
  /** Verdict-preserving caches (default on). */
  cache?: boolean;
}

async function named(path: string): Promise<NamedText> {
  const { name, bytes } = await readInput(path);
  return { name, text: new TextDecoder().decode(bytes) };
}

/**
 * Read every trust input named on the command line and load it once for the whole run.
 * A --trust file holding PEM certificates is a roots file; anything else is a signed trust list.
 */
export async function loadTrustFromFlags(flags: TrustFlags, at: Date): Promise<TrustContext> {
  const trustLists: NamedText[] = [];
  const pemRoots: NamedText[] = [];
  for (const t of flags.trust ?? []) {
    const n = await named(t);
    (n.text.includes('-----BEGIN CERTIFICATE-----') ? pemRoots : trustLists).push(n);
  }
  const statusLists = await Promise.all((flags.status ?? []).map(named));
  const crls = await Promise.all((flags.crl ?? []).map(async (c) => ({ name: c, bytes: await readCrl(c) })));
  return loadTrust({
    trustLists,
    pemRoots,
    statusLists,
    crls,
    at,
    cache: flags.cache !== false,
    ...(flags.bundle ? { bundle: await named(flags.bundle) } : {}),
    ...(flags.pin ? { pins: flags.pin } : {}),
  });
}
