// Worker thread: analyses the inputs it is sent with a fresh Analysis seeded with the host facts known so
// far, and posts back what the inputs contributed. See parallel.ts and job.ts.
import { parentPort } from 'node:worker_threads';
import { runJob } from './job.js';
import type { WorkerJob } from './parallel.js';

parentPort?.on('message', async (job: WorkerJob) => {
  parentPort?.postMessage(await runJob(job));
});
