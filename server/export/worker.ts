/** The export worker thread: encodes the files of exports so the main thread keeps answering map reads. */
import { parentPort, threadId } from 'node:worker_threads';
import { encodeExport, type ExportInput } from './encode.ts';

parentPort!.on('message', async ({ id, input }: { id: number; input: ExportInput }) => {
  try {
    const file = await encodeExport(input);
    // Hand the bytes over without a copy when they own their whole buffer.
    const whole = file.bytes.byteOffset === 0 && file.bytes.byteLength === file.bytes.buffer.byteLength;
    parentPort!.postMessage({ id, file, threadId }, whole ? [file.bytes.buffer as ArrayBuffer] : []);
  } catch (err) {
    parentPort!.postMessage({ id, error: err instanceof Error ? err.message : String(err), threadId });
  }
});
