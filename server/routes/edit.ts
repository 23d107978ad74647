import type { Context } from 'hono';
import { Hono } from 'hono';
import { infrastructurePatchBody, mergeBody, plotPatchBody, splitBody, zonePatchBody } from '../../geodata/requests.ts';
import { INFRA_ITEMS, type InfraItem } from '../../geodata/vocabulary.ts';
import { requireRole } from '../auth/middleware.ts';
import type { Database } from '../db/database.ts';
import type { EditResult } from '../domain/edit-result.ts';
import { mergePlots, patchPlot, splitPlot } from '../domain/plot-edits.ts';
import { patchInfrastructure, patchZone } from '../domain/zone-edits.ts';
import { fieldErrors, readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, notFound, problem } from '../http/problem.ts';
import { ifMatchVersion, plotEtag, zoneEtag } from '../http/versions.ts';
import { idParam } from './query.ts';

/** The record version a PATCH must name in If-Match: 428 when absent. */
function expectedVersion(c: Context): number | Response {
  const v = ifMatchVersion(c.req.header('If-Match'));
  if (v === null) return problem(c, 428, 'ifMatchRequired');
  return v;
}

function respond<T extends { properties: { version: number } }>(c: Context, what: 'Plot' | 'Zone', id: string, r: EditResult<T>) {
  if (r.ok) {
    c.header('ETag', what === 'Plot' ? plotEtag(r.value.properties.version) : zoneEtag(r.value.properties.version, r.value));
    return c.json(r.value);
  }
  if (r.reason === 'not_found') return notFound(c, what, id);
  if (r.reason === 'conflict') return problem(c, 412, what === 'Plot' ? 'plotChanged' : 'zoneChanged', { current: r.current });
  return fieldErrors(c, r.problems);
}

/** Planner edits. Every route: sign-in, CSRF and role first, then validation, then the version check. */
export function editRoutes(db: Database) {
  const planner = requireRole('planner', 'admin');
  return new Hono<AppEnv>()
    .post('/plots/merge', planner, async (c) => {
      const body = await readJson(c, mergeBody);
      if ('error' in body) return body.error;
      const r = await mergePlots(db, c.get('session')!.user, body.data.ids, body.data.reason);
      if (!r.ok) return r.reason === 'invalid' ? fieldErrors(c, r.problems) : problem(c, 400, 'mergeFailed');
      c.header('ETag', plotEtag(r.value.properties.version));
      return c.json(r.value, 201);
    })
    .patch('/plots/:id', planner, async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const body = await readJson(c, plotPatchBody);
      if ('error' in body) return body.error;
      const version = expectedVersion(c);
      if (typeof version !== 'number') return version;
      return respond(c, 'Plot', id.data, await patchPlot(db, c.get('session')!.user, id.data, version, body.data));
    })
    .post('/plots/:id/split', planner, async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const body = await readJson(c, splitBody);
      if ('error' in body) return body.error;
      const r = await splitPlot(db, c.get('session')!.user, id.data, body.data.line, body.data.reason);
      if (!r.ok) return r.reason === 'not_found' ? notFound(c, 'Plot', id.data) : r.reason === 'invalid' ? fieldErrors(c, r.problems) : problem(c, 400, 'splitFailed');
      return c.json({ type: 'FeatureCollection', features: r.value }, 201);
    })
    .patch('/zones/:id', planner, async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const body = await readJson(c, zonePatchBody);
      if ('error' in body) return body.error;
      const version = expectedVersion(c);
      if (typeof version !== 'number') return version;
      return respond(c, 'Zone', id.data, await patchZone(db, c.get('session')!.user, id.data, version, body.data));
    })
    .patch('/zones/:id/infrastructure/:item', planner, async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const item = c.req.param('item');
      if (!(INFRA_ITEMS as readonly string[]).includes(item)) return problem(c, 404, 'infraItemNotFound', { params: { items: INFRA_ITEMS.join(', ') } });
      const body = await readJson(c, infrastructurePatchBody);
      if ('error' in body) return body.error;
      const version = expectedVersion(c);
      if (typeof version !== 'number') return version;
      return respond(c, 'Zone', id.data, await patchInfrastructure(db, c.get('session')!.user, id.data, version, item as InfraItem, body.data));
    });
}
