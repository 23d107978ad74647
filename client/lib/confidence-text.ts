/**
 * A figure with its confidence (geodata/confidence.ts) in words: "60 %" that rests on 20 % of the
 * weight reads "một phần: 60 % trên 20 % khối lượng", a 2015 figure "95,5 % (2015)", a schematic
 * one carries "sơ đồ minh họa — chưa khảo sát". Shared by panels, find-land, compare, brochure,
 * presentation mode and the exports' legend line.
 */
import type { Confidence } from '../../geodata/confidence.ts';
import { CONFIDENCE_LABEL } from '../i18n/messages/confidence.ts';
import { translate, type Lang } from '../i18n/strings.ts';

/** The mark that prefixes an approximate figure (partial or schematic), on the map and in the panels alike. */
export const APPROX_MARK = '~';

/**
 * The figure carrying its class in the figure itself, as the map's labels write it: "~60 %"
 * (partial or schematic), "95,5 % (2015)" (old; "(?)" undated), "Chưa có số liệu" (none), bare
 * when sourced and recent. The legend explains the marks; a badge beside it may say more.
 */
export function markedFigure(lang: Lang, value: string, c: Pick<Confidence, 'code' | 'year'>): string {
  switch (c.code) {
    case 'sourced':
      return value;
    case 'none':
      return translate(lang, 'noData');
    case 'partial':
    case 'schematic':
      return `${APPROX_MARK}${value}`;
    case 'old':
      return `${value} (${c.year ?? '?'})`;
  }
}

/** The caveat alone (the badge's words), or null for a sourced figure. */
export function confidenceCaveat(lang: Lang, c: Confidence, value = ''): string | null {
  if (c.code === 'sourced') return null;
  if (c.code === 'old' && c.year === null) return translate(lang, 'confUndated');
  return translate(lang, CONFIDENCE_LABEL[c.code], { value, coverage: c.coveragePct ?? '', year: c.year ?? '' });
}

/** The figure as a reader must see it: bare only when sourced and recent. */
export function figureWithConfidence(lang: Lang, value: string, c: Confidence): string {
  switch (c.code) {
    case 'sourced':
      return value;
    case 'none':
      // Standing alone, a missing figure reads as everywhere else ("Chưa có số liệu"), capitalised.
      return translate(lang, 'noData');
    case 'partial':
      return confidenceCaveat(lang, c, value)!;
    case 'old':
      return `${value} (${c.year ?? translate(lang, 'confUndated')})`;
    case 'schematic':
      return `${value} (${confidenceCaveat(lang, c)})`;
  }
}
