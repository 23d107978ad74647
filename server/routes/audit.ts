import { Hono } from 'hono';
import { auditQuery } from '../../geodata/requests.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { listAudit } from '../domain/audit.ts';
import { zoneHistories, zoneHistory } from '../domain/history.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, notFound } from '../http/problem.ts';
import { historyQuery, idParam } from './query.ts';

/** The audit log (planners) and the zones' dated series (public). Neither can change the log. */
export function auditRoutes(db: Database) {
  return new Hono<AppEnv>()
    .get('/audit', requireRole('planner', 'admin'), async (c) => {
      const q = auditQuery.safeParse(c.req.query());
      if (!q.success) return invalid(c, q.error, 'query');
      return c.json(await listAudit(db, q.data));
    })
    .get('/zones/:id/history', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const [zone] = await db.query('SELECT 1 FROM zones WHERE id = $1', [id.data]);
      if (!zone) return notFound(c, 'Zone', id.data);
      return c.json(await zoneHistory(db, id.data));
    })
    // Every zone's series in one answer: the leaders' dashboard and timeline need them all.
    .get('/history', async (c) => {
      const q = historyQuery.safeParse(c.req.query());
      if (!q.success) return invalid(c, q.error, 'query');
      // Unknown ids are left out, as a search leaves out what it does not find.
      const known = q.data.zones && new Set((await db.query<{ id: string }>('SELECT id FROM zones')).map((r) => r.id));
      const ids = q.data.zones && [...new Set(q.data.zones)].filter((id) => known!.has(id));
      return c.json({ zones: await zoneHistories(db, ids ?? null) });
    });
}
