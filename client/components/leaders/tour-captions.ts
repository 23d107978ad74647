/**
 * Tour captions as templates over the live figures (geodata/tour.ts): each placeholder becomes a
 * clause in the reader's language, from the same data as the key figures under it, so the words
 * and the number cannot disagree. The language-free figures a stop describes, and which of them
 * changed since the tour was saved, are geodata/tour-figures.ts's (the server seeds the bundled
 * tour's with them).
 */
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { caveatMessage } from '../../../geodata/caveat-messages.ts';
import type { TourStop } from '../../../geodata/tour.ts';
import type { TourPlaceholder } from '../../../geodata/tour-placeholders.ts';
import { FACTS, tenantNames, works, zoneOf, type CaptionData } from '../../../geodata/tour-figures.ts';
import { INFRA_LABELS, INFRA_STATE_LABELS, type InfraItem, type InfraState, ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { formatNumber, formatPct, translate, type Lang, type StringKey } from '../../i18n/strings.ts';
import { aggregateText } from '../../lib/occupancy-text.ts';

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

export { changedFigures, stopFigures, type CaptionData } from '../../../geodata/tour-figures.ts';
