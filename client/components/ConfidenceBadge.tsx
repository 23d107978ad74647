/**
 * A figure's caveat (geodata/confidence.ts) as a small badge beside it: "sơ đồ minh họa — chưa
 * khảo sát", "một phần: 60 % trên 20 % khối lượng", "số liệu năm 2015". Nothing for a sourced,
 * recent figure. Panels, find-land, the shortlist, the brochure and presentation mode use it.
 */
import type { Confidence } from '../../geodata/confidence.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { confidenceCaveat, figureWithConfidence } from '../lib/confidence-text.ts';

export function ConfidenceBadge({ confidence, value = '' }: { confidence: Confidence; value?: string }) {
  const { lang } = useI18n();
  // No figure says "no data" itself: a badge would only repeat it.
  const text = confidence.code === 'none' ? null : confidenceCaveat(lang, confidence, value);
  if (!text) return null;
  return (
    <span className="confidence-badge" data-confidence={confidence.code}>
      {text}
    </span>
  );
}

/** A figure as it must be read: bare when sourced and recent, else with its caveat in words. */
export function ConfidentFigure({ value, confidence }: { value: string; confidence: Confidence }) {
  const { lang } = useI18n();
  const text = figureWithConfidence(lang, value, confidence);
  return confidence.code === 'sourced' ? text : <span data-confidence={confidence.code}>{text}</span>;
}
