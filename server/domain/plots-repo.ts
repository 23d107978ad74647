import type { Polygon } from 'geojson';
import type { PlotApiFeature } from '../../geodata/api.ts';
import type { PlotProperties } from '../../geodata/schema.ts';
import { OPEN_ENQUIRY_STATUSES, type PlotStatus } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';

type PlotRow = { id: string; props: PlotProperties; geometry: Polygon; area_ha: number; version: number; open_enquiries: number };

export type PlotQuery = {
  zoneId?: string;
  bbox?: [number, number, number, number];
  statuses?: PlotStatus[];
};

/** Open enquiries per plot come along, so the map can mark the plots investors ask about. */
const COLUMNS = `id, props, geometry, area_ha, version,
  (SELECT count(*)::int FROM enquiries e WHERE e.plot_id = plots.id AND e.status IN (${OPEN_ENQUIRY_STATUSES.map((st) => `'${st}'`).join(', ')})) AS open_enquiries`;

function toFeature(r: PlotRow): PlotApiFeature {
  return {
    type: 'Feature',
    id: r.id,
    geometry: r.geometry,
    properties: { ...r.props, areaHa: Math.round(r.area_ha * 100) / 100, version: r.version, openEnquiries: r.open_enquiries },
  };
}

export async function findPlots(db: Queryable, q: PlotQuery): Promise<PlotApiFeature[]> {
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (v: unknown) => `$${params.push(v)}`;
  if (q.zoneId) where.push(`zone_id = ${param(q.zoneId)}`);
  if (q.statuses?.length) where.push(`status = ANY(${param(q.statuses)})`);
  if (q.bbox) {
    const [minLon, minLat, maxLon, maxLat] = q.bbox;
    // Bounding boxes that intersect the requested one.
    where.push(`max_lon >= ${param(minLon)} AND min_lon <= ${param(maxLon)} AND max_lat >= ${param(minLat)} AND min_lat <= ${param(maxLat)}`);
  }
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
