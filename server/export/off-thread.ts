/**
 * Export encoding off the main thread (issue #14): Shapefile, GeoPackage (sql.js), KML, CSV and
 * GeoJSON serialisation of large sets take whole seconds of CPU; run on the thread that answers
 * map reads, they stalled GET /api/zones/:id for everyone. The main thread reads the features from
 * the database (PGlite lives on it and cannot be shared) and posts them to one long-lived worker;
 * the route's HeavyWork queue already lets one export build at a time, so one worker is the pool.
 *
 * The worker is TypeScript: a small JavaScript entry (worker-boot.mjs) registers tsx's loader in
 * the worker and then imports it, which works both under `npm start` (itself tsx) and under vitest,
 * which runs the app in process (`--import tsx` in a worker's execArgv does not, on node 20).
 */
import { Worker } from 'node:worker_threads';
import type { ExportFile, ExportInput } from './encode.ts';

type Reply = { id: number; file?: ExportFile; error?: string; threadId: number };
type Waiter = { resolve: (r: Reply) => void; reject: (e: Error) => void };

let worker: Worker | undefined;
const waiting = new Map<number, Waiter>();
let nextId = 1;

function start(): Worker {
  const w = new Worker(new URL('./worker-boot.mjs', import.meta.url));
  w.on('message', (r: Reply) => {
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
  w.on('exit', (code) => fail(new Error(`export worker stopped (exit code ${code})`)));
  // An idle worker must not keep the process (or a test run) alive.
  w.unref();
  return w;
}

/** Encodes an export in the worker thread; resolves with the file and the id of the thread that built it. */
export async function encodeOffThread(input: ExportInput): Promise<{ file: ExportFile; threadId: number }> {
  worker ??= start();
  const id = nextId++;
  const w = worker;
  const reply = await new Promise<Reply>((resolve, reject) => {
    waiting.set(id, { resolve, reject });
    w.ref();
    w.postMessage({ id, input });
  }).finally(() => {
    if (!waiting.size) w.unref();
  });
  if (reply.error !== undefined || !reply.file) throw new Error(`export encoding failed: ${reply.error}`);
  return { file: reply.file, threadId: reply.threadId };
}

/** `encodeOffThread` shaped for runExport. */
export const encodeExportOffThread = async (input: ExportInput): Promise<ExportFile> => (await encodeOffThread(input)).file;
