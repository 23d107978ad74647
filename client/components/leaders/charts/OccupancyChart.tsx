import type { HistoryPoint, ZoneApiFeature } from '../../../../geodata/api.ts';
import type { Source } from '../../../../geodata/schema.ts';
import type { ZoneKind } from '../../../../geodata/vocabulary.ts';
import { basesOf, splitByBasis } from '../../../../geodata/series.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import type { StringKey } from '../../../i18n/strings.ts';
import { TIMELINE_START_YEAR } from '../../../lib/timeline.ts';
import { ChartFrame, linear, SERIES_COLORS, shortName, YAxis } from './chart-kit.tsx';

/** day: the ISO date (or "today"), label: as people read it. */
type Pt = { t: number; v: number | null; basis: string | null; day: string; label: string };

/** Each basis has its own line style and name, so two measures are never read as one. */
const BASIS_STYLE: Record<string, { dash: string | undefined; label: StringKey }> = {
  industrial_land: { dash: undefined, label: 'ldBasisIndustrial' },
  developed_land: { dash: '7 4', label: 'ldBasisDeveloped' },
  unstated: { dash: '2 3', label: 'ldBasisUnstated' },
};
const styleOf = (basis: string) => BASIS_STYLE[basis] ?? BASIS_STYLE.unstated!;

const W = 560;
const H = 250;
const M = { top: 14, right: 16, bottom: 40, left: 56 };
const DAY = 86_400_000;

const time = (iso: string) => Date.parse(iso.length === 4 ? `${iso}-12-31` : iso.length === 7 ? `${iso}-28` : iso);

/**
 * Each zone's occupancy over time, KCN or CCN: the yearly figures from the sources, every edit,
 * and today's figure where it is computed (a sourced figure stands at its own date). A null figure
 * breaks the line (a gap, not a zero), and so does a change of basis: one line per basis
 * (geodata/series.ts), each drawn in its own style and named in the legend.
 */
