import { isXlicError } from '@xlic/core';
import { loadTrust, type NamedText } from '@xlic/verify';
import { EXIT } from '../exit-status.js';
import { readInput } from '../io/read-input.js';
import { parseTime } from '../io/time.js';
import { styleFor } from '../output/style.js';
import { out, outJson } from '../output/write.js';

export interface TrustVerifyFlags {
  trust?: string[];
  pin?: string[];
  at?: string;
  json?: boolean;
}

const named = async (p: string): Promise<NamedText> => {
  const { name, bytes } = await readInput(p);
  return { name, text: new TextDecoder().decode(bytes) };
};

/**
 * `xlic trust verify <list.jws>`: with no --trust, check the list as your own anchor list (signed under
 * a root it names as trust-list-publisher for itself, optionally pinned); with --trust, check that the
 * lists you already trust vouch for its publisher.
 */
export async function trustVerifyCommand(file: string, flags: TrustVerifyFlags): Promise<number> {
  const at = parseTime(flags.at);
  const given = await Promise.all((flags.trust ?? []).map(named));
  const target = await named(file);
  const s = styleFor(process.stdout);
  try {
    const ctx = await loadTrust({ trustLists: [...given, target], at, ...(flags.pin ? { pins: flags.pin } : {}) });
    const list = ctx.trustLists.find((l) => l.source.startsWith(target.name));
    if (!list) throw new Error('list not loaded');
    const vouchedBy = given.length ? `vouched for by ${given.map((g) => g.name).join(', ')}` : 'self-consistent anchor list (signed under a root it lists for its own publisher)';
    if (flags.json) outJson({ valid: true, id: list.id, sequence: list.sequence, publisher: list.publisher, nextUpdate: list.nextUpdate, stale: list.stale, vouchedBy: given.map((g) => g.name), notices: ctx.notices });
    else {
      out(`${s.ok(s.bold('VALID'))}    trust list ${list.id} #${list.sequence} by ${list.publisher}  ${s.dim(file)}`);
      out(`  Trust      ${vouchedBy}`);
      out(`  Next       update due ${list.nextUpdate}${list.stale ? s.warn(' — STALE') : ''}`);
      out(`  Agencies   ${ctx.index.anchors().filter((a) => a.source.startsWith(target.name)).map((a) => `${a.agency.agencyId} (${a.agency.country}): ${a.roles.join(', ')}`).join('; ')}`);
    }
    return EXIT.OK;
  } catch (e) {
    if (!isXlicError(e) || e.code !== 'TRUST_LIST_REJECTED') throw e;
    if (flags.json) outJson({ valid: false, code: e.code, reason: e.message });
    else {
      out(`${s.bad(s.bold('INVALID'))}  ${file}`);
      out(`  Reason     ${e.message} ${s.dim(`[${e.code}]`)}`);
    }
    return EXIT.INVALID;
  }
}
