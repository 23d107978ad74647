/**
 * The two headline figures, each defined here and nowhere else:
 * - occupancy rate (tỷ lệ lấp đầy), computed from plot geometry;
 * - infrastructure progress, a weighted mean of the infrastructure items.
 */
// A single turf module: all of @turf/turf costs ~0.2 s of server start-up.
import { area } from '@turf/area';
import type { Polygon, MultiPolygon } from 'geojson';
import type { Infrastructure } from './schema.ts';
import {
  INFRA_WEIGHTS,
  LEASABLE_LAND_USES,
  OCCUPIED_PLOT_STATUSES,
  type LandUse,
  type PlotStatus,
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
