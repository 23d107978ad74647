/**
 * The language-free figures a tour stop describes (geodata/tour.ts): what its caption's
 * placeholders and its key figures rest on, from the API's zones, province totals and plots.
 * The tour editor stores them with each stop when a planner saves the tour (`figuresAtSave`), and
 * the server stores those of the bundled tour when it seeds the database, so the editor can show
 * which stops an edit has changed since, for the bundled tour too.
 */
import type { PlotCollection, Stats, ZoneApiFeature } from './api.ts';
import type { StopFigures, TourStop } from './tour.ts';
import { placeholdersIn, type TourPlaceholder } from './tour-placeholders.ts';

/** What the captions and the stored figures are read from: the API's zones, province totals and plots. */
export type CaptionData = { zones: readonly ZoneApiFeature[]; stats: Stats | null; plots: PlotCollection | null };

/** Which stored figures each placeholder or key figure rests on. */
export const FACTS: Record<TourPlaceholder | TourStop['figures'][number], string[]> = {
  name: ['name'],
  status: ['status'],
  occupancy: ['occupancyPct', 'occupancyBasis'],
  progress: ['progressPct'],
  works: ['works'],
  tenants: ['tenants', 'occupancyPct'],
  area: ['areaHa'],
  'kcn-occupancy': ['kcnOccupancyPct'],
  'ccn-occupancy': ['ccnOccupancyPct'],
};

export const zoneOf = (stop: TourStop, data: CaptionData) => (stop.target === 'province' ? null : (data.zones.find((z) => z.id === stop.target) ?? null));

/** Tenants named by the zone's sources and by its leased plots (a planner's lease names one). */
export function tenantNames(zone: ZoneApiFeature, plots: PlotCollection | null): string[] {
  const names = zone.properties.tenants.map((t) => t.name);
  for (const p of plots?.features ?? []) {
    if (p.properties.zoneId === zone.id && p.properties.status === 'leased' && p.properties.tenant) names.push(p.properties.tenant);
  }
  return [...new Set(names)];
}

/** Infrastructure items a source describes, as "levelling:under_way" or "power:60". */
export function works(zone: ZoneApiFeature): string[] {
  return zone.properties.infrastructure.flatMap((i) => (i.progressPct !== null ? [`${i.item}:${i.progressPct}`] : i.state ? [`${i.item}:${i.state}`] : []));
}

/** Every figure the stop's caption and key figures describe, language-free, for change detection. */
export function stopFigures(stop: TourStop, data: CaptionData): StopFigures {
  const zone = zoneOf(stop, data);
  const keys = new Set([...placeholdersIn(stop.caption.vi), ...placeholdersIn(stop.caption.en), ...stop.figures].flatMap((k) => FACTS[k as TourPlaceholder] ?? []));
  const all: StopFigures = {
    kcnOccupancyPct: data.stats?.byKind.KCN.occupancy.valuePct ?? null,
    ccnOccupancyPct: data.stats?.byKind.CCN.occupancy.valuePct ?? null,
    ...(zone
      ? {
          name: zone.properties.name.vi,
          status: zone.properties.status,
          occupancyPct: zone.properties.occupancy.valuePct,
          occupancyBasis: zone.properties.occupancy.basis,
          progressPct: zone.properties.progress.progressPct,
          works: works(zone).join('; '),
          tenants: tenantNames(zone, data.plots).join('; '),
          areaHa: zone.properties.totalAreaHa.value,
        }
      : {}),
  };
  return Object.fromEntries(Object.entries(all).filter(([k]) => keys.has(k)));
}

/** The figures that differ between the tour's save and today, by name; empty when none or never saved. */
export function changedFigures(stop: TourStop, data: CaptionData): string[] {
  if (!stop.figuresAtSave) return [];
  const now = stopFigures(stop, data);
  const then = stop.figuresAtSave;
  return [...new Set([...Object.keys(now), ...Object.keys(then)])].filter((k) => (now[k] ?? null) !== (then[k] ?? null));
}
