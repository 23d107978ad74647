/**
 * Tour captions as templates over the live figures (geodata/tour.ts): each placeholder becomes a
 * clause in the reader's language, from the same data as the key figures under it, so the words
 * and the number cannot disagree. `stopFigures` gives the language-free figures a stop describes,
 * stored with the tour when it is saved; `changedFigures` compares them with today's.
 */
import type { PlotCollection, Stats, ZoneApiFeature } from '../../../geodata/api.ts';
import { caveatMessage } from '../../../geodata/caveat-messages.ts';
import { placeholdersIn, type StopFigures, type TourPlaceholder, type TourStop } from '../../../geodata/tour.ts';
import { INFRA_LABELS, INFRA_STATE_LABELS, type InfraItem, type InfraState, ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { formatNumber, formatPct, translate, type Lang, type StringKey } from '../../i18n/strings.ts';
import { aggregateText } from '../../lib/occupancy-text.ts';
import type { FigureKey } from './key-figures.ts';

export type CaptionData = { zones: readonly ZoneApiFeature[]; stats: Stats | null; plots: PlotCollection | null };

/** Which stored figures each placeholder or key figure rests on. */
const FACTS: Record<TourPlaceholder | FigureKey, string[]> = {
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

const zoneOf = (stop: TourStop, data: CaptionData) => (stop.target === 'province' ? null : (data.zones.find((z) => z.id === stop.target) ?? null));

/** Tenants named by the zone's sources and by its leased plots (a planner's lease names one). */
function tenantNames(zone: ZoneApiFeature, plots: PlotCollection | null): string[] {
  const names = zone.properties.tenants.map((t) => t.name);
  for (const p of plots?.features ?? []) {
    if (p.properties.zoneId === zone.id && p.properties.status === 'leased' && p.properties.tenant) names.push(p.properties.tenant);
  }
  return [...new Set(names)];
}

/** Infrastructure items a source describes, as "levelling:under_way" or "power:60". */
function works(zone: ZoneApiFeature): string[] {
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

/** Names of the figures changedFigures returns, in the reader's language. */
export const FIGURE_NAMES: Record<string, StringKey> = {
  name: 'ldFigName',
  status: 'status',
  occupancyPct: 'occupancy',
  occupancyBasis: 'ldFigBasis',
  progressPct: 'progress',
  works: 'ldFigWorks',
  tenants: 'tenants',
  areaHa: 'totalArea',
  kcnOccupancyPct: 'statsKcn',
  ccnOccupancyPct: 'statsCcn',
};

/** One placeholder as words, from the live data. */
function clause(p: TourPlaceholder, zone: ZoneApiFeature | null, data: CaptionData, lang: Lang): string {
  const t = (k: StringKey, v?: Record<string, string | number>) => translate(lang, k, v);
  // Inside a sentence "no data" is not capitalised.
  const noData = t('noData').toLocaleLowerCase(lang);
  if (p === 'kcn-occupancy' || p === 'ccn-occupancy') {
    const k = data.stats?.byKind[p === 'kcn-occupancy' ? 'KCN' : 'CCN'];
    return k && k.occupancy.valuePct !== null ? aggregateText(lang, k.occupancy).value : noData;
  }
  if (!zone) return p === 'name' ? t('province') : noData;
  const z = zone.properties;
  switch (p) {
    case 'name':
      return z.name[lang];
    case 'status':
      return ZONE_STATUS_LABELS[z.status][lang].toLocaleLowerCase(lang);
    case 'occupancy': {
      const o = z.occupancy;
      if (o.valuePct === null) return t('tcOccupancyNone');
      const basis = o.basis ? ` ${caveatMessage(lang, { code: o.basis === 'developed_land' ? 'basisDeveloped' : 'basisIndustrial' })}` : '';
      return t('tcOccupancy', { pct: formatPct(lang, o.valuePct, noData), basis });
    }
    case 'progress':
      return z.progress.progressPct === null ? t('tcProgressNone') : t('tcProgress', { pct: formatPct(lang, z.progress.progressPct, noData) });
    case 'works': {
      const items = works(zone).map((w) => {
        const [item, value] = w.split(':') as [InfraItem, string];
        const v = /^\d/.test(value) ? formatPct(lang, Number(value), noData) : INFRA_STATE_LABELS[value as InfraState][lang].toLocaleLowerCase(lang);
        return `${INFRA_LABELS[item][lang].toLocaleLowerCase(lang)} ${v}`;
      });
      return items.length ? items.join(', ') : t('tcWorksNone');
    }
    case 'tenants': {
      const names = tenantNames(zone, data.plots);
      const count = Math.max(names.length, z.tenantCount?.value ?? 0);
      if (names.length) return t('tcTenants', { n: count, names: names.slice(0, 3).join('; ') + (names.length > 3 ? '…' : '') });
      // Land shown as leased with no tenant named: the words must not say "no tenant".
      if ((z.occupancy.valuePct ?? 0) > 0) return t('tcTenantsUnnamed', { pct: formatPct(lang, z.occupancy.valuePct, noData) });
      return t('tcTenantsNone');
    }
    case 'area':
      return z.totalAreaHa.value === null ? noData : `${formatNumber(lang, z.totalAreaHa.value)} ${t('ha')}`;
  }
}

/** The caption of a stop with its placeholders filled from the live data. */
export function captionFor(stop: TourStop, data: CaptionData, lang: Lang): string {
  const zone = zoneOf(stop, data);
  return stop.caption[lang].replace(/\{([^{}]*)\}/g, (whole, name: string) => (name in FACTS ? clause(name as TourPlaceholder, zone, data, lang) : whole));
}
