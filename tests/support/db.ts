import { readFileSync } from 'node:fs';
import { DEFAULT_GEODATA_DIR, loadDataset } from '../../geodata/load.ts';
import type { Database } from '../../server/db/database.ts';
import { prepareDatabase } from '../../server/db/open.ts';
import { openPglite } from '../../server/db/pglite.ts';

/** A migrated, seeded database dumped to a tarball: test databases start from it, skipping initdb. */
export async function makeSnapshot(): Promise<Blob> {
  const db = await openPglite({ memory: true });
  await prepareDatabase(db, () => loadDataset(DEFAULT_GEODATA_DIR));
  const dump = await db.dump();
  await db.close();
  return dump;
}

/** A fresh in-memory database with the bundled data, from the snapshot the global setup wrote. */
export async function openTestDb(snapshotPath: string): Promise<Database> {
  return openPglite({ snapshot: new Blob([readFileSync(snapshotPath)]) });
}
