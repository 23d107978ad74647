import type { Source } from '../../../../geodata/schema.ts';
import type { Target } from '../../../../geodata/targets.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { unitLabel } from '../key-figures.ts';
import { useProvinceSeries } from '../../../data/queries.ts';
import { ChartFrame, linear, ticks, YAxis } from './chart-kit.tsx';

const W = 560;
const H = 250;
const M = { top: 16, right: 16, bottom: 40, left: 56 };
/** A second, related measure shown for context, clearly labelled as not the target's own. */
const CONTEXT_SERIES = 'industrial_output_growth_pct';

/**
 * The growth target's own yearly series as bars against its line (e.g. > 13 %/yr). Years with no
 * sourced figure get no bar and say "no data".
 */
export function GrowthChart({ target, sources }: { target: Target; sources: Source[] }) {
  const { t, lang, num } = useI18n();
  const series = useProvinceSeries(target.series);
  const context = useProvinceSeries(CONTEXT_SERIES);
  const years = [...new Set([...series, ...context].map((p) => p.year))].sort();
  const values = [...series, ...context].map((p) => p.value ?? 0);
  const max = Math.ceil(Math.max(target.value ?? 0, ...values) * 1.2);
  const y = linear([0, max], [H - M.bottom, M.top]);
  const band = (W - M.left - M.right) / Math.max(1, years.length);
  const xc = (i: number) => M.left + band * (i + 0.5);
  const title = t('ldChartGrowth', { v: target.value === null ? '?' : num(target.value) });
  const label = series[0]?.label[lang] ?? target.series ?? '';
  const ctxLabel = context[0]?.label[lang] ?? '';
  return (
    <ChartFrame
      id="growth"
      title={title}
      sources={sources}
      sourceIds={[target.sourceId, ...series.map((p) => p.sourceId), ...context.map((p) => p.sourceId)]}
      note={t('ldGrowthNote')}
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <YAxis y={y} values={ticks(max)} left={M.left} right={W - M.right} label={t('ldAxisGrowth')} format={(v) => num(v)} />
        {years.map((yr, i) => {
          const p = series.find((s) => s.year === yr);
          const c = context.find((s) => s.year === yr);
          return (
            <g key={yr}>
              {p?.value != null ? (
                <g>
                  <rect x={xc(i) - band * 0.3} y={y(p.value)} width={band * 0.6} height={y(0) - y(p.value)} fill="#0072b2">
                    <title>{`${label} ${yr}: ${num(p.value, 2)} %`}</title>
                  </rect>
                  <text x={xc(i)} y={y(p.value) - 5} textAnchor="middle" className="value">
                    {num(p.value, 2)} %
                  </text>
                </g>
              ) : (
                <text x={xc(i)} y={y(0) - 6} textAnchor="middle" className="value nodata">
                  {t('noData')}
                </text>
              )}
              {c?.value != null && (
                <path d={`M${xc(i) + band * 0.38},${y(c.value) - 6} l6,6 l-6,6 l-6,-6 z`} fill="#fff" stroke="#d55e00" strokeWidth={2}>
                  <title>{`${ctxLabel} ${yr}: ${num(c.value, 2)} %${c.note ? ` (${c.note})` : ''}`}</title>
                </path>
              )}
              <text x={xc(i)} y={H - M.bottom + 16} textAnchor="middle" className="tick">
                {yr}
              </text>
            </g>
          );
        })}
        {target.value !== null && (
          <g className="target-line">
            <line x1={M.left} x2={W - M.right} y1={y(target.value)} y2={y(target.value)} stroke="#b2182b" strokeWidth={2} strokeDasharray="6 4" />
            <text x={W - M.right} y={y(target.value) - 6} textAnchor="end" fill="#b2182b" className="value">
              {t('ldTargetLine', { cmp: target.comparator ?? '', v: num(target.value), unit: unitLabel(target.unit, lang) })}
            </text>
          </g>
        )}
        <text className="axis-label" x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle">
          {t('ldAxisYear')}
        </text>
      </svg>
      <ul className="chart-legend">
        <li>
          <span className="swatch" style={{ background: '#0072b2' }} /> {label}
        </li>
        {context.some((c) => c.value !== null) && (
          <li>
            <span className="swatch diamond orange" /> {ctxLabel} ({t('ldOtherMeasure')})
          </li>
        )}
        <li>
          <span className="swatch dashed-line" /> {t('ldTargetLegend')}
        </li>
      </ul>
    </ChartFrame>
  );
}
