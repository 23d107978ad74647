import { useId, useState } from 'react';
import type { Stats } from '../../geodata/api.ts';
import { REGION_LABELS, WHOLE_PROVINCE_LABEL, type Region } from '../../geodata/regions.ts';
import type { OccupancyAggregate } from '../../geodata/metrics.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { aggregateText } from '../lib/occupancy-text.ts';

/** The province figures at a past date of the leaders' timeline, and how that date is named. */
export type StatsAtDate = { label: string; byKind: Record<'KCN' | 'CCN', OccupancyAggregate> };

/**
 * Province occupancy, KCN and CCN apart, as the resolution tracks them: the figure with its
 * confidence mark, basis and date, and how many zones and hectares it rests on by confidence class
 * (never the schematic plots' sums); each row's tooltip names the zones. While
 * the timeline shows a past date, the figures are that date's (`atDate`), never today's. On a phone
 * the card is one line, the two figures, and a button unfolds how each was worked out (styles.css).
 */
export function StatsBar({ stats, atDate, region }: { stats: Stats; atDate?: StatsAtDate | null; region?: Region | undefined }) {
  const { t, lang } = useI18n();
  const [open, setOpen] = useState(false);
  const detailsId = useId();
  const row = (kind: 'KCN' | 'CCN') => {
    const a = aggregateText(lang, atDate ? atDate.byKind[kind] : stats.byKind[kind].occupancy);
    return (
      <div data-testid={`stats-${kind.toLowerCase()}`} title={a.full}>
        <strong>{a.value}</strong> {t(kind === 'KCN' ? 'statsKcn' : 'statsCcn')}
        <small id={`${detailsId}-${kind}`}>{a.detail}</small>
      </div>
    );
  };
  return (
    <section className={open ? 'stats open' : 'stats'} data-testid="stats" title={t('occDefinition')}>
      {atDate && (
        <p className="asof" data-testid="stats-date">
          <strong>{atDate.label}</strong>
        </p>
      )}
      <p className="stats-region" data-testid="stats-region">
        {t('statsRegion', { region: (region ? REGION_LABELS[region] : WHOLE_PROVINCE_LABEL)[lang], kcn: stats.byKind.KCN.zoneCount, ccn: stats.byKind.CCN.zoneCount })}
      </p>
      {row('KCN')}
      {row('CCN')}
      <button
        type="button"
        className="stats-toggle"
        aria-expanded={open}
        aria-controls={`${detailsId}-KCN ${detailsId}-CCN`}
        onClick={() => setOpen((o) => !o)}
        data-testid="stats-toggle"
      >
        <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        <span className="sr-only">{t('statsDetails')}</span>
      </button>
    </section>
  );
}
