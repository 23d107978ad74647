/**
 * The headline figures, each defined here and nowhere else:
 * - occupancy rate (tỷ lệ lấp đầy) of a layout, computed from plot geometry (summarizeLand);
 * - the occupancy a zone displays (zoneOccupancy: plots only where the layout is real, else the
 *   sourced figure) and the occupancy of a group of zones (aggregateOccupancy);
 * - infrastructure progress, a weighted mean of the infrastructure items.
 */
// A single turf module: all of @turf/turf costs ~0.2 s of server start-up.
import { area } from '@turf/area';
import type { Polygon, MultiPolygon } from 'geojson';
import { totalConfidence, type ConfidenceCode, type TotalConfidence } from './confidence.ts';
import type { Infrastructure } from './schema.ts';
import {
  INFRA_WEIGHTS,
  LEASABLE_LAND_USES,
  OCCUPIED_PLOT_STATUSES,
  type LandUse,
  type Label,
  type PlotStatus,
  type ZoneStatus,
} from './vocabulary.ts';

const M2_PER_HA = 10_000;

/** Geodesic area in hectares (turf's spherical area). */
export function areaHa(geometry: Polygon | MultiPolygon): number {
  return area(geometry) / M2_PER_HA;
}

export type PlotAreaInput = { landUse: LandUse; status: PlotStatus; areaHa: number };

export type LandSummary = {
  /** Industrial + service land in the layout (the occupancy denominator). */
  leasableHa: number;
  /** Leasable land that is leased (the numerator). */
  leasedHa: number;
  reservedHa: number;
  availableHa: number;
  notDevelopedHa: number;
  /** leasedHa ÷ leasableHa × 100, or null when there is no leasable land to divide by. */
  occupancyPct: number | null;
  /** Occupancy of developed land only (not_developed plots left out of the denominator). */
  developedOccupancyPct: number | null;
};

const round2 = (x: number) => Math.round(x * 100) / 100;

/**
 * Occupancy rate per Decree 35/2022/NĐ-CP art. 2 cl. 22: leased industrial and service land ÷
 * total industrial and service land. Plots of other land uses (roads, green) do not count.
 */
export function summarizeLand(plots: Iterable<PlotAreaInput>): LandSummary {
  let leasableHa = 0;
  let leasedHa = 0;
  let reservedHa = 0;
  let availableHa = 0;
  let notDevelopedHa = 0;
  for (const p of plots) {
    if (!LEASABLE_LAND_USES.includes(p.landUse)) continue;
    leasableHa += p.areaHa;
    if (OCCUPIED_PLOT_STATUSES.includes(p.status)) leasedHa += p.areaHa;
    else if (p.status === 'reserved') reservedHa += p.areaHa;
    else if (p.status === 'available') availableHa += p.areaHa;
    else notDevelopedHa += p.areaHa;
  }
  const developedHa = leasableHa - notDevelopedHa;
  return {
    leasableHa: round2(leasableHa),
    leasedHa: round2(leasedHa),
    reservedHa: round2(reservedHa),
    availableHa: round2(availableHa),
    notDevelopedHa: round2(notDevelopedHa),
    occupancyPct: occupancyRate(leasedHa, leasableHa),
    developedOccupancyPct: occupancyRate(leasedHa, developedHa),
  };
}

/** Percentage with one decimal; null when the denominator is zero (nothing to lease yet). */
export function occupancyRate(leasedHa: number, leasableHa: number): number | null {
  if (!(leasableHa > 1e-9)) return null;
  return Math.round((leasedHa / leasableHa) * 1000) / 10;
}

export type ProgressSummary = {
  /** Weighted mean progress over the items with known progress; null when none is known. */
  progressPct: number | null;
  /** Share (0–1) of the total weight whose progress is known: 1 means every item is sourced. */
  coverage: number;
  /** Earliest as-of date among the items used, so the figure is never fresher than its parts. */
  asOf: string | null;
};

/**
 * Infrastructure progress = Σ wᵢ·pᵢ ÷ Σ wᵢ over the items whose progress is sourced, with the
 * weights in INFRA_WEIGHTS. Unknown items are left out rather than counted as zero, and the
 * coverage says how much of the weight the figure rests on.
 */
export function summarizeProgress(items: readonly Infrastructure[]): ProgressSummary {
  let weighted = 0;
  let weight = 0;
  let asOf: string | null = null;
  for (const it of items) {
    if (it.progressPct === null) continue;
    const w = INFRA_WEIGHTS[it.item];
    weighted += w * it.progressPct;
    weight += w;
    if (it.asOf && (asOf === null || it.asOf < asOf)) asOf = it.asOf;
  }
  const total = Object.values(INFRA_WEIGHTS).reduce((a, b) => a + b, 0);
  return {
    progressPct: weight > 0 ? Math.round((weighted / weight) * 10) / 10 : null,
    coverage: Math.round((weight / total) * 100) / 100,
    asOf,
  };
}

// ---------------------------------------------------------------------------------------------
// The displayed occupancy: which figure a zone, and the province, may show as "the" occupancy.
// ---------------------------------------------------------------------------------------------

