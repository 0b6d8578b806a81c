/** Private key files: PKCS#8 PEM, optionally encrypted with PBES2 (PBKDF2-HMAC-SHA256 + AES-256-CBC). */
import { XlicError } from '@xlic/core';
import { keyImportParams, RSA_MODULUS_BITS, type SigningAlgorithm } from './algorithms.js';
import {
  childrenOf,
  decodeOid,
  DerError,
  encodeOid,
  encodeSequence,
  encodeTlv,
  encodeUnsigned,
  expectTag,
  readDer,
  readUnsigned,
  TAG,
  toArrayBuffer,
  type DerNode,
} from './der.js';
import { OID } from './oids.js';
import { fromPem, toPem } from './pem.js';

/** PBKDF2 iterations written by {@link exportPrivateKeyPem} (OWASP 2023 guidance for PBKDF2-HMAC-SHA256). */
export const DEFAULT_PBKDF2_ITERATIONS = 600_000;
/** Most PBKDF2 iterations accepted when reading (bounds the work a hostile file can demand). */
export const MAX_PBKDF2_ITERATIONS = 10_000_000;

/** Options of {@link exportPrivateKeyPem}. */
export interface ExportPrivateKeyOptions {
  /** PBKDF2 iterations; default 600 000. */
  iterations?: number;
}

/**
 * Export an extractable private key as PKCS#8 PEM: `PRIVATE KEY`, or `ENCRYPTED PRIVATE KEY`
 * (PBES2 with PBKDF2-HMAC-SHA256 and AES-256-CBC, as `openssl pkcs8 -topk8 -v2 aes-256-cbc` writes)
 * when a passphrase is given.
 *
 * @example
 * await writeFile('signer.key', await exportPrivateKeyPem(signer.privateKey, passphrase), { mode: 0o600 });
 */
export async function exportPrivateKeyPem(key: CryptoKey, passphrase?: string, options: ExportPrivateKeyOptions = {}): Promise<string> {
  if (key.type !== 'private') throw new XlicError('USAGE', `expected a private key, got a ${key.type} key`);
  if (!key.extractable) throw new XlicError('USAGE', 'the private key is not extractable and cannot be saved');
  const pkcs8 = new Uint8Array(await globalThis.crypto.subtle.exportKey('pkcs8', key));
  if (passphrase === undefined) return toPem(pkcs8, 'PRIVATE KEY');
  const iterations = options.iterations ?? DEFAULT_PBKDF2_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < 1000 || iterations > MAX_PBKDF2_ITERATIONS) {
    throw new XlicError('USAGE', `PBKDF2 iterations must be 1000..${MAX_PBKDF2_ITERATIONS}`);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(16));
  const aesKey = await deriveAesKey(passphrase, salt, iterations, 'SHA-256', 256, ['encrypt']);
  const encrypted = new Uint8Array(await globalThis.crypto.subtle.encrypt({ name: 'AES-CBC', iv }, aesKey, toArrayBuffer(pkcs8)));
  const der = encodeSequence(
    encodeSequence(
      encodeOid(OID.pbes2),
      encodeSequence(
        encodeSequence(
          encodeOid(OID.pbkdf2),
          encodeSequence(encodeTlv(TAG.OCTET_STRING, salt), encodeUnsigned(iterations), encodeSequence(encodeOid(OID.hmacWithSha256), encodeTlv(TAG.NULL, new Uint8Array()))),
        ),
        encodeSequence(encodeOid(OID.aes256Cbc), encodeTlv(TAG.OCTET_STRING, iv)),
      ),
    ),
    encodeTlv(TAG.OCTET_STRING, encrypted),
  );
  return toPem(der, 'ENCRYPTED PRIVATE KEY');
}

/** Options of {@link importPrivateKeyPem}. */
export interface ImportPrivateKeyOptions {
  /** Make the imported key extractable (to re-save it). Default false. */
  extractable?: boolean;
}

/**
 * Read a PKCS#8 private key PEM (`PRIVATE KEY` or `ENCRYPTED PRIVATE KEY` with PBES2: PBKDF2 with
 * HMAC-SHA1/256/384/512 and AES-128/192/256-CBC) and work out its profile algorithm from the key.
 * Codes: KEY_PASSPHRASE_REQUIRED, KEY_PASSPHRASE_WRONG, KEY_FORMAT_UNSUPPORTED, KEY_INVALID, PEM_INVALID.
 *
 * @example
 * const { privateKey, algorithm } = await importPrivateKeyPem(await readFile('signer.key', 'utf8'), process.env.XLIC_PASSPHRASE);
 */
