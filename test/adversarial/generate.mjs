#!/usr/bin/env node
// Generates the adversarial corpus in test/adversarial/cases/ and test/adversarial/cases.json
// (run after `pnpm build`):   node test/adversarial/generate.mjs
// Each case is an attack from docs/SECURITY.md with the code and exit status it must produce.
// Builds its own PKI (DE BAFA, FR SBDU, an impostor "BAFA") with @xlic/trust, certificates outside
// the profile with the openssl CLI, and forged JWS with jose. Private keys stay in a temp directory
// that is deleted at the end. Cases too large to commit (100 MB) are made by the test itself.
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { CompactSign, importPKCS8 } from 'jose';
import { createRequire } from 'node:module';
import { encodeBase45 } from '@xlic/pdf';
import { createRootCa, exportPrivateKeyPem, issueCertificate, toPem } from '@xlic/trust';
import { signDocument } from '@xlic/sign';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// pdf-lib is a dependency of @xlic/pdf, not of the repository root.
const { PDFDocument, PDFName, PDFString } = createRequire(path.join(repo, 'packages/pdf/package.json'))('pdf-lib');
const outDir = path.join(repo, 'test/adversarial/cases');
const rel = (p) => path.relative(repo, p);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'xlic-adv-'));
fs.rmSync(outDir, { recursive: true, force: true });
fs.mkdirSync(outDir, { recursive: true });

// openssl certificates start "now"; everything is signed two minutes later and verified at AT.
const NOW = new Date(Math.floor(Date.now() / 60000) * 60000);
const SIGNED = new Date(NOW.getTime() + 120_000);
const AT = new Date(NOW.getTime() + 180_000).toISOString().replace('.000Z', 'Z');
const IAT = SIGNED.getTime() / 1000;
const ROOTS_FROM = new Date(NOW.getTime() - 400 * 86400_000);
const EKU = { license: '2.25.152233983383500352379578609481682438308.1.1', list: '2.25.152233983383500352379578609481682438308.1.4' };
const b64 = (u8) => Buffer.from(u8).toString('base64');
const b64u = (u8) => Buffer.from(u8).toString('base64url');
const enc = (s) => new TextEncoder().encode(s);
const write = (name, data) => {
  fs.writeFileSync(path.join(outDir, name), data);
  return rel(path.join(outDir, name));
};
const license = JSON.parse(fs.readFileSync(path.join(repo, 'examples/licenses/de-bafa-individual-2b001-jp.json'), 'utf8'));

