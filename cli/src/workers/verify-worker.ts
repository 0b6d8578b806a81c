// A verification worker: loads the trust inputs once, then verifies the files it is sent, keeping
// several verifications in flight, and posts each outcome back as soon as it is known.
import { parentPort, workerData } from 'node:worker_threads';
import { parseTime } from '../io/time.js';
import { loadVerifyEnv, type VerifyEnvFlags } from '../io/verify-env.js';
import { verifyFile } from '../verify-one.js';

interface Data {
  flags: VerifyEnvFlags & { at?: string; requireFreshStatus?: boolean };
  inFlight: number;
}

const { flags, inFlight } = workerData as Data;
const env = await loadVerifyEnv(flags, parseTime(flags.at));
const queue: string[] = [];
let running = 0;

function pump(): void {
  while (running < inFlight && queue.length) {
    const file = queue.shift()!;
    running++;
    verifyFile(file, env, Boolean(flags.requireFreshStatus))
      .then((outcome) => parentPort!.postMessage({ outcome }))
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
