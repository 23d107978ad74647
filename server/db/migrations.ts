import type { Database } from './database.ts';

/**
 * Versioned schema migrations, applied in order and recorded in schema_migrations. Never edit a
 * released migration: add a new one, so every existing DATA_DIR upgrades the same way.
 */
export const MIGRATIONS: { version: number; name: string; sql: string }[] = [
  {
    version: 1,
    name: 'core tables',
    sql: `
      CREATE TABLE sources (
        id text PRIMARY KEY,
        data jsonb NOT NULL
      );
      CREATE TABLE zones (
        id text PRIMARY KEY,
        kind text NOT NULL,
        status text NOT NULL,
        props jsonb NOT NULL,
        geometry jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE plots (
        id text PRIMARY KEY,
        zone_id text NOT NULL REFERENCES zones(id),
        land_use text NOT NULL,
        status text NOT NULL,
        area_ha double precision NOT NULL,
        min_lon double precision NOT NULL,
        min_lat double precision NOT NULL,
        max_lon double precision NOT NULL,
        max_lat double precision NOT NULL,
        props jsonb NOT NULL,
        geometry jsonb NOT NULL,
        version integer NOT NULL DEFAULT 1,
        updated_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX plots_zone_idx ON plots (zone_id);
      CREATE INDEX plots_bbox_idx ON plots (min_lon, max_lon, min_lat, max_lat);
      CREATE TABLE context (
        id text PRIMARY KEY,
        kind text NOT NULL,
        props jsonb NOT NULL,
        geometry jsonb NOT NULL
      );
      CREATE TABLE meta (
        key text PRIMARY KEY,
        value jsonb NOT NULL
      );
    `,
  },
];

export async function migrate(db: Database): Promise<number[]> {
  await db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
  const done = new Set(
    (await db.query<{ version: number }>('SELECT version FROM schema_migrations')).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version)) continue;
    await db.transaction(async (tx) => {
      for (const stmt of splitStatements(m.sql)) await tx.query(stmt);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}

/** Extended-protocol queries take one statement each; migrations hold no semicolons in literals. */
function splitStatements(sql: string): string[] {
  return sql
    .split(';')
    .map((s) => s.trim())
    .filter(Boolean);
}