// --- PKI ------------------------------------------------------------------------------------
async function agency(country, agencyId, name, algorithm = 'ES256') {
  const ca = await createRootCa({ country, agencyId, agencyName: name, algorithm, notBefore: ROOTS_FROM, validityDays: 3650 });
  const issue = async (purpose, n, alg = algorithm) => {
    const c = await issueCertificate({ issuer: ca, subject: { country, organization: name, organizationalUnit: agencyId, commonName: `${agencyId} ${purpose} signer ${n}` }, purpose, algorithm: alg, notBefore: ROOTS_FROM, validityDays: 800 });
    return { ...c, algorithm: alg, chain: [c.certificate] };
  };
  const a = { country, agencyId, name, ca, algorithm, license: await issue('license-signing', 1), list: await issue('list-signing', 1), issue };
  a.caKeyFile = path.join(tmp, `${country}-${agencyId}-${crypto.randomUUID()}.key.pem`);
  fs.writeFileSync(a.caKeyFile, await exportPrivateKeyPem(ca.privateKey));
  a.caCertFile = path.join(tmp, `${country}-${agencyId}-${crypto.randomUUID()}.crt.pem`);
  fs.writeFileSync(a.caCertFile, toPem(ca.certificate, 'CERTIFICATE'));
  return a;
}
const de = await agency('DE', 'BAFA', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle');
const fr = await agency('FR', 'SBDU', 'Service des biens à double usage', 'ES384');
const impostor = await agency('DE', 'BAFA', 'Bundesamt für Wirtschaft und Ausfuhrkontrolle');
const sig = (s) => ({ privateKey: s.privateKey, algorithm: s.algorithm, chain: s.chain });
const roots = write('roots.pem', toPem(de.ca.certificate, 'CERTIFICATE') + toPem(fr.ca.certificate, 'CERTIFICATE'));

// openssl: a certificate with any extensions, issued by `issuer` ({certFile, keyFile}).
let serialCounter = 0;
function opensslCert(issuer, cn, extensions) {
  const id = `c${++serialCounter}`;
  const key = path.join(tmp, `${id}.key.pem`);
  const csr = path.join(tmp, `${id}.csr`);
  const crt = path.join(tmp, `${id}.crt.pem`);
  const ext = path.join(tmp, `${id}.ext`);
  execFileSync('openssl', ['genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', key]);
  execFileSync('openssl', ['req', '-new', '-key', key, '-utf8', '-subj', `/C=DE/O=${de.name}/OU=BAFA/CN=${cn}`, '-out', csr], { stdio: 'pipe' });
  fs.writeFileSync(ext, `[v3]\n${extensions.join('\n')}\nsubjectKeyIdentifier = hash\nauthorityKeyIdentifier = keyid:always\n`);
  const serial = '0x4' + crypto.randomBytes(15).toString('hex') + '1';
  execFileSync('openssl', ['x509', '-req', '-in', csr, '-CA', issuer.certFile, '-CAkey', issuer.keyFile, '-set_serial', serial, '-days', '200', '-sha256', '-extfile', ext, '-extensions', 'v3', '-out', crt], { stdio: 'pipe' });
  const der = execFileSync('openssl', ['x509', '-in', crt, '-outform', 'DER']);
  return { certFile: crt, keyFile: key, der: new Uint8Array(der) };
}
const deIssuer = { certFile: de.caCertFile, keyFile: de.caKeyFile };
const SIGNER_EXT = ['basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature', `extendedKeyUsage = critical, ${EKU.license}`];
const CA_EXT = ['basicConstraints = critical, CA:TRUE', 'keyUsage = critical, keyCertSign, cRLSign'];
const keyOf = async (c) => importPKCS8(fs.readFileSync(c.keyFile, 'utf8'), 'ES256');

// --- JWS forging ----------------------------------------------------------------------------
const header = (chain, extra = {}) => ({ alg: 'ES256', typ: 'xlic-license+jws', x5c: chain.map(b64), iat: IAT, ...extra });
/** Sign arbitrary protected-header and payload bytes (compact), with a WebCrypto or jose key. */
async function signRaw(headerText, payloadText, key, alg = 'ES256') {
  const h = b64u(enc(headerText));
  const p = b64u(enc(payloadText));
  const input = enc(`${h}.${p}`);
  const params = alg === 'ES256' ? { name: 'ECDSA', hash: 'SHA-256' } : { name: 'ECDSA', hash: 'SHA-384' };
  const s = new Uint8Array(await crypto.webcrypto.subtle.sign(params, key, input));
  return `${h}.${p}.${b64u(s)}`;
}
const validJws = (await signDocument(license, sig(de.license), { signingTime: SIGNED })).jws;

// --- cases ----------------------------------------------------------------------------------
const cases = [];
const PEM_TRUST = { pemRoots: [roots] };
function add(c) {
  if (cases.some((x) => x.id === c.id)) throw new Error(`duplicate case ${c.id}`);
  cases.push({ through: 'verify', trust: PEM_TRUST, at: AT, ...c });
}
const invalid = (code) => ({ verdict: 'INVALID', code, exit: 1 });
const verifyCase = async (id, attacker, description, text, expect, extra = {}) => add({ id, attacker, description, file: write(`${id}.jws`, text), expect, ...extra });

await verifyCase('control-valid', 'none', 'control: the untouched license signed by BAFA under the DE root: VALID (proves the setup)', validJws, { verdict: 'VALID', exit: 0 });

// Algorithm confusion.
const body = JSON.stringify(license);
await verifyCase('alg-none', 'forger', 'alg "none" with an empty signature', `${b64u(enc(JSON.stringify(header([de.license.certificate], { alg: 'none' }))))}.${b64u(enc(body))}.`, invalid('JWS_ALG_NOT_ALLOWED'));
{
  const secret = enc(toPem(de.license.certificate, 'CERTIFICATE'));
  const jws = await new CompactSign(enc(body)).setProtectedHeader(header([de.license.certificate], { alg: 'HS256' })).sign(secret);
  await verifyCase('alg-hs256-public-key', 'forger', 'HS256 keyed with the signer certificate PEM (public-key-as-HMAC-secret confusion)', jws, invalid('JWS_ALG_NOT_ALLOWED'));
  const jws2 = await new CompactSign(enc(body)).setProtectedHeader(header([de.license.certificate], { alg: 'HS256' })).sign(de.license.certificate);
  await verifyCase('alg-hs256-der', 'forger', 'HS256 keyed with the signer certificate DER', jws2, invalid('JWS_ALG_NOT_ALLOWED'));
}
{
  const rsa = await de.issue('license-signing', 2, 'PS256');
  const jws = await signRaw(JSON.stringify(header([rsa.certificate])), body, de.license.privateKey);
  await verifyCase('alg-es256-over-rsa', 'forger', 'ES256 header over an RSA signer certificate (signed with some EC key)', jws, invalid('JWS_ALG_KEY_MISMATCH'));
  const ps = await signRaw(JSON.stringify(header([de.license.certificate], { alg: 'PS256' })), body, de.license.privateKey);
  await verifyCase('alg-ps256-over-ec', 'forger', 'PS256 header over an EC P-256 signer certificate', ps, invalid('JWS_ALG_KEY_MISMATCH'));
  const rs = await signRaw(JSON.stringify(header([de.license.certificate], { alg: 'RS256' })), body, de.license.privateKey);
  await verifyCase('alg-rs256', 'forger', 'RS256 (PKCS#1 v1.5) is outside the profile', rs, invalid('JWS_ALG_NOT_ALLOWED'));
}
{
  const attacker = await crypto.webcrypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, true, ['sign', 'verify']);
  const jwk = await crypto.webcrypto.subtle.exportKey('jwk', attacker.publicKey);
  await verifyCase('header-jwk-injection', 'forger', 'the attacker embeds his own key as "jwk" in the header', await signRaw(JSON.stringify(header([de.license.certificate], { jwk: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, y: jwk.y } })), body, attacker.privateKey), invalid('JWS_HEADER_FORBIDDEN'));
  await verifyCase('header-jku', 'forger', '"jku" pointing at an attacker key set', await signRaw(JSON.stringify(header([de.license.certificate], { jku: 'https://attacker.example/keys' })), body, attacker.privateKey), invalid('JWS_HEADER_FORBIDDEN'));
  await verifyCase('header-crit', 'forger', '"crit" naming an extension the verifier would have to understand', await signRaw(JSON.stringify(header([de.license.certificate], { crit: ['exp'], exp: 1 })), body, de.license.privateKey), invalid('JWS_CRIT_UNSUPPORTED'));
  await verifyCase('header-b64-false', 'forger', '"b64": false (unencoded payload) changes what the signature covers', await signRaw(JSON.stringify(header([de.license.certificate], { b64: false, crit: ['b64'] })), body, de.license.privateKey), invalid('JWS_CRIT_UNSUPPORTED'));
  await verifyCase('signature-wrong-key', 'forger', 'a valid BAFA x5c, signed with the attacker\'s key', await signRaw(JSON.stringify(header([de.license.certificate])), body, attacker.privateKey), invalid('JWS_SIGNATURE_INVALID'));
}

