import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Hono } from 'hono';
import { loadTargets, loadTour, tourSchema, type TargetsFile, type Tour } from '../../geodata/targets.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { writeAudit } from '../domain/audit.ts';
import { provinceYearly } from '../domain/history.ts';
import { provinceStats } from '../domain/stats.ts';
import { fieldErrors, readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { problem } from '../http/problem.ts';
import { tourTargetProblems } from '../../geodata/rules/tour-rules.ts';

/**
 * Resolution 16's targets (read-only data from the geodata folder, with today's computed cluster
 * occupancy beside them), the province's yearly indicators, and the leaders' tour, which planners may rewrite: an edited tour is
 * kept in the database and wins over the bundled file.
 */
export function leadersRoutes(db: Database, geodataDir: string) {
  let targets: Promise<TargetsFile> | null = null;
  const hasFile = (f: string) => existsSync(join(geodataDir, f));
  return new Hono<AppEnv>()
    .get('/targets', async (c) => {
      if (!hasFile('targets.json')) return problem(c, 404, 'No targets for this dataset');
      targets ??= loadTargets(geodataDir);
      const stats = await provinceStats(db);
      return c.json({ ...(await targets), current: { ccnOccupancyPct: stats.byKind.CCN.occupancy.valuePct, kcnOccupancyPct: stats.byKind.KCN.occupancy.valuePct, ccn: stats.byKind.CCN.occupancy, kcn: stats.byKind.KCN.occupancy } });
    })
    // The province's yearly indicators the targets follow, from the dataset the database was seeded with.
    .get('/yearly', async (c) => c.json({ province: await provinceYearly(db) }))
    .get('/tour', async (c) => {
      const [row] = await db.query<{ value: Tour }>(`SELECT value FROM meta WHERE key = 'tour'`);
      if (row) return c.json(row.value);
      if (!hasFile('tour.json')) return problem(c, 404, 'No tour for this dataset');
      return c.json(await loadTour(geodataDir));
    })
    .put('/tour', requireRole('planner', 'admin'), async (c) => {
      const body = await readJson(c, tourSchema);
      if ('error' in body) return body.error;
      const zoneIds = new Set((await db.query<{ id: string }>('SELECT id FROM zones')).map((r) => r.id));
      const unknown = tourTargetProblems(body.data, zoneIds);
      if (unknown.length) return fieldErrors(c, unknown);
      await db.transaction(async (tx) => {
        const [old] = await tx.query<{ value: Tour }>(`SELECT value FROM meta WHERE key = 'tour'`);
        await tx.query(`INSERT INTO meta (key, value) VALUES ('tour', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [body.data]);
        await writeAudit(tx, { user: c.get('session')!.user, entityType: 'tour', entityId: 'tour', zoneId: null, action: 'update', before: old?.value ?? null, after: body.data });
      });
      return c.json(body.data);
    });
}
