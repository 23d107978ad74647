import { Hono } from 'hono';
import { z } from 'zod';
import { CRS_TABLE } from '../../geodata/crs/index.ts';
import { REGIONS } from '../../geodata/regions.ts';
import { PLOT_STATUSES, ZONE_STATUSES } from '../../geodata/vocabulary.ts';
import type { Database } from '../db/database.ts';
import { dataStamp, openEnquiryStamp } from '../domain/data-stamp.ts';
import { EXPORT_FORMATS, ExportError, type ExportFile, runExport } from '../export/index.ts';
import { busyProblem } from '../heavy/busy.ts';
import { runOffThread } from '../heavy/off-thread.ts';
import { HeavyWork } from '../heavy/queue.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, problem } from '../http/problem.ts';
import { LAYERS } from '../import/attributes.ts';
import { idParam } from './query.ts';
import { because } from '../../geodata/rules/zod-reasons.ts';

const list = z.string().transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean));

export const exportQuery = z
  .object({
    layer: z.enum(LAYERS),
    format: z.enum(EXPORT_FORMATS).default('geojson'),
    crs: z
      .string()
      .transform((s) => (/^\d+$/.test(s) ? `EPSG:${s}` : s.toUpperCase()))
      .refine((s) => CRS_TABLE.some((c) => c.code === s), because('oneOf', { values: CRS_TABLE.map((c) => c.code).join(', ') }))
      .default('EPSG:4326'),
    zone: idParam.optional(),
    region: z.enum(REGIONS).optional(),
    status: list.optional(),
    ids: list.pipe(z.array(idParam).max(1000)).optional(),
  })
  .strict()
  .superRefine((q, ctx) => {
    const allowed: readonly string[] = q.layer === 'plots' ? PLOT_STATUSES : q.layer === 'zones' ? ZONE_STATUSES : [];
    for (const s of q.status ?? []) {
      if (!allowed.includes(s)) ctx.addIssue({ code: 'custom', path: ['status'], ...(allowed.length ? because('oneOf', { values: allowed.join(', ') }) : because('contextNoStatus')) });
    }
    if (q.region && q.layer === 'context') ctx.addIssue({ code: 'custom', path: ['region'], ...because('contextNoRegion') });
    if (q.format === 'kml' && q.crs !== 'EPSG:4326') ctx.addIssue({ code: 'custom', path: ['crs'], ...because('kmlWgs84') });
  });

/**
 * GET /api/export?layer=zones|plots|context&format=geojson|csv|kml|gpkg|shp&crs=EPSG:4326|EPSG:9213|…
 *   &zone=ID&region=bac-kan|thai-nguyen&status=a,b&ids=x,y — public, like the map. A file download (Content-Disposition).
 */
export function exportRoutes(db: Database) {
  // Encoding runs in the heavy-work thread (../heavy/off-thread.ts); the database reads stay here.
  // One export builds at a time (2 shared cores also answer the map), four wait; the bytes are kept per data stamp and query.
  const heavy = new HeavyWork<ExportFile>({ running: 1, waiting: 4, maxCacheBytes: 64 * 1024 * 1024, retryAfterSeconds: 5 });
  return new Hono<AppEnv>().get('/export', async (c) => {
    const q = exportQuery.safeParse(c.req.query());
    if (!q.success) return invalid(c, q.error, 'query');
    try {
      const key = JSON.stringify([await dataStamp(db), await openEnquiryStamp(db), q.data]);
      const cached = heavy.has(key);
      const file = await heavy.run(key, () => runExport(db, q.data, async (input) => (await runOffThread('export', input)).result));
      return c.body(file.bytes as Uint8Array<ArrayBuffer>, 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'X-Feature-Count': String(file.count),
        'X-Export-Cache': cached ? 'hit' : 'miss',
      });
    } catch (err) {
      if (err instanceof ExportError) return problem(c, 400, err.code, { params: err.params });
      const busy = busyProblem(c, err, 'busyExports');
      if (busy) return busy;
      throw err;
    }
  });
}
