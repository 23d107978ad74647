import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { round } from './stats.ts';

export type Figure = {
  id: string;
  label: string;
  unit: 'ms' | 'req/s' | 'kB' | 'MB' | 'frames';
  value: number;
  /** The same figure for the baseline measured in this run; null when there is nothing fair to compare with. */
  baseline: number | null;
  baselineLabel: string | null;
  /** value / baseline. For req/s higher is better; for everything else lower is better. */
  ratio: number | null;
  runs: number;
  /** Informative only: the bench never fails on a budget. */
  budget: string;
  samples?: number[];
  baselineSamples?: number[];
};

export type Meta = { timestamp: string; node: string; cpu: string; cpus: number; platform: string; durationMs: number };

export function figure(f: Omit<Figure, 'ratio'>): Figure {
  const r = (xs?: number[]) => xs?.map((x) => round(x));
  return {
    ...f,
    value: round(f.value),
    baseline: f.baseline === null ? null : round(f.baseline),
    ratio: f.baseline ? round(f.value / f.baseline, 3) : null,
    ...(f.samples ? { samples: r(f.samples) } : {}),
    ...(f.baselineSamples ? { baselineSamples: r(f.baselineSamples) } : {}),
  };
}

function fmt(n: number, unit: Figure['unit']): string {
  const digits = unit === 'ms' && n < 10 ? 2 : unit === 'ms' || unit === 'kB' || unit === 'MB' ? 1 : 0;
  return `${n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits })} ${unit}`;
}

export function toMarkdown(figures: Figure[], meta: Meta, title = 'iz-atlas core bench', intro: string[] = []): string {
  const rows = figures.map((f) =>
    [
      `${f.label} (n=${f.runs})`,
      fmt(f.value, f.unit),
      f.baseline === null ? '–' : `${fmt(f.baseline, f.unit)} (${f.baselineLabel})`,
      f.ratio === null ? '–' : f.ratio.toFixed(2),
      f.budget,
    ].join(' | '),
  );
  return [
    `# ${title}`,
    ``,
    ...(intro.length ? [...intro, ``] : []),
    `${meta.timestamp} · node ${meta.node} · ${meta.cpu} × ${meta.cpus} · ${meta.platform} · bench took ${(meta.durationMs / 1000).toFixed(1)} s`,
    ``,
    `Ratio = app / baseline, both measured in the same run. Budgets are informative; the bench never fails on them.`,
    ``,
    `| figure | app | baseline | ratio | budget/note |`,
    `|---|---|---|---|---|`,
    ...rows.map((r) => `| ${r} |`),
    ``,
  ].join('\n');
}

export function writeResults(dir: string, figures: Figure[], meta: Meta, name = 'core', title?: string, intro: string[] = [], extra: Record<string, unknown> = {}): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify({ ...meta, ...extra, figures }, null, 2)}\n`);
  const md = toMarkdown(figures, meta, title, intro);
  writeFileSync(join(dir, `${name}.md`), md);
  return md;
}
