/**
 * npm run db:migrate   apply pending schema migrations, nothing else
 * npm run db:seed      migrate, then load the GEODATA dataset, only into a database with no zones
 *
 * Both work on the database the server uses: PostgreSQL when DATABASE_URL is set, else the
 * PGlite in DATA_DIR (which must not be held by a running server: PGlite is single-process).
 * A PostgreSQL database can be migrated while servers run; they apply the same migrations at
 * start-up anyway, under a lock, so running this first only makes upgrades explicit.
 */
import { loadDataset } from '../../geodata/load.ts';
import { readConfig } from '../config.ts';
import { claimDataDir, releaseDataDir } from '../pidfile.ts';
import { connectDatabase, databaseUrlOf, describeDatabase, prepareDatabase, zoneCount } from './open.ts';
import { mkdirSync } from 'node:fs';

async function main() {
  const command = process.argv[2];
  if (command !== 'migrate' && command !== 'seed') {
    console.error('usage: tsx server/db/manage.ts migrate|seed');
    process.exit(2);
  }
  const cfg = readConfig();
  const pglite = !databaseUrlOf({});
  if (pglite) {
    mkdirSync(cfg.dataDir, { recursive: true });
    claimDataDir(cfg.dataDir);
  }
  const where = describeDatabase({ dataDir: cfg.dataDir });
  const db = await connectDatabase({ dataDir: cfg.dataDir });
  try {
    const before = await prepareDatabase(db, () => loadDataset(cfg.geodataDir), { seed: command === 'seed' });
    console.log(before.migrations.length ? `${where}: applied migrations ${before.migrations.join(', ')}` : `${where}: schema up to date`);
    if (command === 'seed') {
      console.log(
        before.seeded
          ? `${where}: seeded ${await zoneCount(db)} zones from ${cfg.geodataDir}`
          : `${where}: not seeded, it already has ${await zoneCount(db)} zones (seeding only fills an empty database)`,
      );
    }
  } finally {
    await db.close();
    if (pglite) releaseDataDir(cfg.dataDir);
  }
}

main().catch((err: unknown) => {
  console.error(`db: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
