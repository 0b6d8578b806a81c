import { XlicError } from '@xlic/core';

/** Where a passphrase comes from: an environment variable (named), or a prompt on the terminal. Never a flag value. */
export interface PassphraseOptions {
  passphraseEnv?: string;
  passphrasePrompt?: boolean;
}

/** The default environment variable holding a key passphrase. */
export const DEFAULT_PASSPHRASE_ENV = 'XLIC_PASSPHRASE';

/**
 * The passphrase to protect or open a key with, or undefined when none is configured.
 * Order: --passphrase-prompt (asks on the terminal, input not echoed), then the variable named by
 * --passphrase-env, then XLIC_PASSPHRASE.
 */
export async function passphraseFrom(options: PassphraseOptions, purpose: string): Promise<string | undefined> {
  if (options.passphrasePrompt) return prompt(`Passphrase for ${purpose}: `);
  const name = options.passphraseEnv ?? DEFAULT_PASSPHRASE_ENV;
  const value = process.env[name];
  if (options.passphraseEnv && (value === undefined || value === '')) throw new XlicError('USAGE', `environment variable ${name} (from --passphrase-env) is not set`);
  return value === '' ? undefined : value;
}

async function prompt(question: string): Promise<string> {
  const stdin = process.stdin;
  if (!stdin.isTTY) throw new XlicError('USAGE', '--passphrase-prompt needs a terminal; use --passphrase-env VAR in scripts');
  process.stderr.write(question);
  stdin.setRawMode(true);
  stdin.resume();
  let value = '';
  try {
    for await (const chunk of stdin) {
      for (const ch of String(chunk)) {
        if (ch === '\r' || ch === '\n') return value;
        if (ch === '\u0003') throw new XlicError('USAGE', 'cancelled');
        if (ch === '\u007f') value = value.slice(0, -1);
        else value += ch;
      }
    }
    return value;
  } finally {
    stdin.setRawMode(false);
    stdin.pause();
    process.stderr.write('\n');
  }
}
