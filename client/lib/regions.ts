/** Narrowing what the app shows to one region (geodata/regions.ts); no region: the whole province. */
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { Region } from '../../geodata/regions.ts';

export function zonesIn(zones: ZoneApiFeature[] | null, region: Region | undefined): ZoneApiFeature[] | null {
  if (!zones || !region) return zones;
  return zones.filter((z) => z.properties.region === region);
}

export function plotsIn<T extends { features: PlotApiFeature[] }>(plots: T | null, region: Region | undefined): T | null {
  if (!plots || !region) return plots;
  return { ...plots, features: plots.features.filter((p) => p.properties.region === region) };
}