// Certificate chains.
{
  const jws = (await signDocument(license, { privateKey: impostor.license.privateKey, algorithm: 'ES256', chain: [impostor.license.certificate, impostor.ca.certificate] }, { signingTime: SIGNED })).jws;
  await verifyCase('x5c-attacker-chain', 'forger', 'x5c is a complete chain to an attacker-made root with the same name as the BAFA root', jws, invalid('CERT_UNTRUSTED_ROOT'));
  const frJws = (await signDocument(license, sig(fr.license), { signingTime: SIGNED })).jws;
  await verifyCase('x5c-other-jurisdiction', 'insider at an allied agency', 'a valid chain to the French root (trusted for FR licenses) on a license naming BAFA (DE) as issuer', frJws, invalid('TRUST_ISSUER_MISMATCH'));
  const listSigned = await signRaw(JSON.stringify(header([de.list.certificate])), body, de.list.privateKey);
  await verifyCase('signer-wrong-eku', 'compromised signer key', 'a BAFA list-signing certificate used to sign a license', listSigned, invalid('CERT_EKU_MISSING'));

  const noEku = opensslCert(deIssuer, 'BAFA signer without EKU', ['basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature']);
  await verifyCase('signer-no-eku', 'insider at an allied agency', 'signer certificate without the license-signing extended key usage (openssl)', await signRaw(JSON.stringify(header([noEku.der])), body, await keyOf(noEku)), invalid('CERT_EKU_MISSING'));
  const caSigner = opensslCert(deIssuer, 'BAFA CA used as signer', ['basicConstraints = critical, CA:TRUE, pathlen:0', 'keyUsage = critical, digitalSignature, keyCertSign, cRLSign', `extendedKeyUsage = critical, ${EKU.license}`]);
  await verifyCase('signer-is-ca', 'insider at an allied agency', 'a CA certificate (with the license EKU) used as the signer', await signRaw(JSON.stringify(header([caSigner.der])), body, await keyOf(caSigner)), invalid('CERT_SIGNER_IS_CA'));
  const rootAsSigner = await signRaw(JSON.stringify(header([de.ca.certificate])), body, de.ca.privateKey);
  await verifyCase('signer-is-root', 'compromised signer key', 'the BAFA root key signs a license directly', rootAsSigner, invalid('CERT_SIGNER_IS_CA'));
  const critical = opensslCert(deIssuer, 'BAFA signer with unknown critical extension', [...SIGNER_EXT, '1.3.6.1.4.1.55555.1 = critical, ASN1:NULL']);
  await verifyCase('signer-unknown-critical-extension', 'insider at an allied agency', 'signer certificate with an unknown critical extension', await signRaw(JSON.stringify(header([critical.der])), body, await keyOf(critical)), invalid('CERT_UNKNOWN_CRITICAL_EXTENSION'));

  const i1 = opensslCert(deIssuer, 'BAFA Issuing CA 1', CA_EXT);
  const s1 = opensslCert(i1, 'BAFA license-signing signer 11', SIGNER_EXT);
  await verifyCase('chain-intermediate-control', 'none', 'control: signer under an openssl intermediate CA under the DE root: VALID', await signRaw(JSON.stringify(header([s1.der, i1.der])), body, await keyOf(s1)), { verdict: 'VALID', exit: 0 });
  await verifyCase('chain-loop-self', 'forger', 'x5c repeats the signer certificate', await signRaw(JSON.stringify(header([s1.der, s1.der])), body, await keyOf(s1)), invalid('CERT_CHAIN_LOOP'));
  await verifyCase('chain-loop-intermediate', 'forger', 'x5c repeats the intermediate', await signRaw(JSON.stringify(header([s1.der, i1.der, i1.der])), body, await keyOf(s1)), invalid('CERT_CHAIN_LOOP'));
  const i2 = opensslCert(i1, 'BAFA Issuing CA 2', CA_EXT);
  const i3 = opensslCert(i2, 'BAFA Issuing CA 3', CA_EXT);
  const s3 = opensslCert(i3, 'BAFA license-signing signer 13', SIGNER_EXT);
  await verifyCase('chain-too-long-path', 'insider at an allied agency', 'signer under three intermediates: x5c has 4 entries, the path with the root 5', await signRaw(JSON.stringify(header([s3.der, i3.der, i2.der, i1.der])), body, await keyOf(s3)), invalid('CERT_CHAIN_TOO_LONG'));
  await verifyCase('chain-too-long-x5c', 'forger', 'x5c with 5 certificates', await signRaw(JSON.stringify(header([s3.der, i3.der, i2.der, i1.der, de.ca.certificate])), body, await keyOf(s3)), invalid('JWS_HEADER_INVALID'));
  const s2 = opensslCert(i2, 'BAFA license-signing signer 12', SIGNER_EXT);
  await verifyCase('chain-path-length', 'insider at an allied agency', 'two intermediates below a root with pathLenConstraint 1', await signRaw(JSON.stringify(header([s2.der, i2.der, i1.der])), body, await keyOf(s2)), invalid('CERT_PATH_LENGTH'));
  const icrit = opensslCert(deIssuer, 'BAFA Issuing CA 9', [...CA_EXT, '1.3.6.1.4.1.55555.2 = critical, ASN1:UTF8String:policy']);
  const scrit = opensslCert(icrit, 'BAFA license-signing signer 19', SIGNER_EXT);
  await verifyCase('intermediate-unknown-critical-extension', 'insider at an allied agency', 'intermediate CA with an unknown critical extension', await signRaw(JSON.stringify(header([scrit.der, icrit.der])), body, await keyOf(scrit)), invalid('CERT_UNKNOWN_CRITICAL_EXTENSION'));
  const notCa = opensslCert(deIssuer, 'BAFA end entity that issues', ['basicConstraints = critical, CA:FALSE', 'keyUsage = critical, digitalSignature, keyCertSign']);
  const underNotCa = opensslCert(notCa, 'BAFA license-signing signer 20', SIGNER_EXT);
  await verifyCase('chain-issuer-not-ca', 'insider at an allied agency', 'a signer certificate issued by an end-entity certificate', await signRaw(JSON.stringify(header([underNotCa.der, notCa.der])), body, await keyOf(underNotCa)), invalid('CERT_NOT_CA'));
  const garbage = b64(de.license.certificate).slice(0, 200);
  await verifyCase('x5c-truncated', 'forger', 'x5c entry cut short (truncated base64 DER)', await signRaw(JSON.stringify({ ...header([]), x5c: [garbage] }), body, de.license.privateKey), invalid('CERT_PARSE'));
}

