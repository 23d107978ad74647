import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { loadDataset } from '../geodata/load.ts';
import { startHeavyThread } from './heavy/off-thread.ts';
import { buildClientIfNeeded } from './build-client.ts';
import { readConfig } from './config.ts';
import { databaseUrlOf, describeDatabase, openDatabase } from './db/open.ts';
import { claimDataDir, releaseDataDir } from './pidfile.ts';
import { closeIdleConnectionsSafely } from './http/keep-alive.ts';
import { stopOnSignals } from './shutdown.ts';

/**
 * A client that trickles its headers or body is cut off instead of holding a connection: headers
 * within 10 s, the whole request within 30 s (uploads of 50 MB fit on any link the province uses).
 */
const SERVER_TIMEOUTS = { headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 1_000 };

/** The process that listens: everything else lives in createApp(). */
async function main() {
  const cfg = readConfig();
  if (process.argv.includes('--build-if-needed')) await buildClientIfNeeded(cfg.clientDir);
  // PGlite is single-process and lives in DATA_DIR; with DATABASE_URL, DATA_DIR is not used.
  const pglite = !databaseUrlOf({});
  if (pglite) claimDataDir(cfg.dataDir);
  // The database opens (PGlite compiles its WebAssembly off this thread) while the app's modules
  // load: one waits less for the other than one after the other.
  const opening = openDatabase({ dataDir: cfg.dataDir }, () => loadDataset(cfg.geodataDir));
  const [{ createApp }, db] = await Promise.all([import('./app.ts'), opening]);
  const app = createApp({ db, clientDir: cfg.clientDir, geodataDir: cfg.geodataDir, enquiryDesk: cfg.enquiryDesk, basemaps: cfg.basemaps, ...(pglite ? { dataDir: cfg.dataDir } : {}) });
  // Load the heavy-work thread now, not on the first export or upload (seconds of module loading).
  startHeavyThread().catch((err) => console.error(`iz-atlas: the heavy-work thread did not start: ${err}`));
  const server = serve({ fetch: app.fetch, hostname: cfg.host, port: cfg.port, serverOptions: SERVER_TIMEOUTS }, (info) => {
    console.log(`iz-atlas listening on http://${cfg.host}:${info.port} (data in ${describeDatabase({ dataDir: cfg.dataDir })})`);
  });
  closeIdleConnectionsSafely(server as Server);
  stopOnSignals(server, async () => {
    await db.close();
    if (pglite) releaseDataDir(cfg.dataDir);
  });
}

main().catch((err: unknown) => {
  console.error(`iz-atlas could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
