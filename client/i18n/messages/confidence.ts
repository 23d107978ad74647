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
  confLegendSchematic: { vi: 'Sơ đồ lô minh họa, chưa khảo sát', en: 'Schematic plot layout, not surveyed' },
  confMapSchematic: { vi: 'sơ đồ lô minh họa — chưa khảo sát', en: 'schematic plot layout — not surveyed' },
  confLegendPartial: { vi: '~ số liệu một phần hoặc từ sơ đồ', en: '~ partial or schematic figure' },
  confLegendOld: { vi: '(năm) số liệu cũ hơn {years} năm', en: '(year) figure over {years, plural, one {# year} other {# years}} old' },
  confLine: {
    vi: 'Độ tin cậy: ~ một phần (dưới nửa khối lượng) hoặc từ sơ đồ; (năm) số liệu cũ hơn {years} năm; sơ đồ lô chỉ minh họa, chưa khảo sát.',
    en: 'Confidence: ~ partial (under half the work known) or schematic; (year) more than {years, plural, one {# year} other {# years}} old; plot layouts are schematic, not surveyed.',
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
