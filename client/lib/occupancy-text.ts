/**
 * Occupancy as words, shared by the stats bar, the zone panel, the dashboard and the tour/PDF key
 * figures: the figure with its basis and the date it describes, and for a group of zones which
 * zones and hectares it rests on. The rules themselves live in geodata/metrics.ts.
 */
import { caveatMessage } from '../../geodata/caveat-messages.ts';
import type { OccupancyAggregate, ZoneOccupancy } from '../../geodata/metrics.ts';
import { formatDate } from '../i18n/dates.ts';
import { OLD_AFTER_YEARS } from '../../geodata/confidence.ts';
import { formatNumber, formatPct, translate, type Lang } from '../i18n/strings.ts';
import { markedFigure } from './confidence-text.ts';

/** The basis of a figure, from the caveat table (geodata/caveat-messages.ts). */
const basisText = (lang: Lang, basis: 'developed_land' | 'industrial_land') => caveatMessage(lang, { code: basis === 'developed_land' ? 'basisDeveloped' : 'basisIndustrial' });

/** Basis and date of a zone's figure, e.g. "đất đã có hạ tầng · 30/04/2023", or why there is none. */
export function zoneOccupancyDetail(lang: Lang, o: ZoneOccupancy): string {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  if (o.valuePct === null) return t(o.gap === 'not_leasable' ? 'occGapNotLeasable' : 'occGapNoSource');
  const parts = [o.basis ? basisText(lang, o.basis) : null];
  // The figure-source rule: a stated figure (no real layout) says so; one computed from plots too.
  if (o.origin === 'plots') parts.push(t('figureFromPlots'));
  if (o.origin === 'source') parts.unshift(t('figureStated'));
  if (o.origin === 'edit') parts.push(t('occEditedBy', { user: o.editedBy ?? '', date: o.asOf ? formatDate(lang, o.asOf) : '' }));
  else if (o.asOf) parts.push(t('occAsOf', { date: formatDate(lang, o.asOf) }));
  return parts.filter(Boolean).join(' · ');
}

/** What a group's area rests on by kind of figure (geodata/metrics.ts figureSourceShares); "none" is said by the missing and excluded lines. */
const FIGURE_SHARE_MESSAGE = { plots: 'shareFromPlots', stated: 'shareStated' } as const;
/** The same with the range of the figures, for a group without a combined figure: what is known is said, nothing combined. */
const FIGURE_RANGE_MESSAGE = { plots: 'shareFromPlotsRange', stated: 'shareStatedRange' } as const;

const SHARE_MESSAGE = { sourced: 'occShareSourced', schematic: 'occShareSchematic', partial: 'occSharePartial', old: 'occShareOld' } as const;

/**
 * The headline of a group: the figure carrying its confidence class ("100 %", "~60 %", "97 % (2015)",
 * "no data"); a short line with its basis, date, how much of it rests on sourced, schematic,
 * partial or old figures, and the zones without one; and the full line naming every zone (a tooltip).
 */
export function aggregateText(lang: Lang, a: OccupancyAggregate): { value: string; detail: string; full: string } {
  const t = (k: Parameters<typeof translate>[1], v?: Record<string, string | number>) => translate(lang, k, v);
  const ha = (n: number) => formatNumber(lang, n);
  const names = (list: OccupancyAggregate['missing']) => list.map((z) => z.name[lang]).join(', ');
  const head: string[] = [];
  if (a.valuePct !== null && a.basis) head.push(basisText(lang, a.basis));
  if (a.valuePct !== null && a.asOf) head.push(t('occAsOf', { date: formatDate(lang, a.asOf) }));
  const shares = a.confidence.shares.map((s) => t(SHARE_MESSAGE[s.code], { n: s.zones, ha: ha(s.ha), years: OLD_AFTER_YEARS }));
  const pct = (n: number) => formatPct(lang, n, '');
  const kinds = (a.figureSources ?? []).flatMap((s) => {
    if (s.source === 'none' || !s.zones) return [];
    if (a.valuePct !== null || s.minPct === null || s.maxPct === null) return [t(FIGURE_SHARE_MESSAGE[s.source], { n: s.zones, ha: ha(s.ha) })];
    const range = s.minPct === s.maxPct ? pct(s.minPct) : `${pct(s.minPct)}–${pct(s.maxPct)}`;
    return [t(FIGURE_RANGE_MESSAGE[s.source], { n: s.zones, ha: ha(s.ha), range })];
  });
  const excluded = a.excluded.length ? [t('occExcluded', { n: a.excluded.length, ha: ha(a.excludedHa) })] : [];
  const short = [...head, ...kinds, ...shares];
  if (a.missing.length) short.push(t('occMissingShort', { n: a.missing.length, ha: ha(a.missingHa) }));
  const full = [...head, ...kinds, t('occCounted', { n: a.counted.length, ha: ha(a.countedHa), names: names(a.counted) })];
  if (a.missing.length) full.push(t('occMissing', { n: a.missing.length, ha: ha(a.missingHa), names: names(a.missing) }));
  // Without a combined figure because zones lack one, the headline says how many of how many.
  const noData = a.gap === 'incomplete' && a.counted.length ? t('noDataFor', { n: a.missing.length, of: a.missing.length + a.counted.length }) : t('noData');
  return {
    value: a.valuePct === null ? noData : markedFigure(lang, formatPct(lang, a.valuePct, ''), a.confidence),
    detail: [...short, ...excluded].join(' · '),
    full: [...full, ...excluded].join(' · '),
  };
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
