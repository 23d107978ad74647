import type { ZoneApiFeature } from '../../../../geodata/api.ts';
import type { Source } from '../../../../geodata/schema.ts';
import { PLOT_STATUS_LABELS } from '../../../../geodata/vocabulary.ts';
import { useI18n } from '../../../i18n/i18n.tsx';
import { PLOT_STATUS_COLORS, PROGRESS_RAMP, rampColor } from '../../../map/style/symbology.ts';
import { ChartFrame, linear, shortName, ticks, XAxis } from './chart-kit.tsx';

const W = 560;
const ROW = 24;
const M = { top: 8, right: 150, bottom: 40, left: 140 };

type Row = { zone: ZoneApiFeature; parts: { key: string; value: number; color: string; label: string }[]; text: string | null };

/** Horizontal bars, one row per zone; a click (or Enter) on a row selects the zone. */
function Bars({ rows, max, axisLabel, selected, onSelect, format, title }: {
  rows: Row[];
  max: number;
  axisLabel: string;
  selected: string | null;
  onSelect: (id: string) => void;
  format: (v: number) => string;
  title: string;
}) {
  const { lang, t } = useI18n();
  const H = M.top + rows.length * ROW + M.bottom;
  const x = linear([0, max], [M.left, W - M.right]);
  const bottom = H - M.bottom;
  const dim = selected !== null && rows.some((r) => r.zone.id === selected);
  return (
    <svg viewBox={`0 0 ${W} ${H}`} role="group" aria-label={title}>
      <XAxis x={x} values={ticks(max)} top={M.top} bottom={bottom} label={axisLabel} format={format} />
      {rows.map((r, i) => {
        const y0 = M.top + i * ROW;
        const isSel = r.zone.id === selected;
        let acc = 0;
        const name = r.zone.properties.name[lang];
        return (
          <g
            key={r.zone.id}
            className={`bar-row${isSel ? ' selected' : ''}`}
            role="button"
            tabIndex={0}
            aria-pressed={isSel}
            aria-label={`${name}: ${r.text ?? r.parts.map((p) => `${p.label} ${format(p.value)}`).join(', ')}`}
            data-zone={r.zone.id}
            opacity={dim && !isSel ? 0.4 : 1}
            onClick={() => onSelect(r.zone.id)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                onSelect(r.zone.id);
              }
            }}
          >
            <rect className="hit" x={0} y={y0} width={W} height={ROW} fill="transparent" />
            <text x={M.left - 8} y={y0 + ROW / 2} dy="0.32em" textAnchor="end" className={isSel ? 'name selected' : 'name'}>
              {shortName(name)}
            </text>
            {r.parts.map((p) => {
              const x0 = x(acc);
              acc += p.value;
              return (
                <rect key={p.key} x={x0} y={y0 + 4} width={Math.max(0, x(acc) - x0)} height={ROW - 8} fill={p.color} stroke={isSel ? '#e7298a' : 'none'} strokeWidth={isSel ? 2 : 0}>
                  <title>{`${name} · ${p.label}: ${format(p.value)}`}</title>
                </rect>
              );
            })}
            <text x={x(acc) + 6} y={y0 + ROW / 2} dy="0.32em" className={r.text === t('noData') ? 'value nodata' : 'value'}>
              {r.text ?? ''}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Each zone's infrastructure progress (weighted mean of its sourced items), 0–100 %. */
export function ProgressBars({ zones, selected, onSelect, sources }: { zones: ZoneApiFeature[]; selected: string | null; onSelect: (id: string) => void; sources: Source[] }) {
  const { t, pct } = useI18n();
  const sorted = [...zones].sort((a, b) => (b.properties.progress.progressPct ?? -1) - (a.properties.progress.progressPct ?? -1));
  const rows: Row[] = sorted.map((z) => {
    const v = z.properties.progress.progressPct;
    return {
      zone: z,
      parts: v === null ? [] : [{ key: 'p', value: v, color: rampColor(PROGRESS_RAMP, v), label: t('progress') }],
      text: v === null ? t('noData') : `${pct(v)}${z.properties.progress.coverage < 1 ? ` (${Math.round(z.properties.progress.coverage * 100)} % ${t('ldWeight')})` : ''}`,
    };
  });
  const sourceIds = zones.flatMap((z) => z.properties.infrastructure.filter((i) => i.progressPct !== null).map((i) => i.sourceId));
  return (
    <ChartFrame id="progress" title={t('ldChartProgress')} sources={sources} sourceIds={sourceIds} note={t('ldProgressNote')}>
      <Bars rows={rows} max={100} axisLabel={t('ldAxisProgress')} selected={selected} onSelect={onSelect} format={(v) => `${v}`} title={t('ldChartProgress')} />
    </ChartFrame>
  );
}

const LAND_PARTS = ['leased', 'reserved', 'available', 'not_developed'] as const;
const LAND_KEY = { leased: 'leasedHa', reserved: 'reservedHa', available: 'availableHa', not_developed: 'notDevelopedHa' } as const;

/** Leased, reserved, available and undeveloped hectares of each zone's plot layout. */
export function LandBars({ zones, selected, onSelect, sources }: { zones: ZoneApiFeature[]; selected: string | null; onSelect: (id: string) => void; sources: Source[] }) {
  const { t, lang, num } = useI18n();
  const withLayout = zones.filter((z) => z.properties.land.leasableHa > 0).sort((a, b) => b.properties.land.leasableHa - a.properties.land.leasableHa);
  const without = zones.filter((z) => !(z.properties.land.leasableHa > 0));
  const rows: Row[] = withLayout.map((z) => ({
    zone: z,
    parts: LAND_PARTS.map((k) => ({ key: k, value: z.properties.land[LAND_KEY[k]], color: PLOT_STATUS_COLORS[k], label: PLOT_STATUS_LABELS[k][lang] })).filter((p) => p.value > 0),
    text: `${num(z.properties.land.leasedHa)}/${num(z.properties.land.leasableHa)} ${t('ha')}`,
  }));
  const max = Math.max(1, ...withLayout.map((z) => z.properties.land.leasableHa));
  return (
    <ChartFrame
      id="land"
      title={t('ldChartLand')}
      sources={sources}
      sourceIds={withLayout.map((z) => z.properties.industrialLandHa.sourceId)}
      extraSource={t('computedFromPlots')}
      note={without.length > 0 ? `${t('ldNoLayoutZones')}: ${without.map((z) => shortName(z.properties.name[lang])).join(', ')}.` : undefined}
    >
      <Bars rows={rows} max={max} axisLabel={t('ldAxisHa')} selected={selected} onSelect={onSelect} format={(v) => num(v, 0)} title={t('ldChartLand')} />
      <ul className="chart-legend">
        {LAND_PARTS.map((k) => (
          <li key={k}>
            <span className="swatch" style={{ background: PLOT_STATUS_COLORS[k] }} />
            {PLOT_STATUS_LABELS[k][lang]}
          </li>
        ))}
      </ul>
    </ChartFrame>
  );
}