export type OccupancyBasis = 'industrial_land' | 'developed_land';
/** How a zone's plots were drawn: none; schematic (illustrative, see Source.schematic); sourced plot by plot. */
export type LayoutProvenance = 'none' | 'schematic' | 'sourced';
/** What a source says about a zone's occupancy (the zone's occupancyClaim). */
export type OccupancyStatement = { basis: OccupancyBasis; valuePct: number; sourceId: string; asOf: string; note?: string };

export type ZoneOccupancyInput = {
  status: ZoneStatus;
  layout: LayoutProvenance;
  /** summarizeLand of the zone's plots. */
  land: LandSummary;
  claim: OccupancyStatement | null;
  /** The latest planner change to the zone's plots (edit, split, merge), if any. */
  lastPlotEdit: { at: string; by: string } | null;
};

/**
 * Why a zone has no occupancy figure: `not_leasable` (planned or revoked: no land to let yet),
 * `no_source` (no source states one and the plots, if any, are schematic).
 */
export type OccupancyGap = 'not_leasable' | 'no_source';

export type ZoneOccupancy = {
  valuePct: number | null;
  basis: OccupancyBasis | null;
  /** plots: computed from a sourced layout; edit: from plots a planner changed; source: a stated figure. */
  origin: 'plots' | 'edit' | 'source' | null;
  /** The date the figure describes: the source's, or the planner's edit; never the moment of computing. */
  asOf: string | null;
  sourceId: string | null;
  /** The planner whose edit produced the figure (origin "edit"). */
  editedBy: string | null;
  /** Hectares behind the figure, only when it is computed from plots. */
  leasedHa: number | null;
  baseHa: number | null;
  gap: OccupancyGap | null;
};

const NOT_LEASABLE: readonly ZoneStatus[] = ['planned', 'revoked'];

/**
 * The one place that decides a zone's displayed occupancy:
 * 1. a layout sourced plot by plot → computed from the plots (Decree 35/2022 basis);
 * 2. plots a planner changed after the latest stated figure → computed from them, dated and
 *    signed by the edit (the planner vouches for the change, even on a schematic layout);
 * 3. otherwise the source's stated figure with its basis and date (a schematic layout only shows
 *    how the land is divided: its invented hectares never make a headline figure);
 * 4. otherwise no figure, with the reason.
 */
export function zoneOccupancy(z: ZoneOccupancyInput): ZoneOccupancy {
  const none = { valuePct: null, basis: null, origin: null, asOf: null, sourceId: null, editedBy: null, leasedHa: null, baseHa: null };
  const fromPlots = (origin: 'plots' | 'edit'): ZoneOccupancy => ({
    valuePct: z.land.occupancyPct,
    basis: 'industrial_land',
    origin,
    asOf: z.lastPlotEdit?.at ?? null,
    sourceId: null,
    editedBy: z.lastPlotEdit?.by ?? null,
    leasedHa: z.land.leasedHa,
    baseHa: z.land.leasableHa,
    gap: null,
  });
  if (z.layout === 'sourced' && z.land.occupancyPct !== null) return fromPlots('plots');
  const edit = z.lastPlotEdit;
  if (edit && z.layout !== 'none' && z.land.occupancyPct !== null && (!z.claim || edit.at > z.claim.asOf)) return fromPlots('edit');
  if (z.claim) {
    return { ...none, valuePct: z.claim.valuePct, basis: z.claim.basis, origin: 'source', asOf: z.claim.asOf, sourceId: z.claim.sourceId, gap: null };
  }
  return { ...none, gap: NOT_LEASABLE.includes(z.status) ? 'not_leasable' : 'no_source' };
}

/**
 * What a zone's occupancy colour rests on, the one rule the map, panels, exports and totals read:
 * `plots` where the figure is computed from a layout (sourced plot by plot, or plots a planner
 * changed: origin plots or edit); `stated` where no real layout gives one and a source states the
 * figure (drawn distinctly, with its basis, date and confidence); `none` without a figure ("no data").
 */
export const FIGURE_SOURCES = ['plots', 'stated', 'none'] as const;
export type FigureSource = (typeof FIGURE_SOURCES)[number];

export function figureSourceOf(o: Pick<ZoneOccupancy, 'origin'>): FigureSource {
  if (o.origin === 'plots' || o.origin === 'edit') return 'plots';
  return o.origin === 'source' ? 'stated' : 'none';
}

/**
 * How much of a group rests on each kind of figure: how many zones, their total area (ha), and the
 * lowest and highest of their figures (null for none). The range says what is known of a group
 * that has no combined figure ("4 stated: 100 %") without combining anything.
 */
export type FigureSourceShare = { source: FigureSource; zones: number; ha: number; minPct: number | null; maxPct: number | null };

