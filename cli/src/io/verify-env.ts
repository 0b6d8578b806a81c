import { loadRules, type LoadedRules, type TrustContext } from '@xlic/verify';
import { readInput } from './read-input.js';
import { loadTrustFromFlags, type TrustFlags } from './trust-inputs.js';

/** What every verification in a run shares: trust, and the jurisdiction's rules. Loaded once per thread. */
export interface VerifyEnv {
  ctx: TrustContext;
  rules: LoadedRules[];
}

export interface VerifyEnvFlags extends TrustFlags {
  rules?: string[];
}

/** Load trust inputs and signed rules files (an unsigned or untrusted rules file stops the run). */
export async function loadVerifyEnv(flags: VerifyEnvFlags, at: Date): Promise<VerifyEnv> {
  const ctx = await loadTrustFromFlags(flags, at);
  const texts = await Promise.all((flags.rules ?? []).map(async (p) => ({ name: p, text: new TextDecoder().decode((await readInput(p)).bytes) })));
  return { ctx, rules: await loadRules(texts, ctx) };
}
