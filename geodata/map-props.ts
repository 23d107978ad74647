/**
 * The flat properties a map reads from a zone or a plot, computed once for the client's GeoJSON
 * sources (client/map/map-features.ts) and the server's vector tiles (server/tiles/), so the two
 * data paths draw the same colours and answer the same clicks. MapLibre expressions read flat
 * properties only; the names are the ones the style (client/map/style/) reads.
 */
import type { LandSummary, ProgressSummary, ZoneOccupancy } from './metrics.ts';
import type { PlotProperties, ZoneProperties } from './schema.ts';
import { PRE_LEASING_STATUSES, type LandUse, type PlotStatus, type ZoneKind, type ZoneStatus } from './vocabulary.ts';

export type MapZoneProps = {
  id: string;
  kind: ZoneKind;
  status: ZoneStatus;
  /** Planned or revoked: no leasable land to colour by occupancy. */
  preLeasing: boolean;
  occupancyPct: number | null;
  progressPct: number | null;
  leasedHa: number;
  leasableHa: number;
  areaHa: number;
  nameVi: string;
  nameEn: string;
};

/**
 * A zone's properties with its figures as GET /api/zones gives them: `occupancy` the figure to
 * display (sourced), `land` the sums of its plots, `progress` its infrastructure.
 */
export type ZoneWithFigures = Pick<ZoneProperties, 'id' | 'kind' | 'status' | 'totalAreaHa' | 'name'> & {
  land: LandSummary;
  occupancy: Pick<ZoneOccupancy, 'valuePct'>;
  progress: ProgressSummary;
};

export function mapZoneProps(p: ZoneWithFigures): MapZoneProps {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    preLeasing: PRE_LEASING_STATUSES.includes(p.status),
    occupancyPct: p.occupancy.valuePct,
    progressPct: p.progress.progressPct,
    leasedHa: p.land.leasedHa,
    leasableHa: p.land.leasableHa,
    areaHa: p.totalAreaHa.value ?? 0,
    nameVi: p.name.vi,
    nameEn: p.name.en,
  };
}

/**
 * A zone in a vector tile: the same properties without the names (labels come from the zone points
 * source, and names would be most of a low-zoom tile's bytes) and without nulls (a tile has no null;
 * a missing property reads as null in the style's expressions).
 */
export type TileZoneProps = Omit<MapZoneProps, 'nameVi' | 'nameEn' | 'occupancyPct' | 'progressPct'> & { occupancyPct?: number; progressPct?: number };

export function tileZoneProps(p: ZoneWithFigures): TileZoneProps {
  const { nameVi: _vi, nameEn: _en, occupancyPct, progressPct, ...rest } = mapZoneProps(p);
  return { ...rest, ...(occupancyPct === null ? {} : { occupancyPct }), ...(progressPct === null ? {} : { progressPct }) };
}

/** What the plot layers read: status and land use for the colour, the id for clicks and feature-state. */
export type MapPlotProps = { id: string; zoneId: string; status: PlotStatus; landUse: LandUse };

export function mapPlotProps(p: Pick<PlotProperties, 'id' | 'zoneId' | 'status' | 'landUse'>): MapPlotProps {
  return { id: p.id, zoneId: p.zoneId, status: p.status, landUse: p.landUse };
}
