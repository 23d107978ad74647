/**
 * The commune (xã or phường, since 1 July 2025) of a zone or plot, derived from its geometry by
 * geodata's rule (largest overlap with the real communes, geodata/admin/derive-commune.ts) and
 * stored with the record: in the commune_code and commune_name columns (and the zones'
 * commune_basis), and in its properties, so both always agree. Derived whenever geometry is
 * written (seed, import, split, merge), so a read never computes it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { communeBasisOf } from '../../geodata/admin/commune-rules.ts';
import { deriveCommune } from '../../geodata/admin/derive-commune.ts';
import type { COMMUNE_BASES, ZoneProperties } from '../../geodata/schema.ts';

type CommuneBasis = (typeof COMMUNE_BASES)[number];
import type { Queryable } from '../db/database.ts';

export type DerivedCommune = { communeCode: string | null; communeName: string | null };
export type ZoneCommune = DerivedCommune & { communeBasis: CommuneBasis | null };

export function plotCommune(geometry: Polygon | MultiPolygon): DerivedCommune {
  const c = deriveCommune(geometry);
  return { communeCode: c?.code ?? null, communeName: c?.name ?? null };
}

/**
 * The communes of many geometries, in order: the heavy part of an import's commit (about 2 ms of
 * CPU a plot against the real boundaries), run by the heavy-work thread before the transaction.
 */
export const plotCommunes = (geometries: readonly (Polygon | MultiPolygon)[]): DerivedCommune[] => geometries.map(plotCommune);

/**
 * A zone's commune and how it is known: 'sourced' when the merger table (formedFrom) makes the
 * zone's sourced old commune that commune, else 'geometry' (shown as derived, not as fact).
 * `derived` is the geometry's commune when it is already known (plotCommune of the same geometry).
 */
export function zoneCommune(geometry: Polygon | MultiPolygon, addressOld: ZoneProperties['addressOld'], derived?: DerivedCommune): ZoneCommune {
  const c = derived ?? plotCommune(geometry);
  if (!c.communeCode) return { ...c, communeBasis: null };
  return { ...c, communeBasis: communeBasisOf(c.communeCode, addressOld) };
}

type Row = { id: string; geometry: Polygon | MultiPolygon; address_old: ZoneProperties['addressOld'] };

/** Derives the commune of every row of `table` again, in statements of a few thousand rows. */
async function recompute(tx: Queryable, table: 'zones' | 'plots'): Promise<void> {
  const rows = await tx.query<Row>(`SELECT id, geometry, props->'addressOld' AS address_old FROM ${table} ORDER BY id`);
  for (let i = 0; i < rows.length; i += 2000) {
    const chunk = rows.slice(i, i + 2000).map((r) => ({ id: r.id, ...(table === 'zones' ? zoneCommune(r.geometry, r.address_old) : { ...plotCommune(r.geometry), communeBasis: null }) }));
    const basis = table === 'zones' ? `, commune_basis = v.basis, props = t.props || jsonb_build_object('communeBasis', v.basis)` : '';
    await tx.query(
      `UPDATE ${table} t SET commune_code = v.code, commune_name = v.name${basis}
         FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS v(id, code, name, basis) WHERE t.id = v.id`,
      [chunk.map((c) => c.id), chunk.map((c) => c.communeCode), chunk.map((c) => c.communeName), chunk.map((c) => c.communeBasis)],
    );
    await tx.query(
      `UPDATE ${table} t SET props = t.props || jsonb_build_object('communeCode', v.code, 'communeName', v.name)
         FROM unnest($1::text[], $2::text[], $3::text[]) AS v(id, code, name) WHERE t.id = v.id`,
      [chunk.map((c) => c.id), chunk.map((c) => c.communeCode), chunk.map((c) => c.communeName)],
    );
  }
}

/** Fills the commune columns of every zone and plot (a database that had them before the columns existed). */
export async function recomputeCommunes(tx: Queryable): Promise<void> {
  await recompute(tx, 'zones');
  await recompute(tx, 'plots');
}
