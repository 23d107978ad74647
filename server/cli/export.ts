/**
 * npm run export -- --layer zones|plots|context [--format geojson|csv|kml|gpkg|shp]
 *                   [--crs EPSG:4326|EPSG:9213|…] [--zone ID] [--status a,b] [--ids x,y] [--out FILE]
 *
 * The same files as GET /api/export. Without --out the file is named after the query and written
 * to the current directory. Reads the DATA_DIR (or DATABASE_URL) the server uses, while it is stopped.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadDataset } from '../../geodata/load.ts';
import { readConfig } from '../config.ts';
import { openDatabase } from '../db/open.ts';
import { ExportError, runExport } from '../export/index.ts';
import { claimDataDir, releaseDataDir } from '../pidfile.ts';
import { exportQuery } from '../routes/export.ts';

function fail(msg: string): never {
  console.error(`export: ${msg}`);
  process.exit(2);
}

async function main() {
  const { values } = parseArgs({
    options: {
      layer: { type: 'string' }, format: { type: 'string' }, crs: { type: 'string' }, zone: { type: 'string' },
      status: { type: 'string' }, ids: { type: 'string' }, out: { type: 'string' },
    },
  });
  const { out, ...query } = values;
  const q = exportQuery.safeParse(Object.fromEntries(Object.entries(query).filter(([, v]) => v !== undefined)));
  if (!q.success) fail(q.error.issues.map((i) => `--${i.path.join('.')}: ${i.message}`).join('; '));
  const cfg = readConfig();
  claimDataDir(cfg.dataDir);
  const db = await openDatabase({ dataDir: cfg.dataDir }, () => loadDataset(cfg.geodataDir));
  try {
    const file = await runExport(db, q.data);
    const path = out ?? file.fileName;
    writeFileSync(path, file.bytes);
    console.log(`wrote ${path}: ${file.count} ${q.data.layer}, ${q.data.format}, ${q.data.crs}`);
  } catch (err) {
    if (err instanceof ExportError) fail(err.message);
    throw err;
  } finally {
    await db.close();
    releaseDataDir(cfg.dataDir);
  }
}

main().catch((e: unknown) => fail(e instanceof Error ? e.message : String(e)));
