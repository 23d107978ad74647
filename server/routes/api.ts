import { Hono } from 'hono';
import { loadSession } from '../auth/middleware.ts';
import type { AppEnv } from '../http/env.ts';
import { plotEtag, zoneEtag } from '../http/versions.ts';
import { auditRoutes } from './audit.ts';
import { editRoutes } from './edit.ts';
import { exportRoutes } from './export.ts';
import { importRoutes } from './import.ts';
import { enquiryRoutes } from './enquiries.ts';
import { NO_ENQUIRY_DESK, type EnquiryDesk } from '../../geodata/enquiry-receipt.ts';
import { leadersRoutes } from './leaders.ts';
import { openapiRoutes } from '../openapi/routes.ts';
import { DEFAULT_GEODATA_DIR } from '../../geodata/load.ts';
import { sessionRoutes } from './session.ts';
import { userRoutes } from './users.ts';
import type { ContextCollection, Health, PlotCollection, SourcesResponse, ZoneCollection } from '../../geodata/api.ts';
import type { Source } from '../../geodata/schema.ts';
import type { Database } from '../db/database.ts';
import { findPlots, getPlot } from '../domain/plots-repo.ts';
import { ZoneSnapshots } from '../domain/zone-snapshots.ts';
import { dataStamp, openEnquiryStamp, StampWatch } from '../domain/data-stamp.ts';
import { invalid, notFound, problem } from '../http/problem.ts';
import { idParam, plotsQuery } from './query.ts';
import { JsonCache, sendCachedJson } from '../http/json-cache.ts';
import { limitBodies } from '../http/body.ts';
import { APP_VERSION } from '../version.ts';
import { WriteHealth } from '../db/write-health.ts';
import { DEFAULT_BASEMAPS, type BasemapService } from '../../geodata/basemaps.ts';
import { basemapRoutes } from '../basemaps/routes.ts';
import { sourceForUsers } from '../../geodata/user-facing.ts';