export async function importPrivateKeyPem(
  pem: string,
  passphrase?: string,
  options: ImportPrivateKeyOptions = {},
): Promise<{ privateKey: CryptoKey; algorithm: SigningAlgorithm }> {
  const blocks = fromPem(pem).filter((b) => /PRIVATE KEY$/.test(b.label));
  if (blocks.length !== 1) throw new XlicError('KEY_INVALID', blocks.length === 0 ? 'no private key in the PEM text' : 'more than one private key in the PEM text');
  const block = blocks[0]!;
  let pkcs8: Uint8Array;
  if (block.label === 'PRIVATE KEY') pkcs8 = block.der;
  else if (block.label === 'ENCRYPTED PRIVATE KEY') {
    if (passphrase === undefined) throw new XlicError('KEY_PASSPHRASE_REQUIRED', 'the private key is encrypted; a passphrase is required');
    pkcs8 = await decryptPkcs8(block.der, passphrase);
  } else {
    throw new XlicError('KEY_FORMAT_UNSUPPORTED', `${block.label} is a legacy format; convert it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in old.key -out new.key`);
  }
  const algorithm = algorithmOfPkcs8(pkcs8);
  try {
    const privateKey = await globalThis.crypto.subtle.importKey('pkcs8', toArrayBuffer(pkcs8), keyImportParams(algorithm), options.extractable ?? false, ['sign']);
    return { privateKey, algorithm };
  } catch (e) {
    throw new XlicError('KEY_INVALID', `the ${algorithm} private key could not be imported: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
}

/** The profile algorithm of a PrivateKeyInfo (KEY_INVALID if malformed, KEY_FORMAT_UNSUPPORTED if outside the profile). */
function algorithmOfPkcs8(pkcs8: Uint8Array): SigningAlgorithm {
  let oid: string;
  let params: DerNode | undefined;
  let keyOctets: Uint8Array;
  try {
    const [version, algId, key] = childrenOf(readDer(pkcs8, TAG.SEQUENCE));
    if (readUnsigned(version, 'version') > 1) throw new DerError('unknown PrivateKeyInfo version');
    const [oidNode, p] = childrenOf(expectTag(algId, TAG.SEQUENCE, 'privateKeyAlgorithm'));
    oid = decodeOid(expectTag(oidNode, TAG.OID).value);
    params = p;
    keyOctets = expectTag(key, TAG.OCTET_STRING, 'privateKey').value;
  } catch (e) {
    throw new XlicError('KEY_INVALID', `not a PKCS#8 private key: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (oid === OID.ed25519) return 'EdDSA';
  if (oid === OID.ecPublicKey) {
    const curve = params?.tag === TAG.OID ? decodeOid(params.value) : undefined;
    if (curve === OID.p256) return 'ES256';
    if (curve === OID.p384) return 'ES384';
    throw new XlicError('KEY_FORMAT_UNSUPPORTED', `EC key on curve ${curve ?? '(not named)'}; the profile uses P-256 or P-384`);
  }
  if (oid === OID.rsaEncryption) {
    let bits: number;
    try {
      const [, n] = childrenOf(readDer(keyOctets, TAG.SEQUENCE));
      const modulus = expectTag(n, TAG.INTEGER, 'modulus').value;
      bits = (modulus[0] === 0 ? modulus.length - 1 : modulus.length) * 8;
    } catch (e) {
      throw new XlicError('KEY_INVALID', 'malformed RSA private key', { cause: e });
    }
    if (bits < RSA_MODULUS_BITS) throw new XlicError('KEY_FORMAT_UNSUPPORTED', `RSA key of ${bits} bits; the profile needs at least ${RSA_MODULUS_BITS}`);
    return 'PS256';
  }
  throw new XlicError('KEY_FORMAT_UNSUPPORTED', `key algorithm ${oid} is outside the xlic profile (ES256, ES384, EdDSA, PS256)`);
}

const PRF: Record<string, string> = {
  [OID.hmacWithSha1]: 'SHA-1',
  [OID.hmacWithSha256]: 'SHA-256',
  [OID.hmacWithSha384]: 'SHA-384',
  [OID.hmacWithSha512]: 'SHA-512',
};
const AES_BITS: Record<string, number> = { [OID.aes128Cbc]: 128, [OID.aes192Cbc]: 192, [OID.aes256Cbc]: 256 };

async function decryptPkcs8(der: Uint8Array, passphrase: string): Promise<Uint8Array> {
  let salt: Uint8Array, iterations: number, hash: string, bits: number, iv: Uint8Array, data: Uint8Array;
  try {
    const [algId, encrypted] = childrenOf(readDer(der, TAG.SEQUENCE));
    const [schemeOid, schemeParams] = childrenOf(expectTag(algId, TAG.SEQUENCE, 'encryptionAlgorithm'));
    const scheme = decodeOid(expectTag(schemeOid, TAG.OID).value);
    if (scheme !== OID.pbes2) throw new XlicError('KEY_FORMAT_UNSUPPORTED', `encryption scheme ${scheme} is not PBES2; re-encrypt with openssl pkcs8 -topk8 -v2 aes-256-cbc`);
    const [kdf, enc] = childrenOf(expectTag(schemeParams, TAG.SEQUENCE, 'PBES2-params'));
    const [kdfOid, kdfParams] = childrenOf(expectTag(kdf, TAG.SEQUENCE, 'keyDerivationFunc'));
    if (decodeOid(expectTag(kdfOid, TAG.OID).value) !== OID.pbkdf2) throw new XlicError('KEY_FORMAT_UNSUPPORTED', 'only the PBKDF2 key derivation is supported (not scrypt)');
    const kp = childrenOf(expectTag(kdfParams, TAG.SEQUENCE, 'PBKDF2-params'));
    salt = expectTag(kp[0], TAG.OCTET_STRING, 'salt').value;
    iterations = readUnsigned(kp[1], 'iterationCount');
    let k = 2;
    let keyLength: number | undefined;
    if (kp[k]?.tag === TAG.INTEGER) keyLength = readUnsigned(kp[k++], 'keyLength');
    hash = 'SHA-1';
    if (kp[k] !== undefined) {
      const prfOid = decodeOid(expectTag(childrenOf(expectTag(kp[k], TAG.SEQUENCE, 'prf'))[0], TAG.OID).value);
      const h = PRF[prfOid];
      if (h === undefined) throw new XlicError('KEY_FORMAT_UNSUPPORTED', `PBKDF2 PRF ${prfOid} is not supported`);
      hash = h;
    }
    const [encOid, ivNode] = childrenOf(expectTag(enc, TAG.SEQUENCE, 'encryptionScheme'));
    const cipher = decodeOid(expectTag(encOid, TAG.OID).value);
    const b = AES_BITS[cipher];
    if (b === undefined) throw new XlicError('KEY_FORMAT_UNSUPPORTED', `cipher ${cipher} is not supported (use AES-CBC)`);
    bits = b;
    if (keyLength !== undefined && keyLength * 8 !== bits) throw new DerError('PBKDF2 keyLength does not match the cipher');
    iv = expectTag(ivNode, TAG.OCTET_STRING, 'IV').value;
    if (iv.length !== 16) throw new DerError('AES-CBC IV must be 16 bytes');
    data = expectTag(encrypted, TAG.OCTET_STRING, 'encryptedData').value;
  } catch (e) {
    if (e instanceof XlicError) throw e;
    throw new XlicError('KEY_INVALID', `malformed encrypted private key: ${e instanceof Error ? e.message : String(e)}`, { cause: e });
  }
  if (iterations < 1 || iterations > MAX_PBKDF2_ITERATIONS) throw new XlicError('KEY_FORMAT_UNSUPPORTED', `PBKDF2 iteration count ${iterations} is outside 1..${MAX_PBKDF2_ITERATIONS}`);
  const aesKey = await deriveAesKey(passphrase, salt, iterations, hash, bits, ['decrypt']);
  let plain: Uint8Array;
  try {
    plain = new Uint8Array(await globalThis.crypto.subtle.decrypt({ name: 'AES-CBC', iv: toArrayBuffer(iv) }, aesKey, toArrayBuffer(data)));
    childrenOf(readDer(plain, TAG.SEQUENCE)); // a wrong key can still yield valid padding (1 in 256)
  } catch (e) {
    throw new XlicError('KEY_PASSPHRASE_WRONG', 'the passphrase does not decrypt the private key', { cause: e });
  }
  return plain;
}

async function deriveAesKey(passphrase: string, salt: Uint8Array, iterations: number, hash: string, bits: number, usages: KeyUsage[]): Promise<CryptoKey> {
  const subtle = globalThis.crypto.subtle;
  const base = await subtle.importKey('raw', new TextEncoder().encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle.deriveKey({ name: 'PBKDF2', salt: toArrayBuffer(salt), iterations, hash }, base, { name: 'AES-CBC', length: bits }, false, usages);
}
