import type { Stats } from '../../geodata/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { aggregateText } from '../lib/occupancy-text.ts';

/**
 * Province occupancy, KCN and CCN apart, as the resolution tracks them: the sourced figure with its
 * basis and date, and the zones and hectares it rests on (never the schematic plots' sums).
 */
export function StatsBar({ stats }: { stats: Stats }) {
  const { t, lang } = useI18n();
  const row = (kind: 'KCN' | 'CCN') => {
    const a = aggregateText(lang, stats.byKind[kind].occupancy);
    return (
      <div data-testid={`stats-${kind.toLowerCase()}`}>
        <strong>{a.value}</strong> {t(kind === 'KCN' ? 'statsKcn' : 'statsCcn')}
        <small>{a.detail}</small>
      </div>
    );
  };
  return (
    <section className="stats" data-testid="stats" title={stats.definition}>
      {row('KCN')}
      {row('CCN')}
    </section>
  );
}
