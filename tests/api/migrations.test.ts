/**
 * Upgrading a database made before a migration: the same migrations run on PGlite and, with
 * `npm run test:api:pg`, on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { deriveCommune } from '../../geodata/admin/derive-commune.ts';
import type { Database } from '../../server/db/database.ts';
import { migrate } from '../../server/db/migrations.ts';
import { openTestDb } from '../support/db.ts';

let db: Database;
beforeAll(async () => {
  db = await openTestDb(inject('dbSnapshot'));
});
afterAll(() => db.close());

type Row = { id: string; geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon; commune_code: string | null; commune_name: string | null };

describe('migration 5: the commune of each zone and plot', () => {
  it('adds the columns to a database that had zones and plots, and fills them from the geometry', async () => {
    // The database as it was before migration 5: no commune columns, version 4 the latest.
    for (const table of ['zones', 'plots']) await db.query(`ALTER TABLE ${table} DROP COLUMN commune_code, DROP COLUMN commune_name`);
    await db.query('ALTER TABLE zones DROP COLUMN commune_basis');
    await db.query('DELETE FROM schema_migrations WHERE version = 5');

    expect(await migrate(db)).toEqual([5]);
    for (const table of ['zones', 'plots']) {
      const rows = await db.query<Row>(`SELECT id, geometry, commune_code, commune_name FROM ${table} ORDER BY id`);
      expect(rows.length, table).toBeGreaterThan(0);
      for (const r of rows) {
        const c = deriveCommune(r.geometry);
        expect({ code: r.commune_code, name: r.commune_name }, `${table} ${r.id}`).toEqual({ code: c?.code ?? null, name: c?.name ?? null });
      }
      expect(rows.filter((r) => r.commune_code !== null).length, `${table} in a commune`).toBe(rows.length);
    }
    const basis = await db.query<{ id: string; commune_basis: string }>(`SELECT id, commune_basis FROM zones WHERE id IN ('ccn-huyen-tung', 'ccn-nam-bang-lung') ORDER BY id`);
    expect(basis).toEqual([{ id: 'ccn-huyen-tung', commune_basis: 'sourced' }, { id: 'ccn-nam-bang-lung', commune_basis: 'geometry' }]);
    expect(await migrate(db)).toEqual([]);
  }, 180_000); // every zone and plot derived twice (by the migration and by the check), on shared cores
});
