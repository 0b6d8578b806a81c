import { XlicError } from '@xlic/core';
import { fromPem } from '@xlic/trust';
import { readInput } from './read-input.js';

/** Read certificates (DER) from a PEM file, in file order. */
export async function readCertificates(path: string): Promise<Uint8Array[]> {
  const { bytes } = await readInput(path, 1024 * 1024);
  const blocks = fromPem(new TextDecoder().decode(bytes)).filter((b) => b.label === 'CERTIFICATE');
  if (blocks.length === 0) throw new XlicError('INPUT_UNREADABLE', `${path} holds no PEM certificate`);
  return blocks.map((b) => b.der);
}

/** Read a CRL file, PEM or DER, as DER. */
export async function readCrl(path: string): Promise<Uint8Array> {
  const { bytes } = await readInput(path, 16 * 1024 * 1024);
  const text = new TextDecoder().decode(bytes.subarray(0, 64));
  if (text.includes('-----BEGIN')) {
    const block = fromPem(new TextDecoder().decode(bytes)).find((b) => b.label === 'X509 CRL');
    if (!block) throw new XlicError('INPUT_UNREADABLE', `${path} holds no PEM "X509 CRL" block`);
    return block.der;
  }
  return bytes;
}
