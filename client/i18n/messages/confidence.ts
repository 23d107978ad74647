/**
 * How sure a figure is (geodata/confidence.ts), in words. CONFIDENCE_LABEL names a message for
 * every class, so a class without words, or words without both languages, fails the type check.
 */
import type { ConfidenceCode } from '../../../geodata/confidence.ts';
import type { Messages } from './message.ts';

export const confidence = {
  confSourced: { vi: 'có nguồn, có ngày', en: 'sourced and dated' },
  confSchematic: { vi: 'sơ đồ minh họa — chưa khảo sát', en: 'schematic layout — not surveyed' },
  confPartial: { vi: 'một phần: {value} trên {coverage} % khối lượng', en: 'partial: {value} on {coverage} % of the work' },
  confOld: { vi: 'số liệu năm {year}', en: 'figure from {year}' },
  confUndated: { vi: 'không rõ ngày', en: 'undated' },
  confNone: { vi: 'chưa có số liệu', en: 'no data' },
  confLegendTitle: { vi: 'Độ tin cậy của số liệu', en: 'How sure the figures are' },
  confLegendSchematic: { vi: 'Gạch chéo: sơ đồ minh họa, chưa khảo sát', en: 'Hatched: schematic layout, not surveyed' },
  confLegendPartial: { vi: '≈: một phần (dưới một nửa khối lượng có số liệu)', en: '≈: partial (less than half of the work has figures)' },
  confLegendOld: { vi: '(năm): số liệu cũ hơn {years} năm', en: '(year): figure more than {years} years old' },
  confLine: {
    vi: 'Độ tin cậy: ≈ một phần (dưới nửa khối lượng); (năm) số liệu cũ hơn {years} năm; lô gạch chéo là sơ đồ minh họa, chưa khảo sát.',
    en: 'Confidence: ≈ partial (under half the work known); (year) figure more than {years} years old; hatched plots are a schematic layout, not surveyed.',
  },
} satisfies Messages;

/** The short words for each class (a badge's text; the parameters are value, coverage and year). */
export const CONFIDENCE_LABEL: Record<ConfidenceCode, keyof typeof confidence> = {
  sourced: 'confSourced',
  schematic: 'confSchematic',
  partial: 'confPartial',
  old: 'confOld',
  none: 'confNone',
};
