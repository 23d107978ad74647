/**
 * The flat properties a map reads from a zone or a plot, computed once for the client's GeoJSON
 * sources (client/map/map-features.ts) and the server's vector tiles (server/tiles/), so the two
 * data paths draw the same colours and answer the same clicks. MapLibre expressions read flat
 * properties only; the names are the ones the style (client/map/style/) reads.
 */
import type { Confidence, ConfidenceCode } from './confidence.ts';
import type { FigureSource, LandSummary, ProgressSummary, ZoneOccupancy } from './metrics.ts';
import type { Region } from './regions.ts';
import type { PlotProperties, ZoneProperties } from './schema.ts';
import { PRE_LEASING_STATUSES, type LandUse, type PlotStatus, type ZoneKind, type ZoneStatus } from './vocabulary.ts';

export type MapZoneProps = {
  id: string;
  kind: ZoneKind;
  status: ZoneStatus;
  /** Planned or revoked: no leasable land to colour by occupancy. */
  preLeasing: boolean;
  /** The displayed occupancy (zoneOccupancy), never a schematic layout's sum. */
  occupancyPct: number | null;
  progressPct: number | null;
  /** Hectares behind occupancyPct; 0 when the figure is a sourced rate without hectares (see occupancyHasHa). */
  leasedHa: number;
  leasableHa: number;
  occupancyHasHa: boolean;
  /** 1: all leasable land, 2: developed land, 0: no figure. Bubbles do not combine different bases. */
  occupancyBasis: 0 | 1 | 2;
  /** Could hold tenants but has no figure: a bubble containing it has no figure either. */
  occupancyMissing: boolean;
  areaHa: number;
  /** How sure each figure is (geodata/confidence.ts): the map marks partial and old figures. */
  occupancyConfidence: ConfidenceCode;
  progressConfidence: ConfidenceCode;
  /** The figure's year, written beside it when old. */
  occupancyYear: number | null;
  progressYear: number | null;
  /** The colour is a figure a source states (no real plot layout gives one): drawn with its own mark, explained in the legend. */
  occupancyStated: boolean;
  /** The former province (geodata/regions.ts) of the zone's commune; '' outside every commune. */
  region: Region | '';
  /** The plots are a schematic layout, not surveyed: labelled so from the zoom where plots show. */
  layoutSchematic: boolean;
  nameVi: string;
  nameEn: string;
};

/**
 * A zone's properties with its figures as GET /api/zones gives them: `occupancy` the figure to
 * display (sourced), `land` the sums of its plots, `progress` its infrastructure.
 */
export type ZoneWithFigures = Pick<ZoneProperties, 'id' | 'kind' | 'status' | 'totalAreaHa' | 'name'> & {
  figureSource: FigureSource;
  region: Region | null;
  land: LandSummary;
  occupancy: Pick<ZoneOccupancy, 'valuePct' | 'leasedHa' | 'baseHa' | 'basis' | 'gap'>;
  progress: ProgressSummary;
  confidence: { occupancy: Confidence; progress: Confidence; layout: Confidence };
};

export function mapZoneProps(p: ZoneWithFigures): MapZoneProps {
  return {
    id: p.id,
    kind: p.kind,
    status: p.status,
    preLeasing: PRE_LEASING_STATUSES.includes(p.status),
    occupancyPct: p.occupancy.valuePct,
    progressPct: p.progress.progressPct,
    leasedHa: p.occupancy.leasedHa ?? 0,
    leasableHa: p.occupancy.baseHa ?? 0,
    occupancyHasHa: p.occupancy.leasedHa !== null && p.occupancy.baseHa !== null,
    occupancyBasis: p.occupancy.basis === 'industrial_land' ? 1 : p.occupancy.basis === 'developed_land' ? 2 : 0,
    occupancyMissing: p.occupancy.valuePct === null && p.occupancy.gap !== 'not_leasable',
    areaHa: p.totalAreaHa.value ?? 0,
    occupancyConfidence: p.confidence.occupancy.code,
    progressConfidence: p.confidence.progress.code,
    occupancyYear: p.confidence.occupancy.year,
    progressYear: p.confidence.progress.year,
    occupancyStated: p.figureSource === 'stated',
    region: p.region ?? '',
    layoutSchematic: p.confidence.layout.code === 'schematic',
    nameVi: p.name.vi,
    nameEn: p.name.en,
  };
}

/**
 * A zone in a vector tile: the same properties without the names (labels come from the zone points
 * source, and names would be most of a low-zoom tile's bytes) and without nulls (a tile has no null;
 * a missing property reads as null in the style's expressions).
 */
type Nullable = 'occupancyPct' | 'progressPct' | 'occupancyYear' | 'progressYear';
export type TileZoneProps = Omit<MapZoneProps, 'nameVi' | 'nameEn' | Nullable> & Partial<Record<Nullable, number>>;

export function tileZoneProps(p: ZoneWithFigures): TileZoneProps {
  const { nameVi: _vi, nameEn: _en, ...rest } = mapZoneProps(p);
  return Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== null)) as TileZoneProps;
}

/**
 * What the plot layers read: status and land use for the colour, the id for clicks and
 * feature-state, how sure the status is for the schematic mark.
 */
export type MapPlotProps = { id: string; zoneId: string; status: PlotStatus; landUse: LandUse; statusConfidence: ConfidenceCode };

export function mapPlotProps(p: Pick<PlotProperties, 'id' | 'zoneId' | 'status' | 'landUse'> & { statusConfidence: ConfidenceCode }): MapPlotProps {
  return { id: p.id, zoneId: p.zoneId, status: p.status, landUse: p.landUse, statusConfidence: p.statusConfidence };
}
