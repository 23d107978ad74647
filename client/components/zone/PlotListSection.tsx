import type { PlotApiFeature } from '../../../geodata/api.ts';
import { LAND_USE_LABELS, PLOT_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';

/** The zone's plots by code, so a plot can be opened without finding it on the map. */
export function PlotListSection({ plots, onOpenPlot }: { plots: readonly PlotApiFeature[]; onOpenPlot: (id: string) => void }) {
  const { t, lang, num } = useI18n();
  if (plots.length === 0) return null;
  return (
    <section className="plot-list" aria-label={t('plotList')}>
      <h3>{t('plotList')}</h3>
      <ul>
        {[...plots]
          .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
          .map((pl) => (
            <li key={pl.id}>
              <button type="button" className="link" onClick={() => onOpenPlot(pl.id)}>
                {t('plot')} {pl.properties.code}
              </button>{' '}
              <small>
                {LAND_USE_LABELS[pl.properties.landUse][lang]} · {PLOT_STATUS_LABELS[pl.properties.status][lang]} · {num(pl.properties.areaHa, 2)} {t('ha')}
              </small>
            </li>
          ))}
      </ul>
    </section>
  );
}
