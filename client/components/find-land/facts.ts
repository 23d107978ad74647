/**
 * The figures an investor compares and prints, for a plot or a zone, from the API data. Pure:
 * the comparison table and the brochure read the same numbers. Unknown stays null ("no data").
 */
import { centroid } from '@turf/centroid';
import type { ContextCollection, PlotApiFeature, ZoneApiFeature } from '../../../geodata/api.ts';
import { confidenceOf, type Confidence } from '../../../geodata/confidence.ts';
import {
  INFRA_ITEMS,
  PLOT_STATUS_LABELS,
  ZONE_STATUS_LABELS,
  type InfraItem,
  type Label,
} from '../../../geodata/vocabulary.ts';
import { distancesFrom, type Distances } from '../../lib/land-search.ts';
import type { ShortItem } from './shortlist.ts';

export type Subject = { kind: 'plot'; plot: PlotApiFeature; zone: ZoneApiFeature | null } | { kind: 'zone'; zone: ZoneApiFeature };

export function resolveSubject(item: ShortItem, zones: ZoneApiFeature[], plots: PlotApiFeature[]): Subject | null {
  if (item.kind === 'zone') {
    const zone = zones.find((z) => z.id === item.id);
    return zone ? { kind: 'zone', zone } : null;
  }
  const plot = plots.find((p) => p.id === item.id);
  return plot ? { kind: 'plot', plot, zone: zones.find((z) => z.id === plot.properties.zoneId) ?? null } : null;
}

export type Price = { min: number; max: number; asOf: string | null };

export type Facts = {
  title: Label;
  /** The zone a plot belongs to, for its subtitle. */
  zoneName: Label | null;
  areaHa: number | null;
  /** Available (offered) industrial and service land. */
  availableHa: number | null;
  status: Label;
  /** How sure the status and the available land are: schematic on a layout drawn without a plan. */
  statusConfidence: Confidence;
  zoneStatus: Label | null;
  readinessPct: number | null;
  /** How sure the readiness is: partial below half the weight, old with its year. */
  readinessConfidence: Confidence;
  itemsComplete: InfraItem[];
  /** Straight-line, from the plot's or zone's centre. */
  distances: Distances | null;
  price: Price | null;
  developer: string | null;
  sectors: string[];
  sourceIds: string[];
  /** The latest date any of these figures describes. */
  asOf: string | null;
  feature: PlotApiFeature | ZoneApiFeature;
};

const latest = (dates: (string | null | undefined)[]) => dates.filter((d): d is string => !!d).sort().at(-1) ?? null;
const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((x): x is string => !!x))];

function zoneParts(zone: ZoneApiFeature) {
  const z = zone.properties;
  return {
    readinessPct: z.progress.progressPct,
    readinessConfidence: z.confidence.progress,
    itemsComplete: INFRA_ITEMS.filter((item) => z.infrastructure.some((i) => i.item === item && i.progressPct === 100)),
    developer: z.developer?.text ?? null,
    sectors: z.sectors,
    zoneStatus: ZONE_STATUS_LABELS[z.status],
    sourceIds: [z.totalAreaHa.sourceId, z.statusHistory.at(-1)?.sourceId, z.developer?.sourceId, ...z.infrastructure.map((i) => i.sourceId)],
    dates: [z.totalAreaHa.asOf, z.statusHistory.at(-1)?.date, z.occupancyClaim?.asOf, ...z.infrastructure.map((i) => i.asOf)],
  };
}

export function subjectFacts(s: Subject, context: ContextCollection | null, plots: PlotApiFeature[]): Facts {
  const feature = s.kind === 'plot' ? s.plot : s.zone;
  const distances = context ? distancesFrom(centroid(feature).geometry, context) : null;
  if (s.kind === 'plot') {
    const p = s.plot.properties;
    const zp = s.zone ? zoneParts(s.zone) : null;
    const price = p.priceVndM2Year.value === null ? null : { min: p.priceVndM2Year.value, max: p.priceVndM2Year.value, asOf: p.priceVndM2Year.asOf };
    return {
      title: { vi: `Lô ${p.code}`, en: `Plot ${p.code}` },
      zoneName: s.zone?.properties.name ?? null,
      areaHa: p.areaHa,
      availableHa: p.status === 'available' ? p.areaHa : 0,
      status: PLOT_STATUS_LABELS[p.status],
      statusConfidence: confidenceOf(p.statusConfidence),
      zoneStatus: zp?.zoneStatus ?? null,
      readinessPct: zp?.readinessPct ?? null,
      readinessConfidence: zp?.readinessConfidence ?? confidenceOf('none'),
      itemsComplete: zp?.itemsComplete ?? [],
      distances,
      price,
      developer: zp?.developer ?? null,
      sectors: zp?.sectors ?? [],
      sourceIds: unique([p.sourceId, p.priceVndM2Year.sourceId, ...(zp?.sourceIds ?? [])]),
      asOf: latest([p.priceVndM2Year.asOf, ...(zp?.dates ?? [])]),
      feature,
    };
  }
  const z = s.zone.properties;
  const zp = zoneParts(s.zone);
  const prices = plots
    .filter((p) => p.properties.zoneId === s.zone.id && p.properties.priceVndM2Year.value !== null)
    .map((p) => p.properties.priceVndM2Year);
  const price = prices.length
    ? { min: Math.min(...prices.map((x) => x.value!)), max: Math.max(...prices.map((x) => x.value!)), asOf: latest(prices.map((x) => x.asOf)) }
    : null;
  return {
    title: z.name,
    zoneName: null,
    areaHa: z.totalAreaHa.value,
    availableHa: z.hasLayout ? z.land.availableHa : null,
    status: ZONE_STATUS_LABELS[z.status],
    statusConfidence: z.confidence.layout,
    zoneStatus: null,
    readinessPct: zp.readinessPct,
    readinessConfidence: zp.readinessConfidence,
    itemsComplete: zp.itemsComplete,
    distances,
    price,
    developer: zp.developer,
    sectors: zp.sectors,
    sourceIds: unique([...zp.sourceIds, ...prices.map((x) => x.sourceId)]),
    asOf: latest([...zp.dates, price?.asOf]),
    feature,
  };
}
