/**
 * The commune (xã or phường, since 1 July 2025) of a zone or plot, derived from its geometry by
 * geodata's rule (largest overlap with the real communes, geodata/admin/derive-commune.ts) and
 * stored beside the record in commune_code and commune_name. Derived whenever geometry is written
 * (seed, import, split, merge), so a read never computes it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { deriveCommune } from '../../geodata/admin/derive-commune.ts';
import type { Queryable } from '../db/database.ts';

/** [commune_code, commune_name] for a geometry; both null outside every commune. */
export function communeCells(geometry: Polygon | MultiPolygon): [string | null, string | null] {
  const c = deriveCommune(geometry);
  return c ? [c.code, c.name] : [null, null];
}

type Row = { id: string; geometry: Polygon | MultiPolygon };

/** Derives the commune of every row of `table` again, in statements of a few thousand rows. */
async function recompute(tx: Queryable, table: 'zones' | 'plots'): Promise<void> {
  const rows = await tx.query<Row>(`SELECT id, geometry FROM ${table} ORDER BY id`);
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => [r.id, ...communeCells(r.geometry)] as const);
    await tx.query(
      `UPDATE ${table} t SET commune_code = v.code, commune_name = v.name
         FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, code, name) WHERE t.id = v.id`,
      [chunk.map((c) => c[0]), chunk.map((c) => c[1]), chunk.map((c) => c[2])],
    );
  }
}

/** Fills the commune columns of every zone and plot (a database that had them before the columns existed). */
export async function recomputeCommunes(tx: Queryable): Promise<void> {
  await recompute(tx, 'zones');
  await recompute(tx, 'plots');
}
