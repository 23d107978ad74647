import type { PlotApiFeature } from '../../geodata/api.ts';
import { regionOfCommune } from '../../geodata/admin/zone-region.ts';
import { plotStatusConfidence } from '../../geodata/confidence.ts';
import type { PlotProperties } from '../../geodata/schema.ts';
import { OPEN_ENQUIRY_STATUSES, type PlotStatus } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';

type PlotRow = {
  id: string; props: PlotProperties; geometry: PlotApiFeature['geometry']; area_ha: number; version: number; open_enquiries: number; schematic: boolean;
  commune_code: string | null; commune_name: string | null; zone_commune_code: string | null;
};

export type PlotQuery = {
  zoneId?: string;
  bbox?: [number, number, number, number];
  statuses?: PlotStatus[];
};

/** Whether the plot cites a layout drawn without a plan (a source marked schematic). */
export const SCHEMATIC_PLOT = `coalesce((SELECT s.data->>'schematic' = 'true' FROM sources s WHERE s.id = plots.props->>'sourceId'), false)`;

/** Open enquiries per plot come along, so the map can mark the plots investors ask about. */
const COLUMNS = `id, props, geometry, area_ha, version, commune_code, commune_name,
  (SELECT z.commune_code FROM zones z WHERE z.id = plots.zone_id) AS zone_commune_code,
  (SELECT count(*)::int FROM enquiries e WHERE e.plot_id = plots.id AND e.status IN (${OPEN_ENQUIRY_STATUSES.map((st) => `'${st}'`).join(', ')})) AS open_enquiries,
  ${SCHEMATIC_PLOT} AS schematic`;

function toFeature(r: PlotRow): PlotApiFeature {
  return {
    type: 'Feature',
    id: r.id,
    geometry: r.geometry,
    properties: {
      ...r.props,
      communeCode: r.commune_code,
      communeName: r.commune_name,
      // A plot is in its zone's region, so find-land, exports and OGC narrow plots and zones alike.
      region: regionOfCommune(r.zone_commune_code),
      areaHa: Math.round(r.area_ha * 100) / 100,
      version: r.version,
      openEnquiries: r.open_enquiries,
      statusConfidence: plotStatusConfidence({ schematic: r.schematic }, null).code,
    },
  };
}

/**
 * SQL for "the plot's bounding box intersects [minLon, minLat, maxLon, maxLat]", edges included.
 * Callers pass minimum ≤ maximum (the API rejects anything else; OGC leaves boxes across the
 * antimeridian out of the SQL): box() would silently swap the corners of an inverted one.
 * `bbox && box` is what the GiST index (migration 4) answers; box operators compare with a 1e-6
 * tolerance, so the exact test on the four columns follows and keeps the result what it was.
 */
function bboxIntersects(bbox: readonly [number, number, number, number], param: (v: unknown) => string): string {
  const [w, s, e, n] = bbox.map(param) as [string, string, string, string];
  return `bbox && box(point(${w}, ${s}), point(${e}, ${n})) AND max_lon >= ${w} AND min_lon <= ${e} AND max_lat >= ${s} AND min_lat <= ${n}`;
}

export async function findPlots(db: Queryable, q: PlotQuery): Promise<PlotApiFeature[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (q.zoneId) where.push(`zone_id = ${param(q.zoneId)}`);
  if (q.statuses?.length) where.push(`status = ANY(${param(q.statuses)})`);
  if (q.bbox) where.push(bboxIntersects(q.bbox, param));
  const rows = await db.query<PlotRow>(
    `SELECT ${COLUMNS} FROM plots ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY id`,
    [...params],
  );
  return rows.map(toFeature);
}

export async function getPlot(db: Queryable, id: string): Promise<PlotApiFeature | null> {
  const [row] = await db.query<PlotRow>(`SELECT ${COLUMNS} FROM plots WHERE id = $1`, [id]);
  return row ? toFeature(row) : null;
}
