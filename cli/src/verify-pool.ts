import { Worker } from 'node:worker_threads';
import type { VerifyEnvFlags } from './io/verify-env.js';
import type { Brief } from './verify-brief.js';

/**
 * Verify `files` on `jobs` worker threads, each loading the trust inputs once and keeping
 * `inFlight` verifications going; `onBrief` is called as each result arrives (completion order).
 */
export async function verifyInWorkers(files: string[], flags: VerifyEnvFlags & { at: string; requireFreshStatus?: boolean; json?: boolean }, jobs: number, inFlight: number, onBrief: (b: Brief) => void): Promise<void> {
  const url = new URL('./workers/verify-worker.js', import.meta.url);
  const chunk = Math.max(1, Math.min(64, Math.ceil(files.length / (jobs * 8))));
  let next = 0;
  let remaining = files.length;
  await new Promise<void>((resolve, reject) => {
    const workers: Worker[] = [];
    const finish = (error?: Error): void => {
      for (const w of workers) void w.terminate();
      if (error) reject(error);
      else resolve();
    };
    const feed = (w: Worker, pending: { n: number }): void => {
      // Keep each worker a little ahead of what it has in flight.
      while (pending.n < inFlight * 2 && next < files.length) {
        const batch = files.slice(next, next + chunk);
        next += batch.length;
        pending.n += batch.length;
        w.postMessage({ files: batch });
      }
    };
    for (let i = 0; i < jobs; i++) {
      const w = new Worker(url, { workerData: { flags, inFlight } });
      const pending = { n: 0 };
      workers.push(w);
      w.on('message', (msg: { ready?: boolean; briefs?: Brief[]; fatal?: string }) => {
        if (msg.fatal) return finish(new Error(msg.fatal));
        for (const b of msg.briefs ?? []) {
          pending.n--;
          remaining--;
          onBrief(b);
        }
        if (remaining === 0) return finish();
        feed(w, pending);
      });
      w.on('error', (e) => finish(e));
    }
    if (files.length === 0) finish();
  });
}
