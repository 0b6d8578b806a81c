// A verification worker: loads the trust inputs (and rules) once, then verifies the files it is sent,
// keeping several verifications in flight. Results go back in small batches, already reduced to what
// the main thread prints and counts (the JSON line is serialized here, off the main thread).
import { parentPort, workerData } from 'node:worker_threads';
import { licenseRecord } from '@xlic/verify';
import { parseTime } from '../io/time.js';
import { loadVerifyEnv, type VerifyEnvFlags } from '../io/verify-env.js';
import { brief, type Brief } from '../verify-brief.js';
import { verifyFile } from '../verify-one.js';

interface Data {
  flags: VerifyEnvFlags & { at?: string; requireFreshStatus?: boolean; json?: boolean };
  inFlight: number;
}

const { flags, inFlight } = workerData as Data;
const env = await loadVerifyEnv(flags, parseTime(flags.at));
const queue: string[] = [];
let running = 0;
let pending: Brief[] = [];
let flushScheduled = false;

function flush(): void {
  flushScheduled = false;
  if (pending.length === 0) return;
  parentPort!.postMessage({ briefs: pending });
  pending = [];
}

function pump(): void {
  while (running < inFlight && queue.length) {
    const file = queue.shift()!;
    running++;
    verifyFile(file, env, Boolean(flags.requireFreshStatus))
      .then((outcome) => {
        const record = outcome.result && licenseRecord(outcome.result);
        pending.push(brief(outcome, Boolean(flags.json), record));
        if (pending.length >= 32) flush();
        else if (!flushScheduled) {
          flushScheduled = true;
          setImmediate(flush);
        }
      })
      .catch((e: unknown) => parentPort!.postMessage({ fatal: e instanceof Error ? e.message : String(e) }))
      .finally(() => {
        running--;
        pump();
      });
  }
}

parentPort!.on('message', (msg: { files?: string[] }) => {
  if (msg.files) queue.push(...msg.files);
  pump();
});
parentPort!.postMessage({ ready: true });
