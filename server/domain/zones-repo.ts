import type { ZoneApiFeature, ZoneMetrics } from '../../geodata/api.ts';
import { layoutConfidence, occupancyConfidence, progressConfidence } from '../../geodata/confidence.ts';
import { figureSourceOf, summarizeLand, summarizeProgress, zoneOccupancy, type LayoutProvenance, type PlotAreaInput } from '../../geodata/metrics.ts';
import type { COMMUNE_BASES, ZoneProperties } from '../../geodata/schema.ts';
import { regionOfCommune } from '../../geodata/admin/zone-region.ts';

type CommuneBasis = (typeof COMMUNE_BASES)[number];
import type { Queryable } from '../db/database.ts';

export type ZoneRow = { id: string; props: ZoneProperties; geometry: ZoneApiFeature['geometry']; version: number;
  commune_code: string | null; commune_name: string | null; commune_basis: CommuneBasis | null;
};
const ZONE_SELECT = 'SELECT id, props, geometry, version, commune_code, commune_name, commune_basis FROM zones';
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

export type PlotEdit = { at: string; by: string };
/** What decides a zone's displayed occupancy besides its plot sums (see zoneOccupancy). */
export type OccupancyContext = {
  schematic: Set<string>;
  lastPlotEdit: Map<string, PlotEdit>;
  /** The data's reference date for confidence (geodata/confidence.ts): the newest source's date. */
  referenceDate: string | null;
};

/**
 * Zones with a schematic layout (a plot citing a source marked schematic) and each zone's latest
 * planner change to its plots (edit, split, merge or a plots import), from the audit log.
 */
export async function occupancyContext(db: Queryable, zoneId?: string): Promise<OccupancyContext> {
  const one = zoneId ? 'AND p.zone_id = $1' : '';
  const [layouts, edits, [newest]] = await Promise.all([
    db.query<{ zone_id: string }>(
      `SELECT DISTINCT p.zone_id FROM plots p JOIN sources s ON s.id = p.props->>'sourceId'
        WHERE s.data->>'schematic' = 'true' ${one}`,
      zoneId ? [zoneId] : [],
    ),
    db.query<{ zone_id: string; at: string; username: string }>(
      `SELECT DISTINCT ON (zone_id) zone_id, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS at, username
         FROM audit_log
        WHERE zone_id IS NOT NULL AND (entity_type = 'plot' OR (action = 'import' AND after ? 'plots')) ${zoneId ? 'AND zone_id = $1' : ''}
        ORDER BY zone_id, id DESC`,
      zoneId ? [zoneId] : [],
    ),
    db.query<{ d: string | null }>(`SELECT max(data->>'date') AS d FROM sources`),
  ]);
  return {
    referenceDate: newest?.d ?? null,
    schematic: new Set(layouts.map((r) => r.zone_id)),
    lastPlotEdit: new Map(edits.map((r) => [r.zone_id, { at: r.at, by: r.username }])),
  };
}

export function layoutOf(id: string, areas: AreaRow[] | undefined, ctx: OccupancyContext): LayoutProvenance {
  if (!areas?.length) return 'none';
  return ctx.schematic.has(id) ? 'schematic' : 'sourced';
}

export function zoneMetrics(id: string, props: ZoneProperties, areas: AreaRow[] = [], ctx: OccupancyContext): ZoneMetrics {
  const land = summarizeLand(areas);
  const layout = layoutOf(id, areas, ctx);
  const occupancy = zoneOccupancy({ status: props.status, layout, land, claim: props.occupancyClaim, lastPlotEdit: ctx.lastPlotEdit.get(id) ?? null });
  const progress = summarizeProgress(props.infrastructure);
  return {
    land,
    occupancy,
    figureSource: figureSourceOf(occupancy),
    progress,
    confidence: {
      occupancy: occupancyConfidence(occupancy, layout, ctx.referenceDate),
      progress: progressConfidence(progress, ctx.referenceDate),
      layout: layoutConfidence(layout),
    },
    plotCount: areas.reduce((n, a) => n + a.n, 0),
  };
}

function toFeature(row: ZoneRow, areas: AreaRow[] | undefined, ctx: OccupancyContext): ZoneApiFeature {
  return {
    type: 'Feature',
    id: row.id,
    geometry: row.geometry,
    properties: { ...row.props, communeCode: row.commune_code, communeName: row.commune_name, communeBasis: row.commune_basis, region: regionOfCommune(row.commune_code), ...zoneMetrics(row.id, row.props, areas, ctx), version: row.version },
  };
}

/** Everything the zones' figures and the province totals are computed from: three reads. */
export type ZoneInputs = { rows: ZoneRow[]; areas: Map<string, AreaRow[]>; ctx: OccupancyContext };

export async function zoneInputs(db: Queryable): Promise<ZoneInputs> {
  const [rows, areas, ctx] = await Promise.all([db.query<ZoneRow>(`${ZONE_SELECT} ORDER BY id`), plotAreas(db), occupancyContext(db)]);
  return { rows, areas, ctx };
}

export const zoneFeatures = ({ rows, areas, ctx }: ZoneInputs): ZoneApiFeature[] => rows.map((r) => toFeature(r, areas.get(r.id), ctx));

export async function listZones(db: Queryable): Promise<ZoneApiFeature[]> {
  return zoneFeatures(await zoneInputs(db));
}

/** One zone; `pendingPlotEdit`: a change to its plots being written now, counted as its latest (the audit row is not in yet). */
export async function getZone(db: Queryable, id: string, pendingPlotEdit?: PlotEdit): Promise<ZoneApiFeature | null> {
  const [row] = await db.query<ZoneRow>(`${ZONE_SELECT} WHERE id = $1`, [id]);
  if (!row) return null;
  const [areas, ctx] = await Promise.all([plotAreas(db, id), occupancyContext(db, id)]);
  if (pendingPlotEdit) ctx.lastPlotEdit.set(id, pendingPlotEdit);
  return toFeature(row, areas.get(id), ctx);
}
