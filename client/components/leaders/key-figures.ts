/**
 * The key figures of a tour stop or a brief page, as label/value text: shared by the presentation
 * and the PDF so both say the same thing. Unknown figures read "no data", never 0.
 */
import type { Stats, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Tour } from '../../../geodata/targets.ts';
import { ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { formatNumber, formatPct, translate, type Lang } from '../../i18n/strings.ts';
import { figureWithConfidence } from '../../lib/confidence-text.ts';
import { aggregateText, zoneOccupancyDetail } from '../../lib/occupancy-text.ts';

export type FigureKey = Tour['stops'][number]['figures'][number];
export type KeyFigure = { key: FigureKey; label: string; value: string; known: boolean; /** Smaller text under the value (tenant names). */ detail?: string };

export const ALL_ZONE_FIGURES: FigureKey[] = ['status', 'occupancy', 'progress', 'area', 'tenants'];
export const PROVINCE_FIGURES: FigureKey[] = ['kcn-occupancy', 'ccn-occupancy'];

export function keyFigures(keys: readonly FigureKey[], zone: ZoneApiFeature | null, stats: Stats | null, lang: Lang): KeyFigure[] {
  const t = (k: Parameters<typeof translate>[1]) => translate(lang, k);
  const noData = t('noData');
  const pct = (v: number | null) => formatPct(lang, v, noData);
  const out: KeyFigure[] = [];
  for (const key of keys) {
    const p = zone?.properties;
    switch (key) {
      case 'kcn-occupancy':
      case 'ccn-occupancy': {
        const k = stats?.byKind[key === 'kcn-occupancy' ? 'KCN' : 'CCN'];
        const a = k ? aggregateText(lang, k.occupancy) : null;
        out.push({ key, label: t(key === 'kcn-occupancy' ? 'statsKcn' : 'statsCcn'), value: a?.value ?? noData, known: k?.occupancy.valuePct != null, ...(a ? { detail: a.detail } : {}) });
        break;
      }
      case 'occupancy':
        if (p) out.push({ key, label: t('occupancy'), value: figureWithConfidence(lang, pct(p.occupancy.valuePct), p.confidence.occupancy), known: p.occupancy.valuePct !== null, detail: zoneOccupancyDetail(lang, p.occupancy) });
        break;
      case 'progress':
        if (p) out.push({ key, label: t('progress'), value: figureWithConfidence(lang, pct(p.progress.progressPct), p.confidence.progress), known: p.progress.progressPct !== null });
        break;
      case 'area':
        if (p) {
          const v = p.totalAreaHa.value;
          out.push({ key, label: t('totalArea'), value: v === null ? noData : `${formatNumber(lang, v)} ${t('ha')}`, known: v !== null });
        }
        break;
      case 'tenants':
        if (p) {
          const names = p.tenants.map((x) => x.name);
          // The sourced count of tenants or projects, where a source gives one: the named ones may be fewer.
          const count = p.tenantCount?.value ?? null;
          const value = count !== null && count !== names.length ? translate(lang, 'tenantCountOf', { n: count, named: names.length }) : String(names.length);
          out.push(
            names.length
              ? { key, label: t('tenants'), value, known: true, detail: `${names.slice(0, 3).join('; ')}${names.length > 3 ? '…' : ''}` }
              : { key, label: t('tenants'), value: t('noTenants'), known: false },
          );
        }
        break;
      case 'status':
        if (p) out.push({ key, label: t('status'), value: ZONE_STATUS_LABELS[p.status][lang], known: true });
        break;
    }
  }
  return out;
}

/** Units as the targets file writes them ("%/yr"), in the interface language. */
export const unitLabel = (unit: string | null, lang: Lang) => (unit && lang === 'vi' ? unit.replace('/yr', '/năm') : (unit ?? ''));
