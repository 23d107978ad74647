import { Hono } from 'hono';
import { compress } from 'hono/compress';
import { etag } from 'hono/etag';
import { secureHeaders } from 'hono/secure-headers';
import type { EnquiryDesk } from '../geodata/enquiry-receipt.ts';
import { DEFAULT_BASEMAPS, type BasemapService } from '../geodata/basemaps.ts';
import { tileOrigins } from './basemaps/csp.ts';
import type { Database } from './db/database.ts';
import { isConnectionError } from './db/postgres.ts';
import { refuseUnreadableParams } from './http/inputs.ts';
import { problem } from './http/problem.ts';
import { type StorageKind, storageKind, WriteHealth } from './db/write-health.ts';
import { ogcRoutes } from './ogc/routes.ts';
import { apiRoutes } from './routes/api.ts';
import { staticRoutes } from './routes/static.ts';
import { tileRoutes } from './routes/tiles.ts';

export type AppOptions = {
  db: Database;
  /** Built client (dist/). Absent in API-only tests and in `npm run dev`, where Vite serves it. */
  clientDir?: string;
  /** Geodata folder for the resolution targets and the default tour; the bundled one by default. */
  geodataDir?: string;
  /** DATA_DIR of the embedded database, whose free space /api/health watches. */
  dataDir?: string;
  /** Who receives investors' enquiries; unset parts are shown as "no data". */
  enquiryDesk?: EnquiryDesk;
  /** Online basemaps offered beside the offline one; the documented defaults if absent. */
  basemaps?: BasemapService[];
};

/** The whole HTTP surface, free of any listener so tests can call app.request(). */
/** The refusal a write gets when the database cannot write, by why (the database's own words go in `cause`). */
const CANNOT_WRITE = { full: 'databaseFull', readOnly: 'databaseReadOnly', storage: 'databaseCannotWrite' } as const satisfies Record<StorageKind, string>;

export function createApp({ db, clientDir, geodataDir, dataDir, enquiryDesk, basemaps = DEFAULT_BASEMAPS }: AppOptions) {
  const app = new Hono();
  const tiles = tileOrigins(basemaps);
  const writes = new WriteHealth(db, dataDir);
  app.use('*', compress());
  app.use('*', etag());
  app.use(
    '*',
    secureHeaders({
      contentSecurityPolicy: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:', ...tiles],
        workerSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'", ...tiles],
        fontSrc: ["'self'", 'data:'],
      },
    }),
  );
  for (const prefix of ['/api/*', '/ogc/*', '/ogc', '/tiles/*']) app.use(prefix, refuseUnreadableParams);
  app.route('/api', apiRoutes(db, geodataDir, writes, enquiryDesk, basemaps));
  app.route('/ogc', ogcRoutes(db));
  app.route('/tiles', tileRoutes(db));
  if (clientDir) app.route('/', staticRoutes(clientDir));
  app.onError((err, c) => {
    // A database that is restarting is the operator's to fix and clears by itself: say so, don't crash.
    if (isConnectionError(err)) {
      c.header('Retry-After', '5');
      return problem(c, 503, 'databaseUnavailable');
    }
    // A full disk or a read-only database: the operator's to fix, and the planner should know why.
    const cause = writes.note(err);
    const kind = storageKind(err);
    if (cause && kind) {
      console.error(`iz-atlas: the database cannot write: ${cause}`);
      c.header('Retry-After', '60');
      return problem(c, 503, CANNOT_WRITE[kind], { cause });
    }
    console.error(err);
    return problem(c, 500, 'internal');
  });
  return app;
}

export type App = ReturnType<typeof createApp>;
