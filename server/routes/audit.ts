import { Hono } from 'hono';
import { auditQuery } from '../../geodata/requests.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import { listAudit } from '../domain/audit.ts';
import { zoneHistory } from '../domain/history.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, notFound } from '../http/problem.ts';
import { idParam } from './query.ts';

/** The audit log (planners) and a zone's dated series (public). Neither can change the log. */
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
    });
}
