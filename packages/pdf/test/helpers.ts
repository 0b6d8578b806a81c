import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CompactSign, GeneralSign } from 'jose';
import type { License } from '@xlic/core';
import { loadDefaultFonts } from '../src/fonts.node.js';
import type { FontSet } from '../src/fonts.js';
import type { SignerInfo } from '../src/layout-license.js';

export const FIXTURES = join(import.meta.dirname, 'fixtures');
export const WORK = mkdtempSync(join(tmpdir(), 'xlic-pdf-'));

export function readLicense(name: string): { license: License; bytes: Uint8Array } {
  const bytes = new Uint8Array(readFileSync(join(FIXTURES, name)));
  return { license: JSON.parse(new TextDecoder().decode(bytes)) as License, bytes };
}

// Opaque stand-ins for DER certificates (x5c is only a header to the renderer): realistic sizes,
// incompressible like real certificates, and stable across runs.
function pseudoCertificate(seed: string, length: number): string {
  const out = new Uint8Array(length);
  let x = 2166136261;
  for (const ch of seed) x = Math.imul(x ^ ch.charCodeAt(0), 16777619);
  for (let i = 0; i < length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x & 0xff;
  }
  return Buffer.from(out).toString('base64');
}

const keyPair = globalThis.crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);

export const X5C = [pseudoCertificate('leaf', 620), pseudoCertificate('intermediate', 780)];

/** Sign license bytes as a compact JWS like an agency would (ES256, typ xlic-license+jws, x5c). */
export async function signCompact(payload: Uint8Array, typ = 'xlic-license+jws'): Promise<string> {
  const { privateKey } = await keyPair;
  return new CompactSign(payload).setProtectedHeader({ alg: 'ES256', typ, x5c: X5C, iat: 1795168200 }).sign(privateKey);
}

/** Sign with an issuer and a countersigner: JSON general serialization text. */
export async function signGeneral(payload: Uint8Array): Promise<string> {
  const { privateKey } = await keyPair;
  const jws = await new GeneralSign(payload)
    .addSignature(privateKey)
    .setProtectedHeader({ alg: 'ES256', typ: 'xlic-license+jws', x5c: X5C, iat: 1795168200 })
    .addSignature(privateKey)
    .setProtectedHeader({ alg: 'ES256', typ: 'xlic-license+jws', x5c: [pseudoCertificate('counter', 640)], iat: 1795168300 })
    .sign();
  return JSON.stringify(jws);
}

export const SIGNERS: SignerInfo[] = [
  { agency: { country: 'DE', agencyId: 'BAFA', name: 'Bundesamt für Wirtschaft und Ausfuhrkontrolle' }, subject: 'CN=BAFA Licensing Signer 3, O=Bundesamt für Wirtschaft und Ausfuhrkontrolle, C=DE', thumbprint: '3f2a9c1d5e7b8a6c4d2e0f1a3b5c7d9e1f3a5b7c9d1e3f5a7b9c1d3e5f7a9b1c', role: 'issuer' },
];

let fonts: Promise<FontSet> | undefined;
export function defaultFonts(): Promise<FontSet> {
  fonts ??= loadDefaultFonts();
  return fonts;
}

export function save(name: string, bytes: Uint8Array): string {
  const path = join(WORK, name);
  writeFileSync(path, bytes);
  return path;
}

/** Run a command, returning stdout (stderr ignored: zbarimg prints dbus noise there). */
export function run(cmd: string, args: string[]): string {
  return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
}

/** Run a command that may fail; returns status and output. */
export function tryRun(cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  try {
    return { status: 0, stdout: run(cmd, args), stderr: '' };
  } catch (e) {
    const err = e as { status: number; stdout: string; stderr: string };
    return { status: err.status, stdout: String(err.stdout), stderr: String(err.stderr) };
  }
}