/** Request bodies above this get 413: the largest legitimate body is a drawn split line. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The API under /api. Each handler validates its input, then asks a repository. */
export function apiRoutes(
  db: Database,
  geodataDir: string = DEFAULT_GEODATA_DIR,
  writes: WriteHealth = new WriteHealth(db),
  enquiryDesk: EnquiryDesk = NO_ENQUIRY_DESK,
  basemaps: BasemapService[] = DEFAULT_BASEMAPS,
) {
  // Bodies keyed by the data stamp. Plot lists and viewports, which clients ask for as the map
  // moves, read it at most once a second, and at once after any write through this process; they
  // also carry their open enquiries, which are not audited.
  const bodies = new JsonCache();
  const plotsStamp = new StampWatch(async () => JSON.stringify([await dataStamp(db), await openEnquiryStamp(db)]));
  // The zones with their figures and the province totals, computed once per data stamp and at
  // most one computation at a time (server/domain/zone-snapshots.ts): each is a scan of the plots,
  // the sources and the audit log, which per request, or per write under a stream of edits, had
  // the map's most frequent reads queue for seconds.
  // The zone list, one zone and the totals read the stamp on every request (one per page load; an
  // outage shows as 503 at once).
  const snapshots = new ZoneSnapshots(db, async () => JSON.stringify(await dataStamp(db)));
  return new Hono<AppEnv>()
    .use(async (c, next) => {
      await next();
      // Revalidate every time: figures change with each edit, and ETags make the check cheap.
      if (!c.res.headers.has('Cache-Control')) c.res.headers.set('Cache-Control', 'no-cache');
      // Any write that went through (edit, import, enquiry, sign-in…) makes the stamps stale at once.
      if (c.req.method !== 'GET' && c.req.method !== 'HEAD' && c.res.status < 400) plotsStamp.stale();
    })
    .use(loadSession(db))
    .route('/', importRoutes(db)) // before the 64 KiB bodyLimit: uploads have their own (IMPORT_MAX_BYTES)
    .use(
      limitBodies({
        maxSize: MAX_BODY_BYTES,
        onError: (c) => problem(c, 413, 'bodyTooLarge', { params: { bytes: MAX_BODY_BYTES } }),
      }),
    )
    .route('/session', sessionRoutes(db))
    .route('/users', userRoutes(db))
    .route('/enquiries', enquiryRoutes(db, enquiryDesk))
    .route('/', leadersRoutes(db, geodataDir))
    .route('/', editRoutes(db))
    .route('/', auditRoutes(db))
    .route('/', exportRoutes(db))
    .route('/', openapiRoutes())
    .route('/', basemapRoutes(basemaps))
    .get('/health', async (c) => {
      const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM zones');
      // Reads still work when writes do not: "degraded", with the cause, instead of a false "ok".
      const cannotWrite = await writes.problem();
      const health: Health = { status: cannotWrite ? 'degraded' : 'ok', database: db.kind, zones: row?.n ?? 0, version: APP_VERSION, ...(cannotWrite ? { problem: cannotWrite } : {}) };
      return c.json<Health>(health);
    })
    .get('/zones', async (c) => {
      // Recomputed only when the data stamp moves: on the national set that is 0.5–1.6 s of work
      // that would otherwise hold up every first render.
      const snap = await snapshots.current();
      const body = await bodies.get(`zones|${snap.stamp}`, async (): Promise<ZoneCollection> => ({ type: 'FeatureCollection', features: snap.zones }));
      return sendCachedJson(c, body);
    })
    .get('/zones/:id', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const zone = (await snapshots.current()).zones.find((z) => z.id === id.data);
      if (!zone) return notFound(c, 'Zone', id.data);
      c.header('ETag', zoneEtag(zone.properties.version, zone));
      return c.json(zone);
    })
    .get('/zones/:id/plots', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const [zone] = await db.query('SELECT 1 FROM zones WHERE id = $1', [id.data]);
      if (!zone) return notFound(c, 'Zone', id.data);
      const body: PlotCollection = { type: 'FeatureCollection', features: await findPlots(db, { zoneId: id.data }) };
      return c.json(body);
    })
    .get('/plots', async (c) => {
      const q = plotsQuery.safeParse(c.req.query());
      if (!q.success) return invalid(c, q.error, 'query');
      // Viewports repeat (shared links, everyone's first view), and a national one is ~100 kB of JSON.
      const key = `plots|${await plotsStamp.current()}|${JSON.stringify([q.data.bbox ?? null, q.data.status ?? null, q.data.zone ?? null])}`;
      const body = await bodies.get(key, async (): Promise<PlotCollection> => ({
        type: 'FeatureCollection',
        features: await findPlots(db, { bbox: q.data.bbox, statuses: q.data.status, zoneId: q.data.zone }),
      }));
      return sendCachedJson(c, body);
    })
    .get('/plots/:id', async (c) => {
      const id = idParam.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const plot = await getPlot(db, id.data);
      if (!plot) return notFound(c, 'Plot', id.data);
      c.header('ETag', plotEtag(plot.properties.version));
      return c.json(plot);
    })
    .get('/stats', async (c) => {
      const snap = await snapshots.current();
      return sendCachedJson(c, await bodies.get(`stats|${snap.stamp}`, async () => snap.stats));
    })
    .get('/sources', async (c) => {
      const rows = await db.query<{ data: Source }>('SELECT data FROM sources ORDER BY id');
      return c.json<SourcesResponse>({ sources: rows.map((r) => sourceForUsers(r.data)) });
    })
    .get('/context', async (c) => {
      const rows = await db.query<{ id: string; props: ContextCollection['features'][number]['properties']; geometry: ContextCollection['features'][number]['geometry'] }>(
        'SELECT id, props, geometry FROM context ORDER BY id',
      );
      const body: ContextCollection = {
        type: 'FeatureCollection',
        features: rows.map((r) => ({ type: 'Feature', id: r.id, properties: r.props, geometry: r.geometry })),
      };
      return c.json(body);
    })
    .all('*', (c) => problem(c, 404, 'apiNotFound', { params: { method: c.req.method, path: c.req.path } }));
}
