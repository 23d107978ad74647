/**
 * Occupancy as words, shared by the stats bar, the zone panel, the dashboard and the tour/PDF key
 * figures: the figure with its basis and the date it describes, and for a group of zones which
 * zones and hectares it rests on. The rules themselves live in geodata/metrics.ts.
 */
import { caveatMessage } from '../../geodata/caveat-messages.ts';
import type { OccupancyAggregate, ZoneOccupancy } from '../../geodata/metrics.ts';
import { formatDate } from '../i18n/dates.ts';
import { formatNumber, formatPct, translate, type Lang } from '../i18n/strings.ts';

/** The basis of a figure, from the caveat table (geodata/caveat-messages.ts). */
const basisText = (lang: Lang, basis: 'developed_land' | 'industrial_land') => caveatMessage(lang, { code: basis === 'developed_land' ? 'basisDeveloped' : 'basisIndustrial' });

/** Basis and date of a zone's figure, e.g. "đất đã có hạ tầng · 30/04/2023", or why there is none. */
export function zoneOccupancyDetail(lang: Lang, o: ZoneOccupancy): string {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  if (o.valuePct === null) return t(o.gap === 'not_leasable' ? 'occGapNotLeasable' : 'occGapNoSource');
  const parts = [o.basis ? basisText(lang, o.basis) : null];
  if (o.origin === 'edit') parts.push(t('occEditedBy', { user: o.editedBy ?? '', date: o.asOf ? formatDate(lang, o.asOf) : '' }));
  else if (o.asOf) parts.push(t('occAsOf', { date: formatDate(lang, o.asOf) }));
  return parts.filter(Boolean).join(' · ');
}

/** The headline of a group: "100 %" or "no data", and a line saying what it rests on. */
export function aggregateText(lang: Lang, a: OccupancyAggregate): { value: string; detail: string } {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  const ha = (n: number) => formatNumber(lang, n);
  const names = (list: OccupancyAggregate['missing']) => list.map((z) => z.name[lang]).join(', ');
  const parts: string[] = [];
  if (a.valuePct !== null && a.basis) parts.push(basisText(lang, a.basis));
  if (a.valuePct !== null && a.asOf) parts.push(t('occAsOf', { date: formatDate(lang, a.asOf) }));
  parts.push(t('occCounted', { n: a.counted.length, ha: ha(a.countedHa), names: names(a.counted) }));
  if (a.missing.length) parts.push(t('occMissing', { n: a.missing.length, ha: ha(a.missingHa), names: names(a.missing) }));
  if (a.excluded.length) parts.push(t('occExcluded', { n: a.excluded.length, ha: ha(a.excludedHa) }));
  return { value: formatPct(lang, a.valuePct, t('noData')), detail: parts.join(' · ') };
}

/**
 * "Data as of" for a view of the province: the newest date among the headline figures (the
 * sources' dates), never the moment the page was built. Null when no figure is dated.
 */
export function statsAsOf(stats: { byKind: Record<'KCN' | 'CCN', { occupancy: OccupancyAggregate }> }): string | null {
  const dates = Object.values(stats.byKind).flatMap((k) => k.occupancy.counted.map((z) => z.asOf).filter((d): d is string => d !== null));
  // ISO dates sort as text; the latest is the last.
  return dates.sort().at(-1) ?? null;
}
