/**
 * Small pieces the hand-written SVG charts share: linear scales, axes, a source line. Charts are
 * plain React SVG; each names its axes, its unit and its sources.
 */
import type { ReactNode } from 'react';
import type { Source } from '../../../../geodata/schema.ts';
import { useI18n } from '../../../i18n/i18n.tsx';

export type Scale = ((v: number) => number) & { domain: [number, number]; range: [number, number] };

export function linear(domain: [number, number], range: [number, number]): Scale {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const f = ((v: number) => r0 + ((v - d0) / (d1 - d0 || 1)) * (r1 - r0)) as Scale;
  f.domain = domain;
  f.range = range;
  return f;
}

/** Round tick values: 0, 25, 50… over [0, max]. */
export function ticks(max: number, count = 4): number[] {
  const raw = max / count;
  const mag = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = 0; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** A vertical value axis at x = left, with grid lines across to `right`. */
export function YAxis({ y, values, left, right, label, format }: { y: Scale; values: number[]; left: number; right: number; label: string; format: (v: number) => string }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the axis is decoration
    <g className="axis y-axis" aria-hidden="true">
      {values.map((v) => (
        <g key={v}>
          <line x1={left} x2={right} y1={y(v)} y2={y(v)} className="grid" />
          <text x={left - 6} y={y(v)} dy="0.32em" textAnchor="end">
            {format(v)}
          </text>
        </g>
      ))}
      <text className="axis-label" transform={`translate(${left - 38} ${(y.range[0] + y.range[1]) / 2}) rotate(-90)`} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** A horizontal value axis at y = top of the plot, for bar charts whose bars run left to right. */
export function XAxis({ x, values, top, bottom, label, format }: { x: Scale; values: number[]; top: number; bottom: number; label: string; format: (v: number) => string }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG <g> is not focusable; the axis is decoration
    <g className="axis x-axis" aria-hidden="true">
      {values.map((v) => (
        <g key={v}>
          <line x1={x(v)} x2={x(v)} y1={top} y2={bottom} className="grid" />
          <text x={x(v)} y={bottom + 14} textAnchor="middle">
            {format(v)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={(x.range[0] + x.range[1]) / 2} y={bottom + 30} textAnchor="middle">
        {label}
      </text>
    </g>
  );
}

/** The chart's frame: title, the SVG, a note and its sources. */
export function ChartFrame({ id, title, children, note, sourceIds, sources, extraSource }: {
  id: string;
  title: string;
  children: ReactNode;
  note?: ReactNode;
  sourceIds: (string | null | undefined)[];
  sources: Source[];
  /** Sources that are not in the source list, e.g. "computed from plots". */
  extraSource?: string;
}) {
  const { t } = useI18n();
  const byId = new Map(sources.map((s) => [s.id, s]));
  const cited = [...new Set(sourceIds.filter((s): s is string => !!s))].map((s) => byId.get(s)).filter((s): s is Source => !!s);
  return (
    <figure className="chart" data-testid={`chart-${id}`} aria-labelledby={`chart-${id}-title`}>
      <figcaption id={`chart-${id}-title`}>{title}</figcaption>
      {children}
      {note && <p className="chart-note">{note}</p>}
      <p className="chart-source">
        <strong>{t('ldSource')}:</strong> {extraSource}
        {extraSource && cited.length > 0 && '; '}
        {cited.map((s, i) => (
          <span key={s.id}>
            {i > 0 && '; '}
            <SourceTitle source={s} />
          </span>
        ))}
      </p>
    </figure>
  );
}

export function SourceTitle({ source }: { source: Source }) {
  const { when } = useI18n();
  const text = `${source.title}${source.publisher ? ` (${source.publisher}${source.date ? `, ${when(source.date)}` : ''})` : source.date ? ` (${when(source.date)})` : ''}`;
  if (!source.url) return <cite>{text}</cite>;
  const href = source.url.startsWith('http') ? source.url : `https://${source.url}`;
  return (
    <cite>
      <a href={href} target="_blank" rel="noreferrer noopener">
        {text}
      </a>
    </cite>
  );
}

/** Okabe–Ito colours for lines of different zones. */
export const SERIES_COLORS = ['#0072b2', '#d55e00', '#009e73', '#cc79a7', '#e69f00', '#56b4e9', '#000000', '#f0e442'];

/** Shortens "Cụm công nghiệp Huyền Tụng" / "CCN Huyền Tụng" to "Huyền Tụng" for axis labels. */
export function shortName(name: string): string {
  return name
    .replace(/^(Khu công nghiệp|Cụm công nghiệp|KCN|CCN)\s+/i, '')
    .replace(/\s*Industrial (Park|Cluster)/i, '')
    .trim();
}
