import { Hono } from 'hono';
import { tourSchema, type TargetsFile, type Tour } from '../../geodata/targets.ts';
import { datasetFile } from '../../geodata/dataset-parts.ts';
import { loadTargets, loadTour } from '../../geodata/targets-files.ts';
import { loadProvinceFacts } from '../../geodata/province-facts-file.ts';
import { resolutionStats } from '../../geodata/regions.ts';
import type { ProvinceFacts } from '../../geodata/province-facts.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { writeAudit } from '../domain/audit.ts';
import { provinceYearly } from '../domain/history.ts';
import { provinceStats } from '../domain/stats.ts';
import { withFiguresAtSeed } from '../domain/tour-seed.ts';
import { fieldErrors, readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { problem } from '../http/problem.ts';
import { ifMatchVersion, tourEtag } from '../http/versions.ts';
import { tourTargetProblems } from '../../geodata/rules/tour-rules.ts';

/**
 * Resolution 16's targets (read-only data from the geodata folder, with today's computed cluster
 * occupancy beside them), the province's yearly indicators, and the leaders' tour, which planners may rewrite: an edited tour is
 * kept in the database and wins over the bundled file.
 */
/** The saved tour (null while the bundled file is in use) and its version: 1 until the first save, +1 at each. */
async function currentTour(db: Database): Promise<{ tour: Tour | null; version: number }> {
  const rows = await db.query<{ key: string; value: unknown }>(`SELECT key, value FROM meta WHERE key IN ('tour', 'tour_version')`);
  const tour = rows.find((r) => r.key === 'tour')?.value as Tour | undefined;
  const version = rows.find((r) => r.key === 'tour_version')?.value;
  return { tour: tour ?? null, version: version === undefined ? 1 : Number(version) };
}

export function leadersRoutes(db: Database, geodataDir: string) {
  let targets: Promise<TargetsFile> | null = null;
  let facts: ProvinceFacts | null = null;
  const hasFile = (f: string) => datasetFile(geodataDir, f) !== null;
  return new Hono<AppEnv>()
    .get('/targets', async (c) => {
      if (!hasFile('targets.json')) return problem(c, 404, 'noTargets');
      targets ??= loadTargets(geodataDir);
      // The resolution's figures are its own province's: former Bắc Kạn's zones, not the whole new province's.
      const stats = resolutionStats(await provinceStats(db));
      return c.json({ ...(await targets), current: { ccnOccupancyPct: stats.byKind.CCN.occupancy.valuePct, kcnOccupancyPct: stats.byKind.KCN.occupancy.valuePct, ccn: stats.byKind.CCN.occupancy, kcn: stats.byKind.KCN.occupancy } });
    })
    // The province's yearly indicators the targets follow, from the dataset the database was seeded with.
    .get('/yearly', async (c) => c.json({ province: await provinceYearly(db) }))
    // The new province's own published figures (read-only, geodata/province-facts.json), beside the atlas's totals.
    .get('/province-facts', async (c) => {
      facts ??= loadProvinceFacts();
      return c.json(facts);
    })
    .get('/tour', async (c) => {
      const current = await currentTour(db);
      if (current.tour) c.header('ETag', tourEtag(current.version));
      if (current.tour) return c.json(current.tour);
      if (!hasFile('tour.json')) return problem(c, 404, 'noTour');
      c.header('ETag', tourEtag(current.version));
      return c.json(await withFiguresAtSeed(db, await loadTour(geodataDir)));
    })
    .put('/tour', requireRole('planner', 'admin'), async (c) => {
      const body = await readJson(c, tourSchema);
      if ('error' in body) return body.error;
      const zoneIds = new Set((await db.query<{ id: string }>('SELECT id FROM zones')).map((r) => r.id));
      const unknown = tourTargetProblems(body.data, zoneIds);
      if (unknown.length) return fieldErrors(c, unknown);
      const wanted = ifMatchVersion(c.req.header('If-Match'));
      if (wanted === null) return problem(c, 428, 'tourIfMatchRequired');
      const saved = await db.transaction(async (tx) => {
        // The version row is locked first, so of two saves naming the same version one wins, the other gets 412.
        await tx.query(`INSERT INTO meta (key, value) VALUES ('tour_version', '1') ON CONFLICT (key) DO NOTHING`);
        const [v] = await tx.query<{ value: number }>(`SELECT value FROM meta WHERE key = 'tour_version' FOR UPDATE`);
        const version = Number(v!.value);
        const [old] = await tx.query<{ value: Tour }>(`SELECT value FROM meta WHERE key = 'tour'`);
        if (wanted !== version) return { conflict: true as const, current: old?.value ?? (hasFile('tour.json') ? await withFiguresAtSeed(tx, await loadTour(geodataDir)) : null), version };
        await tx.query(`INSERT INTO meta (key, value) VALUES ('tour', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`, [body.data]);
        await tx.query(`UPDATE meta SET value = to_jsonb($1::int) WHERE key = 'tour_version'`, [version + 1]);
        await writeAudit(tx, { user: c.get('session')!.user, entityType: 'tour', entityId: 'tour', zoneId: null, action: 'update', before: old?.value ?? null, after: body.data });
        return { conflict: false as const, version: version + 1 };
      });
      if (saved.conflict) {
        c.header('ETag', tourEtag(saved.version));
        return problem(c, 412, 'tourChanged', { current: saved.current });
      }
      c.header('ETag', tourEtag(saved.version));
      return c.json(body.data);
    });
}
