import { loadRules, type LoadedRules, type TrustContext } from '@xlic/verify';
import { readInput } from './read-input.js';
import { loadTrustFromFlags, type TrustFlags } from './trust-inputs.js';

/** What every verification in a run shares: trust, and the jurisdiction's rules. Loaded once per thread. */
export interface VerifyEnv {
  ctx: TrustContext;
  rules: LoadedRules[];
  /** Screening lists and denial notices (verified), when --screen or --denials were given. */
  screening?: import('../screening-checks.js').ScreeningInputs;
}

export interface VerifyEnvFlags extends TrustFlags {
  rules?: string[];
  screen?: string[];
  denials?: string[];
}

/** Load trust inputs and signed rules files (an unsigned or untrusted rules file stops the run). */
export async function loadVerifyEnv(flags: VerifyEnvFlags, at: Date): Promise<VerifyEnv> {
  const ctx = await loadTrustFromFlags(flags, at);
  const texts = await Promise.all((flags.rules ?? []).map(async (p) => ({ name: p, text: new TextDecoder().decode((await readInput(p)).bytes) })));
  const env: VerifyEnv = { ctx, rules: await loadRules(texts, ctx) };
  if (flags.screen?.length || flags.denials?.length) {
    // The screening stack (transliteration tables) loads only when screening is asked for.
    const { loadScreeningInputs } = await import('../screening-checks.js');
    env.screening = await loadScreeningInputs(flags.screen ?? [], flags.denials ?? [], ctx, at);
    ctx.notices.push(...env.screening.checks);
  }
  return env;
}
