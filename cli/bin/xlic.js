#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in ../dist (run `pnpm build` first).
import { run } from '../dist/main.js';

// A reader that stops early (`xlic verify … | head`) is not an error: exit quietly.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

process.exitCode = await run(process.argv);