/** Every kind, in FIGURE_SOURCES order, with zero where the group has none (so a reader sees "0 ha from plots"). */
export function figureSourceShares(zones: readonly { totalAreaHa: number | null; occupancy: Pick<ZoneOccupancy, 'origin' | 'valuePct'> }[]): FigureSourceShare[] {
  return FIGURE_SOURCES.map((source) => {
    const of = zones.filter((z) => figureSourceOf(z.occupancy) === source);
    const values = of.flatMap((z) => (z.occupancy.valuePct === null ? [] : [z.occupancy.valuePct]));
    return {
      source,
      zones: of.length,
      ha: round2(of.reduce((s, z) => s + (z.totalAreaHa ?? 0), 0)),
      minPct: values.length ? Math.min(...values) : null,
      maxPct: values.length ? Math.max(...values) : null,
    };
  });
}

/** A zone of a group: its displayed occupancy and that figure's confidence class (geodata/confidence.ts). */
export type AggregateZoneInput = { id: string; name: Label; totalAreaHa: number | null; occupancy: ZoneOccupancy; confidence: ConfidenceCode };
export type AggregateZoneRef = { id: string; name: Label; totalAreaHa: number | null; valuePct: number | null; basis: OccupancyBasis | null; asOf: string | null; confidence: ConfidenceCode };
/**
 * Why a group has no combined figure: `none` (no zone has one), `incomplete` (some zones that
 * could hold tenants have no figure), `mixed_basis` (figures on different bases), `no_hectares`
 * (differing rates stated without the hectares needed to weight them).
 */
export type AggregateGap = 'none' | 'incomplete' | 'mixed_basis' | 'no_hectares';

export type OccupancyAggregate = {
  valuePct: number | null;
  basis: OccupancyBasis | null;
  /** The earliest date among the figures counted: the combination is never fresher than its parts. */
  asOf: string | null;
  gap: AggregateGap | null;
  /** Zones whose figure is counted, and their total area. */
  counted: AggregateZoneRef[];
  countedHa: number;
  /** Zones that could hold tenants but have no figure: they keep the group from having one. */
  missing: AggregateZoneRef[];
  missingHa: number;
  /** Planned and revoked zones: no land to let, so outside the rate (listed, never silently dropped). */
  excluded: AggregateZoneRef[];
  excludedHa: number;
  /** How sure the group figure is: the weakest class among the figures counted, and how much rests on each class. */
  confidence: TotalConfidence;
  /** How much of the group (zones and area) is coloured from plots, from a stated figure, or has no figure. */
  figureSources: FigureSourceShare[];
};

/**
 * The occupancy of a group of zones (province, KCN, CCN). Every zone is in exactly one of
 * counted, missing or excluded. A figure exists only when no zone that could hold tenants lacks
 * one, all figures share a basis, and they can be combined: from hectares when every figure has
 * them (Σ leased ÷ Σ base), or when they are one figure or all equal (then weights do not matter).
 */
export function aggregateOccupancy(zones: readonly AggregateZoneInput[]): OccupancyAggregate {
  const ref = (z: AggregateZoneInput): AggregateZoneRef => ({
    id: z.id,
    name: z.name,
    totalAreaHa: z.totalAreaHa,
    valuePct: z.occupancy.valuePct,
    basis: z.occupancy.basis,
    asOf: z.occupancy.asOf,
    confidence: z.confidence,
  });
  const sumHa = (list: AggregateZoneRef[]) => round2(list.reduce((s, z) => s + (z.totalAreaHa ?? 0), 0));
  const countedIn = zones.filter((z) => z.occupancy.valuePct !== null);
  const counted = countedIn.map(ref);
  const missing = zones.filter((z) => z.occupancy.valuePct === null && z.occupancy.gap !== 'not_leasable').map(ref);
  const excluded = zones.filter((z) => z.occupancy.valuePct === null && z.occupancy.gap === 'not_leasable').map(ref);
  const asOf = counted.reduce<string | null>((min, z) => (z.asOf !== null && (min === null || z.asOf < min) ? z.asOf : min), null);
  const result = {
    valuePct: null, basis: null, asOf, gap: null, counted, countedHa: sumHa(counted), missing, missingHa: sumHa(missing), excluded, excludedHa: sumHa(excluded),
    confidence: totalConfidence(counted, false),
    figureSources: figureSourceShares(zones),
  };
  const figure = (basis: OccupancyBasis | null, valuePct: number | null): OccupancyAggregate => ({ ...result, basis, valuePct, confidence: totalConfidence(counted, valuePct !== null) });
  const bases = new Set(counted.map((z) => z.basis));
  if (!counted.length) return { ...result, gap: 'none' };
  if (missing.length) return { ...result, gap: 'incomplete' };
  if (bases.size > 1) return { ...result, gap: 'mixed_basis' };
  const basis = counted[0]!.basis;
  if (countedIn.every((z) => z.occupancy.leasedHa !== null && z.occupancy.baseHa !== null)) {
    const leased = countedIn.reduce((s, z) => s + z.occupancy.leasedHa!, 0);
    const base = countedIn.reduce((s, z) => s + z.occupancy.baseHa!, 0);
    return figure(basis, occupancyRate(leased, base));
  }
  if (new Set(counted.map((z) => z.valuePct)).size === 1) return figure(basis, counted[0]!.valuePct);
  return { ...result, gap: 'no_hectares' };
}
