import { thumbprint, validatePath, type Purpose } from '@xlic/trust';
import { XlicError } from '@xlic/core';
import { EXIT } from '../exit-status.js';
import { readCertificates } from '../io/pem-file.js';
import { parseTime } from '../io/time.js';
import { loadTrustFromFlags, type TrustFlags } from '../io/trust-inputs.js';
import { styleFor } from '../output/style.js';
import { out, outJson } from '../output/write.js';

export interface CertVerifyFlags extends TrustFlags {
  intermediates?: string;
  at?: string;
  purpose?: string;
  json?: boolean;
}

const PURPOSES = ['any', 'license-signing', 'declaration-certifying', 'declaration-signing', 'list-signing'];

/** `xlic cert verify <cert.pem>`: RFC 5280 path validation of one certificate, alone. */
export async function certVerifyCommand(file: string, flags: CertVerifyFlags): Promise<number> {
  const purpose = flags.purpose ?? 'any';
  if (!PURPOSES.includes(purpose)) throw new XlicError('USAGE', `--purpose must be one of ${PURPOSES.join(', ')}`);
  const at = parseTime(flags.at);
  const ctx = await loadTrustFromFlags(flags, at);
  const chain = [...(await readCertificates(file)), ...(flags.intermediates ? await readCertificates(flags.intermediates) : [])];
  const r = await validatePath({ chain, anchors: ctx.index.anchors(), signingTime: at, now: at, purpose: purpose as Purpose, crls: ctx.crls });
  const subject = (c: { subject: { text: string } }): string => c.subject.text;
  const s = styleFor(process.stdout);
  if (flags.json) {
    outJson(r.ok
      ? { valid: true, subject: subject(r.leaf), thumbprint: await thumbprint(r.leaf.der), anchor: { subject: subject(r.anchor.parsed), agency: r.anchor.agency, roles: r.anchor.roles, source: r.anchor.source }, path: r.path.map(subject), warnings: r.warnings }
      : { valid: false, code: r.code, reason: r.message, warnings: r.warnings });
  } else if (r.ok) {
    out(`${s.ok(s.bold('VALID'))}    ${subject(r.leaf)}  ${s.dim(file)}`);
    out(`  Path       ${r.path.map(subject).join('  →  ')}`);
    out(`  Anchor     ${subject(r.anchor.parsed)} (${r.anchor.agency.agencyId}, ${r.anchor.agency.country}; ${r.anchor.roles.join(', ')}) from ${r.anchor.source}`);
    out(`  Purpose    ${purpose}${purpose === 'any' ? ' (EKU not checked)' : ''} · at ${at.toISOString()}`);
    for (const w of r.warnings) out(`    ${s.warn('!')} ${w.message} [${w.code}]`);
  } else {
    out(`${s.bad(s.bold('INVALID'))}  ${file}`);
    out(`  Reason     ${r.message} ${s.dim(`[${r.code}]`)}`);
  }
  return r.ok ? EXIT.OK : EXIT.INVALID;
}