export function OccupancyChart({ kind, zones, histories, provinceNow, today, selected, onSelect, sources }: {
  kind: ZoneKind;
  zones: ZoneApiFeature[];
  histories: ReadonlyMap<string, readonly HistoryPoint[]>;
  /** The kind's combined occupancy today (from GET /api/targets). */
  provinceNow: number | null;
  today: Date;
  selected: string | null;
  onSelect: (id: string) => void;
  sources: Source[];
}) {
  const { t, lang, pct, when } = useI18n();
  const t0 = Date.UTC(TIMELINE_START_YEAR, 0, 1);
  const t1 = today.getTime() + 30 * DAY;
  const x = linear([t0, t1], [M.left, W - M.right]);
  const y = linear([0, 100], [H - M.bottom, M.top]);
  const ofKind = zones.filter((z) => z.properties.kind === kind);
  const series = ofKind.map((z) => {
    const history = histories.get(z.id) ?? [];
    const pts: Pt[] = history
      .filter((p) => time(p.date) >= t0)
      .map((p) => ({ t: time(p.date), v: p.occupancyPct, basis: p.occupancyBasis, day: p.date.slice(0, 10), label: when(p.date.slice(0, 10)) }));
    const o = z.properties.occupancy;
    // A figure computed now (plots, an edit) is today's; a stated one belongs to its source's date.
    if (o.origin === 'source' && o.asOf) {
      if (time(o.asOf) >= t0 && !history.some((p) => p.date === o.asOf && p.occupancyPct === o.valuePct)) pts.push({ t: time(o.asOf), v: o.valuePct, basis: o.basis, day: o.asOf, label: when(o.asOf) });
    } else pts.push({ t: today.getTime(), v: o.valuePct, basis: o.basis, day: 'today', label: t('ldToday') });
    pts.sort((a, b) => a.t - b.t);
    return { zone: z, pts, runs: splitByBasis(pts, (p) => p.v, (p) => p.basis) };
  });
  const withData = series.filter((s) => s.runs.length > 0);
  const without = series.filter((s) => s.runs.length === 0);
  const bases = basesOf(series.flatMap((s) => s.runs));
  const yearEnds: number[] = [];
  for (let yr = TIMELINE_START_YEAR; Date.UTC(yr, 11, 31) < today.getTime(); yr++) yearEnds.push(yr);
  const sourceIds = series.flatMap((s) => (histories.get(s.zone.id) ?? []).filter((p) => p.occupancyPct !== null).map((p) => p.sourceId));
  const dim = selected !== null && ofKind.some((z) => z.id === selected);
  const title = t(kind === 'KCN' ? 'ldChartOccKcn' : 'ldChartOccCcn');

  return (
    <ChartFrame
      id={`occupancy-${kind.toLowerCase()}`}
      title={title}
      sources={sources}
      sourceIds={sourceIds}
      extraSource={ofKind.some((z) => z.properties.occupancy.origin === 'plots' || z.properties.occupancy.origin === 'edit') ? t('ldSourceTodayPlots') : undefined}
      note={
        <>
          {t('ldGapsNote')} {t('ldBasisNote')}
          {without.length > 0 && (
            <>
              {' '}
              {t('ldNoDataZones')}: {without.map((s) => shortName(s.zone.properties.name[lang])).join(', ')}.
            </>
          )}
        </>
      }
    >
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={title}>
        <YAxis y={y} values={[0, 25, 50, 75, 100]} left={M.left} right={W - M.right} label={t('ldAxisOccupancy')} format={(v) => `${v}`} />
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the axis is decoration, the figures are in the titles */}
        <g className="axis x-axis" aria-hidden="true">
          {yearEnds.map((yr) => (
            <text key={yr} x={x(Date.UTC(yr, 11, 31))} y={H - M.bottom + 16} textAnchor="middle">
              {yr}
            </text>
          ))}
          <text x={x(today.getTime())} y={H - M.bottom + 16} textAnchor="middle" className="today">
            {t('ldToday')}
          </text>
          <text className="axis-label" x={(M.left + W - M.right) / 2} y={H - 6} textAnchor="middle">
            {t('ldAxisYearEnd')}
          </text>
        </g>
        {withData.map((s, i) => {
          const color = SERIES_COLORS[i % SERIES_COLORS.length]!;
          const isSel = s.zone.id === selected;
          return (
            // biome-ignore lint/a11y/noStaticElementInteractions: a pointer shortcut; the same selection is a keyboard button in the zone bars
            <g
              key={s.zone.id}
              className={`series${isSel ? ' selected' : ''}`}
              opacity={dim && !isSel ? 0.3 : 1}
              onClick={() => onSelect(s.zone.id)}
              data-zone={s.zone.id}
            >
              {s.runs.map((run, j) => (
                // biome-ignore lint/suspicious/noArrayIndexKey: the runs of one series are redrawn whole, never reordered
                <g key={j} className="basis-run" data-basis={run.basis}>
                  {run.points.length > 1 && (
                    <polyline
                      points={run.points.map((p) => `${x(p.t)},${y(p.v!)}`).join(' ')}
                      fill="none"
                      stroke={color}
                      strokeWidth={isSel ? 4 : 2}
                      strokeDasharray={styleOf(run.basis).dash}
                    />
                  )}
                  {run.points.map((p, k) => (
                    // biome-ignore lint/suspicious/noArrayIndexKey: the points of one run are redrawn whole, never reordered
                    <circle key={k} cx={x(p.t)} cy={y(p.v!)} r={isSel ? 5 : 3.5} fill={color} data-date={p.day}>
                      <title>{`${s.zone.properties.name[lang]} · ${p.label}: ${pct(p.v)} (${t(styleOf(run.basis).label)})`}</title>
                    </circle>
                  ))}
                </g>
              ))}
            </g>
          );
        })}
        {provinceNow !== null && (
          <g className="province-now">
            <path d={`M${x(today.getTime())},${y(provinceNow) - 7} l7,7 l-7,7 l-7,-7 z`} fill="#fff" stroke="#111" strokeWidth={2} />
            <text x={x(today.getTime()) - 10} y={y(provinceNow) + (provinceNow > 85 ? 18 : -10)} textAnchor="end" className="value">
              {t(kind === 'KCN' ? 'ldAllKcn' : 'ldAllCcn')}: {pct(provinceNow)}
            </text>
          </g>
        )}
      </svg>
      <ul className="chart-legend">
        {withData.map((s, i) => (
          <li key={s.zone.id} className={s.zone.id === selected ? 'selected' : ''}>
            <button type="button" className="link" aria-pressed={s.zone.id === selected} onClick={() => onSelect(s.zone.id)}>
              <span className="swatch line" style={{ background: SERIES_COLORS[i % SERIES_COLORS.length] }} />
              {shortName(s.zone.properties.name[lang])}
            </button>
          </li>
        ))}
        {provinceNow !== null && (
          <li>
            <span className="swatch diamond" /> {t(kind === 'KCN' ? 'ldAllKcn' : 'ldAllCcn')}
          </li>
        )}
      </ul>
      {bases.length > 0 && (
        <ul className="chart-legend bases" data-testid="chart-bases" aria-label={t('ldBasisLegend')}>
          {bases.map((b) => (
            <li key={b} data-basis={b}>
              <svg width="28" height="8" aria-hidden="true">
                <line x1="0" x2="28" y1="4" y2="4" stroke="#333" strokeWidth="2" strokeDasharray={styleOf(b).dash} />
              </svg>
              {t(styleOf(b).label)}
            </li>
          ))}
        </ul>
      )}
    </ChartFrame>
  );
}
