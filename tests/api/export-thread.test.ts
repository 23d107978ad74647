import { threadId } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { encodeExport } from '../../server/export/encode.ts';
import type { ExportInput, ExportQuery } from '../../server/export/request.ts';
import { runExport } from '../../server/export/index.ts';
import { runOffThread } from '../../server/heavy/off-thread.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db } = await signedInAppForFile();

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
      const off = await runOffThread('export', input);
      expect(off.threadId).not.toBe(threadId);
      const here = await encodeExport(input);
      expect(off.result.fileName).toBe(here.fileName);
      expect(off.result.count).toBe(here.count);
      if (format !== 'gpkg' && format !== 'shp') expect(Buffer.from(off.result.bytes).equals(Buffer.from(here.bytes))).toBe(true);
    }
  });
});
