import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../geodata/schema.ts';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { seedDatabase } from './seed.ts';

export type DbConfig = { dataDir: string };

/** Opens the database for a running server: PGlite in DATA_DIR/pglite, migrated, seeded on first start. */
export async function openDatabase(cfg: DbConfig, dataset: () => Promise<Dataset>): Promise<Database> {
  const dir = join(cfg.dataDir, 'pglite');
  mkdirSync(dir, { recursive: true });
  const db = await openPglite({ dataDir: dir });
  await prepareDatabase(db, dataset);
  return db;
}

export async function prepareDatabase(db: Database, dataset: () => Promise<Dataset>): Promise<void> {
  await migrate(db);
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM zones');
  if (!row || row.n === 0) await seedDatabase(db, await dataset());
}
