import { recomputeCommunes } from '../domain/communes.ts';
import type { Database, Queryable } from './database.ts';
import { EDITS_SOURCE_ID, EDITS_SOURCE_LABEL } from '../../geodata/own-sources.ts';

/**
 * Versioned schema migrations, applied in order and recorded in schema_migrations. Never edit a
 * released migration: add a new one, so every existing DATA_DIR upgrades the same way.
 */
export const MIGRATIONS: { version: number; name: string; sql: string; afterSql?: (tx: Queryable) => Promise<void> }[] = [
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
  {
    version: 2,
    name: 'accounts, sessions, login throttling and the audit log',
    sql: `
      CREATE TABLE users (
        id serial PRIMARY KEY,
        username text NOT NULL UNIQUE,
        role text NOT NULL CHECK (role IN ('planner', 'admin')),
        password_hash text NOT NULL,
        disabled boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      );
      CREATE TABLE sessions (
        token_hash text PRIMARY KEY,
        user_id integer NOT NULL REFERENCES users(id),
        csrf_token text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        expires_at timestamptz NOT NULL
      );
      CREATE INDEX sessions_user_idx ON sessions (user_id);
      CREATE TABLE login_failures (
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX login_failures_idx ON login_failures (key, at);
      CREATE TABLE audit_log (
        id bigserial PRIMARY KEY,
        at timestamptz NOT NULL DEFAULT now(),
        user_id integer REFERENCES users(id),
        username text NOT NULL,
        entity_type text NOT NULL,
        entity_id text NOT NULL,
        zone_id text,
        action text NOT NULL,
        before jsonb,
        after jsonb,
        reason text,
        zone_metrics jsonb
      );
      CREATE INDEX audit_entity_idx ON audit_log (entity_type, entity_id, at);
      CREATE INDEX audit_zone_idx ON audit_log (zone_id, at);
      CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
      CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log
        FOR EACH ROW EXECUTE FUNCTION audit_log_append_only();
      INSERT INTO sources (id, data) VALUES ('iz-atlas-edits', '{"id":"iz-atlas-edits","title":"Planner edits recorded in the iz-atlas audit log","url":null,"publisher":"iz-atlas","date":null,"note":"Each edited figure carries the planner''s source note; who changed what and when is in the audit log."}')
        ON CONFLICT (id) DO NOTHING
    `,
  },
  {
    version: 3,
    name: 'investor enquiries and rate limits',
    sql: `
      CREATE TABLE enquiries (
        id serial PRIMARY KEY,
        created_at timestamptz NOT NULL DEFAULT now(),
        status text NOT NULL DEFAULT 'new',
        plot_id text,
        zone_id text NOT NULL REFERENCES zones(id),
        data jsonb NOT NULL
      );
      CREATE INDEX enquiries_plot_idx ON enquiries (plot_id, status);
      CREATE TABLE rate_events (
        key text NOT NULL,
        at timestamptz NOT NULL DEFAULT now()
      );
      CREATE INDEX rate_events_idx ON rate_events (key, at)
    `,
  },
  {
    version: 4,
    name: 'a 2-D index on plot bounding boxes',
    // A btree on (min_lon, max_lon, …) narrows a viewport query by longitude only: at national scale
    // it walks half the index. A GiST index on core PostgreSQL's box type (no extension needed, so
    // PGlite and a stock server alike) answers "intersects this box" in 2-D. The column is
    // generated, so the INSERTs that list their columns need no change.
    sql: `
      ALTER TABLE plots ADD COLUMN bbox box GENERATED ALWAYS AS (box(point(min_lon, min_lat), point(max_lon, max_lat))) STORED;
      CREATE INDEX plots_bbox_gist_idx ON plots USING gist (bbox);
      DROP INDEX plots_bbox_idx
    `,
  },
  {
    version: 5,
    name: 'the commune of each zone and plot since 1 July 2025, derived from its geometry',
    // Derived in TypeScript (geodata's largest-overlap rule), so existing rows are filled by `afterSql`
    // in the same transaction; a new database has no rows yet and the seed fills them.
    sql: `
      ALTER TABLE zones ADD COLUMN commune_code text;
      ALTER TABLE zones ADD COLUMN commune_name text;
      ALTER TABLE zones ADD COLUMN commune_basis text;
      ALTER TABLE plots ADD COLUMN commune_code text;
      ALTER TABLE plots ADD COLUMN commune_name text
    `,
    afterSql: recomputeCommunes,
  },
  {
    version: 6,
    name: "the edits source in the reader's language",
    // Migration 2 created it with an English title only, which a Vietnamese panel cited as is.
    sql: 'SELECT 1',
    afterSql: async (tx) => {
      await tx.query(`UPDATE sources SET data = data || jsonb_build_object('label', $1::jsonb) WHERE id = $2`, [JSON.stringify(EDITS_SOURCE_LABEL), EDITS_SOURCE_ID]);
    },
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
      await m.afterSql?.(tx);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
    });
    applied.push(m.version);
  }
  return applied;
}

/**
 * Extended-protocol queries take one statement each. Statements end with ";" at the end of a
 * line; a dollar-quoted function body keeps its inner semicolons mid-line.
 */
function splitStatements(sql: string): string[] {
  return sql
    .split(/;\s*\n/)
    .map((s) => s.trim())
    .filter(Boolean);
}
