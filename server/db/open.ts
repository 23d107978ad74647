import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Dataset } from '../../geodata/schema.ts';
import type { Database } from './database.ts';
import { migrate } from './migrations.ts';
import { openPglite } from './pglite.ts';
import { describeUrl, isConnectionError, openPostgres } from './postgres.ts';
import { seedDatabase } from './seed.ts';

export type DbConfig = {
  dataDir: string;
  /**
   * postgres://USER:PASSWORD@HOST:PORT/DB: use that PostgreSQL server and leave DATA_DIR's PGlite
   * alone. Defaults to the DATABASE_URL environment variable; an empty string means PGlite.
   */
  databaseUrl?: string | undefined;
  /** How long to wait for a PostgreSQL server that is not up yet (start-up ordering). Default 30 s. */
  connectTimeoutMs?: number;
};

export const databaseUrlOf = (cfg: Pick<DbConfig, 'databaseUrl'>) => (cfg.databaseUrl ?? process.env.DATABASE_URL) || undefined;

/** Where the database lives, for start-up messages (no password). */
export function describeDatabase(cfg: DbConfig): string {
  const url = databaseUrlOf(cfg);
  return url ? describeUrl(url) : join(cfg.dataDir, 'pglite');
}

/**
 * Opens the database without touching its schema: PostgreSQL when DATABASE_URL is set, else
 * PGlite in DATA_DIR/pglite. A PostgreSQL server that is still starting is waited for.
 */
export async function connectDatabase(cfg: DbConfig): Promise<Database> {
  const url = databaseUrlOf(cfg);
  if (!url) {
    const dir = join(cfg.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    return openPglite({ dataDir: dir });
  }
  if (!/^postgres(ql)?:\/\//.test(url)) throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  const db = await openPostgres({ url });
  const deadline = Date.now() + (cfg.connectTimeoutMs ?? 30_000);
  for (let wait = 250; ; wait = Math.min(wait * 2, 4000)) {
    try {
      await db.query('SELECT 1');
      return db;
    } catch (err) {
      if (!isConnectionError(err) || Date.now() + wait > deadline) {
        await db.close();
        throw new Error(`cannot reach PostgreSQL at ${describeUrl(url)}: ${err instanceof Error ? err.message : String(err)}`);
      }
      console.error(`iz-atlas: waiting for PostgreSQL at ${describeUrl(url)} (${err instanceof Error ? err.message : String(err)})`);
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** Opens the database for a running server: migrated, and seeded on first start. */
export async function openDatabase(cfg: DbConfig, dataset: () => Promise<Dataset>): Promise<Database> {
  const db = await connectDatabase(cfg);
  try {
    await prepareDatabase(db, dataset);
  } catch (err) {
    await db.close();
    throw err;
  }
  return db;
}

/** Zones in the database; 0 for an empty one. */
export async function zoneCount(db: Database): Promise<number> {
  const [row] = await db.query<{ n: number }>('SELECT count(*)::int AS n FROM zones');
  return row?.n ?? 0;
}

/**
 * Applies pending migrations, then seeds from the dataset if (and only if) there are no zones yet.
 * On PostgreSQL both happen in one transaction under an advisory lock, so several instances
 * starting together on a new database migrate and seed it once: the others wait, then find
 * nothing to do. PGlite has a single process anyway.
 */
export async function prepareDatabase(db: Database, dataset: () => Promise<Dataset>, opts: { seed?: boolean } = {}): Promise<{ migrations: number[]; seeded: boolean }> {
  const steps = async (d: Database) => {
    const migrations = await migrate(d);
    if (opts.seed === false || (await zoneCount(d)) > 0) return { migrations, seeded: false };
    await seedDatabase(d, await dataset());
    return { migrations, seeded: true };
  };
  if (db.kind !== 'postgres') return steps(db);
  return db.transaction(async (tx) => {
    // Transaction-level lock: released at commit, whichever pooled connection took it.
    await tx.query('SELECT pg_advisory_xact_lock(7263011)');
    return steps({ ...db, query: tx.query, exec: async (sql) => void (await tx.query(sql)), transaction: (fn) => fn(tx) });
  });
}
