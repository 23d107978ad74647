import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createServer } from 'vite';
import { loadDataset } from '../geodata/load.ts';
import { createApp } from './app.ts';
import { PROJECT_ROOT, readConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { claimDataDir } from './pidfile.ts';

/** `npm run dev`: the API on PORT+1, Vite with hot reload on PORT proxying /api to it. */
const cfg = readConfig();
const apiPort = cfg.port + 1;
process.env.API_PORT = String(apiPort);
mkdirSync(cfg.dataDir, { recursive: true });
claimDataDir(cfg.dataDir);
const db = await openDatabase({ dataDir: cfg.dataDir }, () => loadDataset(cfg.geodataDir));
serve({ fetch: createApp({ db, basemaps: cfg.basemaps }).fetch, hostname: cfg.host, port: apiPort });
const vite = await createServer({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), server: { host: cfg.host, port: cfg.port } });
await vite.listen();
vite.printUrls();
