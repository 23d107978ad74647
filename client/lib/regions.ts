/** Narrowing what the app shows to one region (geodata/regions.ts); no region: the whole province. */
import type { PlotApiFeature, Stats, ZoneApiFeature } from '../../geodata/api.ts';
import type { Region } from '../../geodata/regions.ts';

export function zonesIn(zones: ZoneApiFeature[] | null, region: Region | undefined): ZoneApiFeature[] | null {
  if (!zones || !region) return zones;
  return zones.filter((z) => z.properties.region === region);
}

export function plotsIn<T extends { features: PlotApiFeature[] }>(plots: T | null, region: Region | undefined): T | null {
  if (!plots || !region) return plots;
  return { ...plots, features: plots.features.filter((p) => p.properties.region === region) };
}

/** The province totals as a region's: the same shape, the region's figures (stats.byRegion). */
export function regionStats(stats: Stats | null, region: Region | undefined): Stats | null {
  if (!stats || !region) return stats;
  const r = stats.byRegion[region];
  return { ...stats, byKind: r.byKind, all: r.all };
}