// JSON that parses differently in different parsers, in the payload and in the header.
const key = de.license.privateKey;
const h0 = JSON.stringify(header([de.license.certificate]));
const withMember = (json, member) => `{${member},${json.slice(1)}`;
await verifyCase('payload-duplicate-key', 'forger', 'payload with "id" twice: first-wins and last-wins parsers would read two licenses', await signRaw(h0, withMember(body, '"id":"DE-BAFA-EA-2026-999999"'), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-duplicate-escaped-key', 'forger', 'payload with "id" and "\\u0069d"', await signRaw(h0, withMember(body, '"\\u0069d":"DE-BAFA-EA-2026-999999"'), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-nested-duplicate', 'forger', 'duplicate "value" in the first item quantity', await signRaw(h0, body.replace('"quantity":{', '"quantity":{"value":999,'), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-trailing-data', 'forger', 'a second JSON value after the document (lenient parsers stop at the first)', await signRaw(h0, body + '{"id":"X"}', key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-comment', 'forger', 'a /* comment */ inside the payload (JSON5-style parsers accept it)', await signRaw(h0, body.replace('{', '{/*x*/'), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-big-number', 'forger', 'a quantity of 1e400 (Infinity in some parsers, an error in others)', await signRaw(h0, body.replace(/"value":\d+/, '"value":1e400'), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-long-number', 'forger', 'a quantity written with 80 digits (precision differs between parsers)', await signRaw(h0, body.replace(/"value":\d+/, `"value":${'1'.repeat(80)}`), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-leading-zero', 'forger', 'a line number 01 (octal in some parsers)', await signRaw(h0, body.replace('"line":1', '"line":01'), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-proto', 'forger', '"__proto__" member in the payload: an own property, then an unknown field', await signRaw(h0, withMember(body, '"__proto__":{"licenseType":"general"}'), key), invalid('SCHEMA_UNKNOWN_FIELD'));
await verifyCase('payload-constructor', 'forger', '"constructor" member in the exporter', await signRaw(h0, body.replace('"exporter":{', '"exporter":{"constructor":{"prototype":{"x":1}},'), key), invalid('SCHEMA_UNKNOWN_FIELD'));
await verifyCase('header-duplicate-alg', 'forger', 'protected header with "alg":"none" and "alg":"ES256"', await signRaw(withMember(h0, '"alg":"none"'), body, key), invalid('JWS_HEADER_INVALID'));
await verifyCase('header-duplicate-x5c', 'forger', 'protected header with two x5c chains (attacker chain first)', await signRaw(withMember(h0, `"x5c":["${b64(impostor.license.certificate)}"]`), body, key), invalid('JWS_HEADER_INVALID'));
{
  const { x5c: _drop, ...rest } = header([de.license.certificate]);
  await verifyCase('header-proto-x5c', 'forger', 'x5c hidden under "__proto__" in the header: never inherited', await signRaw(JSON.stringify(rest).replace('{', `{"__proto__":{"x5c":["${b64(de.license.certificate)}"]},`), body, key), invalid('JWS_X5C_MISSING'));
}
await verifyCase('header-deep', 'forger', 'protected header nested 10 000 levels deep', await signRaw(withMember(h0, `"kid":${'['.repeat(10000)}${']'.repeat(10000)}`), body, key), invalid('JWS_HEADER_INVALID'));

// Party names that display as something else: VALID, flagged with a warning.
const named = async (id, description, mutate) => {
  const doc = structuredClone(license);
  mutate(doc);
  await verifyCase(id, 'insider at an allied agency', description, (await signDocument(doc, sig(de.license), { signingTime: SIGNED })).jws, { verdict: 'VALID', exit: 0, warnings: ['PARTY_NAME_SUSPICIOUS_CHARACTERS'] });
};
await named('name-cyrillic-lookalike', 'consignee "Rоsoboronexport" spelled with a Cyrillic о inside a Latin word', (d) => { d.consignee.legalNameLatin = 'R\u043Esoboronexport'; });
await named('name-greek-lookalike', 'end user with a Greek omicron in a Latin name', (d) => { d.endUsers[0].legalName = 'T\u03BFkai Seimitsu'; });
await named('name-bidi-override', 'exporter name with a right-to-left override (U+202E) reversing the visible tail', (d) => { d.exporter.legalName = 'Schwarzwald \u202Eeidnaf\u202C GmbH'; });
await named('name-bidi-isolate', 'end user name with a first-strong isolate (U+2068) and a left-to-right mark', (d) => { d.endUsers[0].legalName = 'Tokai \u2068Seimitsu\u2069\u200E K.K.'; });
await named('name-zero-width', 'consignee name with a zero-width space splitting a screened word', (d) => { d.consignee.legalNameLatin = 'Maru\u200Bnouchi Machinery'; });

// Enormous values and truncation.
await verifyCase('payload-huge-quantity', 'forger', 'a quantity of 1e300 (beyond the schema maximum)', await signRaw(h0, body.replace(/"value":\d+/, '"value":1e300'), key), invalid('SCHEMA_RANGE'));
await verifyCase('payload-long-description', 'forger', 'an item description of 5000 characters', await signRaw(h0, body.replace('"description":"', `"description":"${'A'.repeat(5000)}`), key), invalid('SCHEMA_TOO_LONG'));
await verifyCase('payload-string-too-long', 'forger', 'a description of 1 048 577 characters (over the string limit)', await signRaw(h0, body.replace('"description":"', `"description":"${'A'.repeat(1048577)}`), key), invalid('JWS_PAYLOAD_INVALID'));
await verifyCase('payload-deep', 'forger', 'payload nested 100 000 levels deep (a recursive parser would overflow its stack)', await signRaw(h0, withMember(body, `"x":${'['.repeat(100000)}${']'.repeat(100000)}`), key), invalid('JWS_PAYLOAD_INVALID'));
{
  const [h, p, s] = validJws.split('.');
  const cut = (x, n) => x.slice(0, x.length - n);
  const p1 = p.slice(0, p.length - (((p.length % 4) + 3) % 4));
  await verifyCase('truncated-payload-b64', 'forger', 'payload part cut to a length that is not base64url (4n+1 characters)', `${h}.${p1}.${s}`, invalid('JWS_MALFORMED'));
  await verifyCase('truncated-signature', 'forger', 'signature part cut by 2 characters (62 bytes of an ECDSA signature)', `${h}.${p}.${cut(s, 2)}`, invalid('JWS_SIGNATURE_INVALID'));
  await verifyCase('truncated-jws', 'forger', 'the compact JWS cut in the middle of the payload', validJws.slice(0, Math.floor(validJws.length / 2)), invalid('JWS_MALFORMED'));
  await verifyCase('b64-noncanonical', 'forger', 'signature base64url with non-zero unused bits in its last character (a second spelling of the same bytes)', `${h}.${p}.${s.slice(0, -1)}${nonCanonical(s)}`, invalid('JWS_MALFORMED'));
  const nine = { payload: p, signatures: Array.from({ length: 9 }, () => ({ protected: h, signature: s })) };
  await verifyCase('signatures-nine', 'forger', 'JSON serialization with 9 signatures (limit 8)', JSON.stringify(nine), invalid('JWS_MALFORMED'));
  const eight = { payload: p, signatures: Array.from({ length: 8 }, () => ({ protected: h, signature: s })) };
  await verifyCase('signatures-eight-same', 'forger', '8 copies of the issuer signature (within the limit): the same agency signing twice', JSON.stringify(eight), invalid('JWS_SIGNATURES_DISAGREE'));
  await verifyCase('unprotected-header', 'forger', 'flattened JSON with an unprotected "header" carrying x5c', JSON.stringify({ payload: p, protected: h, header: { x5c: [b64(impostor.license.certificate)] }, signature: s }), invalid('JWS_UNPROTECTED_HEADER'));
}
function nonCanonical(x) {
  // An ES256 signature is 64 bytes: 86 characters, the last one carrying 4 unused bits.
  if (x.length % 4 !== 2) throw new Error('expected 4 unused bits');
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
  return alphabet[alphabet.indexOf(x[x.length - 1]) ^ 1];
}

// Unsigned documents through `xlic validate`.
const validateCase = (id, attacker, description, text, expect) => add({ id, attacker, description, through: 'validate', file: write(`${id}.json`, text), expect, trust: undefined, at: undefined });
validateCase('validate-duplicate-key', 'forger', 'unsigned license with "destinations" twice', withMember(body, '"destinations":["IR"]'), { code: 'JSON_DUPLICATE_KEY', exit: 2 });
validateCase('validate-proto', 'forger', 'unsigned license with "__proto__"', withMember(body, '"__proto__":{"valid":true}'), { code: 'SCHEMA_UNKNOWN_FIELD', exit: 1 });
validateCase('validate-deep', 'forger', 'unsigned JSON nested 50 000 levels', `${'['.repeat(50000)}${']'.repeat(50000)}`, { code: 'JSON_TOO_DEEP', exit: 2 });
validateCase('validate-bom-twice', 'forger', 'two byte-order marks', '\uFEFF\uFEFF' + body, { code: 'JSON_SYNTAX', exit: 2 });
validateCase('validate-utf16', 'forger', 'the license in UTF-16 (NUL bytes)', Buffer.from('\uFEFF' + body, 'utf16le'), { code: 'INPUT_BINARY', exit: 2 });
validateCase('validate-nan', 'forger', 'NaN as a quantity', body.replace(/"value":\d+/, '"value":NaN'), { code: 'JSON_SYNTAX', exit: 2 });
validateCase('validate-too-many-items', 'forger', 'a license with 1001 items (limit 1000)', JSON.stringify({ ...license, items: Array.from({ length: 1001 }, (_, i) => ({ ...license.items[0], line: i + 1 })) }), { code: 'SCHEMA_TOO_MANY_ITEMS', exit: 1 });

// QR: a deflate bomb, and a forged single part. An undecodable scan is an input error (exit 2).
{
  const bomb = zlib.deflateSync(Buffer.alloc(64 * 1024 * 1024), { level: 9 });
  const text = 'XL1:' + encodeBase45(new Uint8Array(bomb));
  add({ id: 'qr-zip-bomb', attacker: 'forger', description: `QR payload of ${text.length} characters that inflates to 64 MiB (limit 4 MiB)`, through: 'qr', file: write('qr-zip-bomb.txt', text), expect: { code: 'QR_INFLATE_LIMIT', exit: 2 } });
  add({ id: 'qr-not-zlib', attacker: 'forger', description: 'XL1: text whose Base45 is not a zlib stream', through: 'qr', file: write('qr-not-zlib.txt', 'XL1:' + encodeBase45(enc('not compressed at all'))), expect: { code: 'QR_MALFORMED', exit: 2 } });
  const parts = ['XL1/1/2/00000000:AAAA', 'XL1/2/2/00000000:BBBB'];
  add({ id: 'qr-part-hash', attacker: 'forger', description: 'two QR parts whose hash does not match their content', through: 'qr', file: write('qr-part-hash.txt', parts.join('\n')), expect: { code: 'QR_PART_MISMATCH', exit: 2 } });
}

// PDFs: built from examples/pdf/de-valid.pdf (signed under examples/signed PKI).
{
  const SIGNED_TRUST = { trustLists: ['examples/signed/trust/jp-meti-trust-list.jws', 'examples/signed/trust/de-bafa-trust-list.jws'], statusLists: ['examples/signed/status/de-bafa-status.jws'] };
  const PDF_AT = '2026-11-23T12:00:00Z';
  const base = fs.readFileSync(path.join(repo, 'examples/pdf/de-valid.pdf'));
  const pdfCase = (id, attacker, description, bytes, code) => add({ id, attacker, description, through: 'pdf', file: write(`${id}.pdf`, bytes), trust: SIGNED_TRUST, at: PDF_AT, expect: invalid(code) });
  const save = (doc) => doc.save({ useObjectStreams: false, addDefaultPage: false, updateFieldAppearances: false });
  add({ id: 'pdf-control', attacker: 'none', description: 'control: the rendered license PDF, unchanged: VALID', through: 'pdf', file: write('pdf-control.pdf', base), trust: SIGNED_TRUST, at: PDF_AT, expect: { verdict: 'VALID', exit: 0 } });

  const attach = async (doc, name, bytes, relationship = 'Source') => {
    const stream = doc.context.register(doc.context.flateStream(bytes, { Type: 'EmbeddedFile', Subtype: 'application/jose' }));
    const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of(name), UF: PDFString.of(name), EF: { F: stream }, AFRelationship: relationship }));
    doc.catalog.lookup(PDFName.of('AF')).push(spec);
    return spec;
  };
  {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    await attach(doc, 'license.jws', enc(fs.readFileSync(path.join(repo, 'examples/signed/licenses/revoked-license.jws'), 'utf8')));
    pdfCase('pdf-two-licenses', 'malicious PDF', 'a second /Source license attachment (another, revoked license)', await save(doc), 'PDF_CONFLICTING_ATTACHMENTS');
  }
  {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const stream = doc.context.register(doc.context.stream(enc('this is not flate data at all'), { Type: 'EmbeddedFile', Filter: 'FlateDecode' }));
    const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('declaration-X.jws'), UF: PDFString.of('declaration-X.jws'), EF: { F: stream }, AFRelationship: 'Supplement' }));
    doc.catalog.lookup(PDFName.of('AF')).push(spec);
    pdfCase('pdf-malformed-attachment', 'malicious PDF', 'an attached declaration whose Flate stream is corrupt', await save(doc), 'PDF_MALFORMED');
  }
  {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const stream = doc.context.register(doc.context.stream(zlib.deflateSync(Buffer.alloc(200 * 1024 * 1024), { level: 9 }), { Type: 'EmbeddedFile', Filter: 'FlateDecode' }));
    const spec = doc.context.register(doc.context.obj({ Type: 'Filespec', F: PDFString.of('declaration-Y.jws'), UF: PDFString.of('declaration-Y.jws'), EF: { F: stream }, AFRelationship: 'Supplement' }));
    doc.catalog.lookup(PDFName.of('AF')).push(spec);
    pdfCase('pdf-attachment-bomb', 'malicious PDF', 'an attachment of 200 KB that inflates to 200 MiB (deflate bomb; limit 16 MiB)', await save(doc), 'PDF_TOO_LARGE');
  }
  {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    doc.catalog.set(PDFName.of('OpenAction'), doc.context.obj({ S: 'JavaScript', JS: PDFString.of('app.alert("cleared")') }));
    pdfCase('pdf-javascript', 'malicious PDF', 'a JavaScript open action', await save(doc), 'PDF_ACTIVE_CONTENT');
  }
  {
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const page = doc.getPage(0);
    const annot = doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [0, 0, 600, 800], A: { S: 'Launch', F: PDFString.of('cmd.exe') } }));
    page.node.set(PDFName.of('Annots'), doc.context.obj([annot]));
    pdfCase('pdf-launch', 'malicious PDF', 'a page-wide link annotation with a Launch action', await save(doc), 'PDF_ACTIVE_CONTENT');
  }
  {
    // Incremental update: a new version of page 1's content stream (a white box over the top of
    // the page, hiding the license number), appended after the original %%EOF as viewers do.
    const doc = await PDFDocument.load(base, { updateMetadata: false });
    const contents = doc.getPage(0).node.get(PDFName.of('Contents'));
    const ref = contents.asArray ? contents.get(0) : contents;
    const original = doc.context.lookup(ref);
    const decoded = zlib.inflateSync(Buffer.from(original.contents));
    const changed = Buffer.concat([decoded, Buffer.from('\nq 1 1 1 rg 0 600 595 200 re f Q\n')]);
    const text = base.toString('latin1');
    const prevXref = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(text)[1]);
    const trailer = text.slice(text.lastIndexOf('trailer'));
    const size = /\/Size (\d+)/.exec(trailer)[1];
    const root = /\/Root (\d+ \d+ R)/.exec(trailer)[1];
    const objStart = base.length + 1;
    const obj = Buffer.concat([Buffer.from(`\n${ref.objectNumber} 0 obj\n<< /Length ${changed.length} >>\nstream\n`, 'latin1'), changed, Buffer.from('\nendstream\nendobj\n')]);
    const xrefAt = base.length + obj.length;
    const tail = `xref\n0 1\n0000000000 65535 f \n${ref.objectNumber} 1\n${String(objStart).padStart(10, '0')} 00000 n \ntrailer\n<< /Size ${size} /Root ${root} /Prev ${prevXref} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
    pdfCase('pdf-incremental-update', 'malicious PDF', 'an incremental update that replaces page 1\'s content (a white box over the license number)', Buffer.concat([base, obj, Buffer.from(tail, 'latin1')]), 'PDF_INCREMENTAL_UPDATE');
  }
  {
    // An object stream that pdf-lib would inflate while parsing: 300 KB inflating to 300 MiB.
    const bombData = zlib.deflateSync(Buffer.alloc(300 * 1024 * 1024, 0x20), { level: 9 });
    const text = base.toString('latin1');
    const n = Number(/\/Size (\d+)/.exec(text.slice(text.lastIndexOf('trailer')))[1]);
    const obj = Buffer.concat([Buffer.from(`${n} 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter /FlateDecode /Length ${bombData.length} >>\nstream\n`, 'latin1'), bombData, Buffer.from('\nendstream\nendobj\n')]);
    const cut = text.lastIndexOf('xref');
    pdfCase('pdf-object-stream-bomb', 'malicious PDF', 'an object stream that inflates to 300 MiB while the PDF is parsed', Buffer.concat([base.subarray(0, cut), obj, base.subarray(cut)]), 'PDF_TOO_LARGE');
  }
}

// Malicious trust lists, status lists and bundles (loadTrust / `xlic verify --trust|--status|--bundle`).
{
  const entry = async (a, roles) => ({ agency: { country: a.country, agencyId: a.agencyId, name: a.name }, roles, certificates: [{ x5c: b64(a.ca.certificate), sha256: crypto.createHash('sha256').update(a.ca.certificate).digest('hex') }], validFrom: new Date(NOW.getTime() - 86400_000).toISOString().replace('.000Z', 'Z'), validUntil: '2031-11-01T00:00:00Z' });
  const listDoc = (publisher, entries, sequence = 1) => ({ documentType: 'trust-list', schemaVersion: '1.0', id: `${publisher.country}-${publisher.agencyId}-TL`, sequence, publisher: { country: publisher.country, agencyId: publisher.agencyId, name: publisher.name }, issuedAt: new Date(NOW.getTime() - 3600_000).toISOString().replace('.000Z', 'Z'), nextUpdate: new Date(NOW.getTime() + 20 * 86400_000).toISOString().replace('.000Z', 'Z'), entries });
  const deListDoc = listDoc(de, [await entry(de, ['license-issuer', 'trust-list-publisher', 'status-publisher']), await entry(fr, ['license-issuer', 'trust-list-publisher'])]);
  const anchor = write('trust-de-anchor.jws', (await signDocument(deListDoc, sig(de.list), { signingTime: new Date(NOW.getTime() - 60_000) })).jws);
  const frListDoc = listDoc(fr, [await entry(fr, ['license-issuer', 'trust-list-publisher'])]);
  const trustCase = (id, attacker, description, option, text, code, setup = [anchor]) => add({ id, attacker, description, through: option, file: write(`${id}.jws`, text), trust: { trustLists: setup }, expect: { code, exit: 2 } });
  add({ id: 'trust-control', attacker: 'none', description: 'control: the license verified with the DE anchor list: VALID', file: write('trust-control.jws', validJws), trust: { trustLists: [anchor] }, expect: { verdict: 'VALID', exit: 0 } });

  const signedBy = async (doc, signer) => (await signDocument(doc, sig(signer), { signingTime: new Date(NOW.getTime() - 60_000) })).jws;
  trustCase('trust-anchor-not-self-listed', 'malicious trust list', 'an anchor list signed under the FR root, which the list does not name as its own publisher', 'trust', await signedBy(deListDoc, fr.list), 'TRUST_LIST_REJECTED', []);
  trustCase('trust-ally-impersonates', 'insider at an allied agency', 'FR publishes a list in the name of DE BAFA (signed under the FR root)', 'trust', await signedBy({ ...frListDoc, id: 'DE-BAFA-TL2', publisher: deListDoc.publisher, entries: [await entry(impostor, ['license-issuer'])] }, fr.list), 'TRUST_LIST_REJECTED');
  trustCase('trust-list-duplicate-key', 'malicious trust list', 'an allied list whose payload has "entries" twice', 'trust', await signRaw(JSON.stringify({ alg: 'ES384', typ: 'xlic-trust-list+jws', x5c: [b64(fr.list.certificate)], iat: IAT - 60 }), withMember(JSON.stringify(frListDoc), `"entries":[${JSON.stringify(await entry(impostor, ['license-issuer']))}]`), fr.list.privateKey, 'ES384'), 'TRUST_LIST_REJECTED');
  trustCase('trust-list-license-signer', 'compromised signer key', 'an allied list signed with a license-signing key', 'trust', await signRaw(JSON.stringify({ alg: 'ES384', typ: 'xlic-trust-list+jws', x5c: [b64(fr.license.certificate)], iat: IAT - 60 }), JSON.stringify(frListDoc), fr.license.privateKey, 'ES384'), 'TRUST_LIST_REJECTED');
  const status = { documentType: 'status-list', schemaVersion: '1.0', id: 'DE-BAFA-STATUS', sequence: 9, issuer: { country: 'DE', agencyId: 'BAFA', name: de.name }, issuedAt: deListDoc.issuedAt, nextUpdate: deListDoc.nextUpdate, entries: [] };
  trustCase('status-by-other-agency', 'insider at an allied agency', 'a DE status list (clearing every license) signed by FR', 'status', await signRaw(JSON.stringify({ alg: 'ES384', typ: 'xlic-status-list+jws', x5c: [b64(fr.list.certificate)], iat: IAT - 60 }), JSON.stringify(status), fr.list.privateKey, 'ES384'), 'STATUS_LIST_REJECTED');
  const goodStatus = await signedBy(status, de.list);
  const [sh, sp, ss] = goodStatus.split('.');
  trustCase('status-tampered', 'malicious status list', 'a DE status list whose payload was edited after signing', 'status', `${sh}.${b64u(enc(Buffer.from(sp, 'base64url').toString().replace('"sequence":9', '"sequence":99')))}.${ss}`, 'STATUS_LIST_REJECTED');
  const bundle = { documentType: 'bundle', schemaVersion: '1.0', id: 'DE-BORDER-1', publisher: deListDoc.publisher, asOf: new Date(NOW.getTime() - 60_000).toISOString().replace('.000Z', 'Z'), trustLists: [fs.readFileSync(path.join(repo, anchor), 'utf8')], statusLists: [goodStatus], crls: [] };
  const goodBundle = await signedBy(bundle, de.list).catch(() => undefined);
  if (goodBundle) {
    const [bh, bp, bs] = goodBundle.split('.');
    add({ id: 'bundle-tampered', attacker: 'malicious bundle', description: 'an offline bundle with a trust list swapped after signing', through: 'bundle', file: write('bundle-tampered.jws', `${bh}.${b64u(enc(Buffer.from(bp, 'base64url').toString().replace('"DE-BORDER-1"', '"DE-BORDER-2"')))}.${bs}`), trust: {}, expect: { code: 'BUNDLE_REJECTED', exit: 2 } });
    add({ id: 'bundle-from-future', attacker: 'malicious bundle', description: 'a bundle dated a year after the verification time', through: 'bundle', file: write('bundle-from-future.jws', await signedBy({ ...bundle, asOf: new Date(NOW.getTime() + 365 * 86400_000).toISOString().replace('.000Z', 'Z') }, de.list).catch(() => 'not signable')), trust: {}, expect: { code: 'BUNDLE_REJECTED', exit: 2 } });
  }
}

fs.writeFileSync(path.join(repo, 'test/adversarial/cases.json'), JSON.stringify({
  description: 'Adversarial corpus: each case is verified through the library and the CLI (test/adversarial/adversarial.test.ts) and must give `expect` (code, verdict, exit status). `through`: verify (a signed document with `trust`), pdf, qr (texts, one a line), validate (unsigned), trust/status/bundle (a malicious trust input loaded after `trust.trustLists`). Generated by test/adversarial/generate.mjs; see docs/SECURITY.md.',
  at: AT,
  cases,
}, null, 2) + '\n');
fs.rmSync(tmp, { recursive: true, force: true });
console.log(`wrote ${cases.length} adversarial cases to ${rel(outDir)}`);
