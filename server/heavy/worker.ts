/** The heavy-work thread: runs the jobs of ./jobs.ts so the main thread keeps answering map reads. */
import { parentPort, threadId } from 'node:worker_threads';
import { JOBS, type JobName } from './jobs.ts';
import { transferable } from './transfer.ts';

parentPort!.on('message', async (m: { id: number; job: JobName; input: never } | 'ping') => {
  // Answered once the jobs' modules have loaded (this file runs only then): the thread is ready.
  if (m === 'ping') return parentPort!.postMessage('ready');
  const { id, job, input } = m;
  try {
    const result = await JOBS[job](input);
    parentPort!.postMessage({ id, result, threadId }, transferable(result));
  } catch (err) {
    // An error crosses as its class name, message, and kind, reasons and library cause (ImportFileError), rebuilt on the other side.
    const e = err instanceof Error ? err : new Error(String(err));
    const { kind, reason, why, cause } = e as { kind?: string; reason?: unknown; why?: unknown; cause?: unknown };
    parentPort!.postMessage({ id, error: { name: e.constructor.name, message: e.message, kind, reason, why, ...(typeof cause === 'string' ? { cause } : {}) }, threadId });
  }
});
