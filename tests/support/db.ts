import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import pg from 'pg';
import { DEFAULT_GEODATA_DIR, loadDataset } from '../../geodata/load.ts';
import type { Database } from '../../server/db/database.ts';
import { prepareDatabase } from '../../server/db/open.ts';
import { openPglite } from '../../server/db/pglite.ts';
import { openPostgres } from '../../server/db/postgres.ts';

/**
 * Test databases. By default each test file gets an in-memory PGlite started from a snapshot of a
 * migrated, seeded database. With DATABASE_URL set (npm run test:api:pg) the same tests run on
 * that PostgreSQL server: the global setup migrates and seeds a template database once, and each
 * test file gets `CREATE DATABASE … TEMPLATE` of it, dropped again when the file closes it.
 *
 * The database DATABASE_URL names is a scratch database: its name must contain "test", and the
 * run drops and recreates it (tests that spawn the CLI use it). The role needs CREATEDB.
 */

/** What the global setup hands the test files: a snapshot file (PGlite) or "postgres:TEMPLATE". */
const PG_PREFIX = 'postgres:';

export const testDatabaseUrl = () => process.env.DATABASE_URL || undefined;

/** A migrated, seeded database dumped to a tarball: test databases start from it, skipping initdb. */
export async function makeSnapshot(): Promise<Blob> {
  const db = await openPglite({ memory: true });
  await prepareDatabase(db, () => loadDataset(DEFAULT_GEODATA_DIR));
  const dump = await db.dump();
  await db.close();
  return dump;
}

/** A fresh database with the bundled data, from what the global setup prepared. */
export async function openTestDb(snapshot: string): Promise<Database> {
  if (!snapshot.startsWith(PG_PREFIX)) return openPglite({ snapshot: new Blob([readFileSync(snapshot)]) });
  const { url, drop } = await createPgTestDatabase(snapshot);
  const db = await openPostgres({ url, max: 4 });
  return {
    ...db,
    async close() {
      await db.close();
      await drop();
    },
  };
}

// ---- PostgreSQL ---------------------------------------------------------------------------

const quoteIdent = (s: string) => `"${s.replace(/"/g, '""')}"`;
const likePrefix = (s: string) => `${s.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(name)}`;
  return u.toString();
}

/** The database DATABASE_URL names, and a connection to the server's maintenance database. */
function pgTarget(url: string) {
  const base = decodeURIComponent(new URL(url).pathname.slice(1));
  if (!/test/i.test(base)) {
    throw new Error(`DATABASE_URL names the database "${base}": the API tests drop and recreate it, so its name must contain "test"`);
  }
  return { base, prefix: base.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, 30) };
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: withDatabase(url, 'postgres') });
  c.on('error', () => {}); // the server going away mid-teardown is reported by the query that fails
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** CREATE DATABASE … TEMPLATE fails while anyone is connected to the template: retry briefly. */
async function createFromTemplate(c: pg.Client, name: string, template: string) {
  for (let i = 0; ; i++) {
    try {
      await c.query(`CREATE DATABASE ${quoteIdent(name)} TEMPLATE ${quoteIdent(template)}`);
      return;
    } catch (err) {
      if (i >= 20 || !/being accessed by other users/.test((err as Error).message)) throw err;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/**
 * Global setup on PostgreSQL: recreates the DATABASE_URL database empty, drops what crashed runs
 * left, and builds this run's seeded template. Returns the value to provide and the teardown.
 */
export async function preparePgTemplate(url: string): Promise<{ snapshot: string; teardown: () => Promise<void> }> {
  const { base, prefix } = pgTarget(url);
  const run = `${prefix}_r${process.pid}_`;
  const template = `${run}tpl`;
  await admin(url, async (c) => {
    const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [likePrefix(`${prefix}_r`)]);
    for (const { datname } of rows) {
      const pid = Number(/_r(\d+)_/.exec(datname.slice(prefix.length))?.[1]);
      if (!alive(pid) || pid === process.pid) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
    }
    await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(base)} WITH (FORCE)`);
    await c.query(`CREATE DATABASE ${quoteIdent(base)}`);
    await c.query(`CREATE DATABASE ${quoteIdent(template)}`);
  });
  const db = await openPostgres({ url: withDatabase(url, template), max: 1 });
  try {
    await prepareDatabase(db, () => loadDataset(DEFAULT_GEODATA_DIR));
  } finally {
    await db.close();
  }
  return {
    snapshot: `${PG_PREFIX}${template}`,
    teardown: () =>
      admin(url, async (c) => {
        const { rows } = await c.query<{ datname: string }>('SELECT datname FROM pg_database WHERE datname LIKE $1', [likePrefix(run)]);
        for (const { datname } of rows) await c.query(`DROP DATABASE IF EXISTS ${quoteIdent(datname)} WITH (FORCE)`);
      }),
  };
}

/** A new seeded PostgreSQL database from the run's template: its URL, and how to drop it. */
export async function createPgTestDatabase(snapshot: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const url = testDatabaseUrl();
  if (!url) throw new Error('the PostgreSQL test template was prepared, but DATABASE_URL is not set in this process');
  const template = snapshot.slice(PG_PREFIX.length);
  const name = `${template.slice(0, -'tpl'.length)}${randomBytes(5).toString('hex')}`;
  await admin(url, (c) => createFromTemplate(c, name, template));
  let dropped = false;
  return {
    url: withDatabase(url, name),
    drop: async () => {
      if (dropped) return;
      dropped = true;
      await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`));
    },
  };
}
