import type { Stats } from '../../geodata/api.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Province occupancy, KCN and CCN apart, as the resolution tracks them. */
export function StatsBar({ stats }: { stats: Stats }) {
  const { t, pct, num } = useI18n();
  const k = stats.byKind.KCN;
  const c = stats.byKind.CCN;
  return (
    <section className="stats" data-testid="stats" title={stats.definition}>
      <div>
        <strong>{pct(k.occupancyPct)}</strong> {t('statsKcn')}
        <small>
          {num(k.leasedHa)}/{num(k.leasableHa)} {t('ha')}
        </small>
      </div>
      <div>
        <strong>{pct(c.occupancyPct)}</strong> {t('statsCcn')}
        <small>
          {num(c.leasedHa)}/{num(c.leasableHa)} {t('ha')}
        </small>
      </div>
      <small className="asof">{t('computedFromPlots')}</small>
    </section>
  );
}
