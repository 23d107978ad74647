/**
 * Heavy work off the main thread (issue #14): export encoding (Shapefile, GeoPackage via sql.js,
 * KML, CSV, GeoJSON) and reading and checking an uploaded import (parsing, reprojecting every
 * vertex, ring repair, overlaps) take whole seconds of CPU; on the thread that answers map reads
 * they stalled GET /api/zones/:id for everyone. The main thread reads the database (PGlite lives
 * on it and cannot be shared) and posts plain data to one long-lived worker, which runs the job
 * named in ./jobs.ts. The routes' HeavyWork queues (./queue.ts) bound how much waits for it.
 *
 * The worker is TypeScript: a small JavaScript entry (worker-boot.mjs) registers tsx's loader in
 * the worker and then imports it, which works both under `npm start` (itself tsx) and under vitest,
 * which runs the app in process (`--import tsx` in a worker's execArgv does not, on node 20).
 */
import { Worker } from 'node:worker_threads';
import type { Reason } from '../../geodata/rules/reasons.ts';
import { ImportFileError } from '../import/file-error.ts';
import type { JobInput, JobName, JobResult } from './jobs.ts';
import { transferable } from './transfer.ts';

type Failure = { name: string; message: string; kind?: string; reason?: Reason; why?: Reason; cause?: string };
type Reply = { id: number; result?: unknown; error?: Failure; threadId: number };
type Waiter = { resolve: (r: Reply) => void; reject: (e: Error) => void };

let worker: Worker | undefined;
const waiting = new Map<number, Waiter>();
let nextId = 1;

function start(): Worker {
  const w = new Worker(new URL('./worker-boot.mjs', import.meta.url));
  w.on('message', (r: Reply | 'ready') => {
    if (r === 'ready') return;
    const x = waiting.get(r.id);
    waiting.delete(r.id);
    x?.resolve(r);
  });
  const fail = (err: Error) => {
    if (worker === w) worker = undefined;
    for (const x of waiting.values()) x.reject(err);
    waiting.clear();
  };
  w.on('error', fail);
  w.on('exit', (code) => fail(new Error(`heavy-work thread stopped (exit code ${code})`)));
  // An idle worker must not keep the process (or a test run) alive.
  w.unref();
  return w;
}

/**
 * Starts the heavy-work thread now rather than at the first job, and resolves once it has loaded
 * its jobs: the server calls it at start, so the first upload or export does not wait seconds for
 * the thread's code to load (tests call it before timing requests).
 */
export function startHeavyThread(): Promise<void> {
  worker ??= start();
  const w = worker;
  return new Promise<void>((resolve, reject) => {
    const onMessage = (m: unknown) => {
      if (m !== 'ready') return;
      w.off('message', onMessage);
      resolve();
    };
    w.on('message', onMessage);
    w.once('error', reject);
    w.postMessage('ping');
  });
}

/** The error the job threw, as the class callers catch (an import's file errors keep their kind). */
function rebuild(f: Failure): Error {
  if (f.name === 'ImportFileError' && f.kind && f.reason) return new ImportFileError(f.reason, f.kind as ImportFileError['kind'], f.why, f.cause);
  const e = new Error(f.message);
  e.name = f.name;
  return e;
}

/**
 * Runs `job` in the worker thread; resolves with its result and the id of the thread that ran it.
 * A top-level `bytes` of the input (an upload) is handed over without a copy, so the caller must
 * not use those bytes afterwards.
 */
export async function runOffThread<K extends JobName>(job: K, input: JobInput<K>): Promise<{ result: JobResult<K>; threadId: number }> {
  worker ??= start();
  const id = nextId++;
  const w = worker;
  const reply = await new Promise<Reply>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, job, input }, transferable(input));
  }).finally(() => {
    if (!waiting.size) w.unref();
  });
  if (reply.error) throw rebuild(reply.error);
  return { result: reply.result as JobResult<K>, threadId: reply.threadId };
}
