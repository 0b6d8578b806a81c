#!/usr/bin/env node
// Thin launcher: the compiled CLI lives in ../dist (run `pnpm build` first).
import { run } from '../dist/main.js';

process.exitCode = await run(process.argv);
