import type { MultiPolygon, Polygon } from 'geojson';
import type { ZoneApiFeature, ZoneMetrics } from '../../geodata/api.ts';
import { summarizeLand, summarizeProgress, type PlotAreaInput } from '../../geodata/metrics.ts';
import type { ZoneProperties } from '../../geodata/schema.ts';
import type { Queryable } from '../db/database.ts';

type ZoneRow = { id: string; props: ZoneProperties; geometry: Polygon | MultiPolygon; version: number };
export type AreaRow = PlotAreaInput & { zone_id: string; n: number };

/**
 * Plot area per zone, land use and status. SQL only adds up; the occupancy formula itself is
 * applied by summarizeLand so it is defined in one place.
 */
export async function plotAreas(db: Queryable, zoneId?: string): Promise<Map<string, AreaRow[]>> {
  const rows = await db.query<AreaRow>(
    `SELECT zone_id, land_use AS "landUse", status, sum(area_ha)::float8 AS "areaHa", count(*)::int AS n
       FROM plots ${zoneId ? 'WHERE zone_id = $1' : ''} GROUP BY zone_id, land_use, status`,
    zoneId ? [zoneId] : [],
  );
  const byZone = new Map<string, AreaRow[]>();
  for (const r of rows) byZone.set(r.zone_id, [...(byZone.get(r.zone_id) ?? []), r]);
  return byZone;
}

function metrics(props: ZoneProperties, areas: AreaRow[] = []): ZoneMetrics {
  return {
    land: summarizeLand(areas),
    progress: summarizeProgress(props.infrastructure),
    plotCount: areas.reduce((n, a) => n + a.n, 0),
  };
}

function toFeature(row: ZoneRow, areas?: AreaRow[]): ZoneApiFeature {
  return {
    type: 'Feature',
    id: row.id,
    geometry: row.geometry,
    properties: { ...row.props, ...metrics(row.props, areas), version: row.version },
  };
}

export async function listZones(db: Queryable): Promise<ZoneApiFeature[]> {
  const [rows, areas] = await Promise.all([
    db.query<ZoneRow>('SELECT id, props, geometry, version FROM zones ORDER BY id'),
    plotAreas(db),
  ]);
  return rows.map((r) => toFeature(r, areas.get(r.id)));
}

export async function getZone(db: Queryable, id: string): Promise<ZoneApiFeature | null> {
  const [row] = await db.query<ZoneRow>('SELECT id, props, geometry, version FROM zones WHERE id = $1', [id]);
  if (!row) return null;
  return toFeature(row, (await plotAreas(db, id)).get(id));
}
