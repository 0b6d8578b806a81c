/**
 * The one place @peculiar/x509 is loaded. It needs a Reflect polyfill before it is evaluated
 * (ES modules evaluate imports in order), and our WebCrypto rather than a guess.
 * Only certificate and CRL *generation* goes through it; parsing and validation are ours.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';

x509.cryptoProvider.set(globalThis.crypto);

export { x509 };
