import { threadId } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../server/db/database.ts';
import { encodeExport, type ExportInput, type ExportQuery } from '../../server/export/encode.ts';
import { runExport } from '../../server/export/index.ts';
import { encodeOffThread } from '../../server/export/off-thread.ts';
import { signedInApp } from '../support/signed-in-app.ts';

let db: Database;
beforeAll(async () => {
  ({ db } = await signedInApp());
});
afterAll(() => db.close());

/** What the main thread reads for an export, captured before any encoding. */
async function inputFor(q: ExportQuery): Promise<ExportInput> {
  let input: ExportInput | undefined;
  await runExport(db, q, async (x) => {
    input = x;
    return { bytes: new Uint8Array(), contentType: '', fileName: '', count: 0 };
  });
  return input!;
}

describe('export encoding runs off the thread that answers map reads', () => {
  it('builds the same bytes in a worker thread, not on this one', async () => {
    for (const format of ['shp', 'gpkg', 'geojson', 'csv', 'kml'] as const) {
      const input = await inputFor({ layer: 'plots', format, crs: 'EPSG:4326' });
      const off = await encodeOffThread(input);
      expect(off.threadId).not.toBe(threadId);
      const here = await encodeExport(input);
      expect(off.file.fileName).toBe(here.fileName);
      expect(off.file.count).toBe(here.count);
      if (format !== 'gpkg' && format !== 'shp') expect(Buffer.from(off.file.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    }
  });
});
