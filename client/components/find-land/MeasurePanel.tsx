import { useEffect, useMemo, useState } from 'react';
import type { PlotApiFeature, ZoneApiFeature } from '../../../geodata/api.ts';
import { PLOT_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { withinCircle } from '../../lib/within-radius.ts';
import type { MapController } from '../../map/map-controller.ts';
import { IDLE_MEASURE, MEASURE_MODES, type MeasureMode, type MeasureState } from '../../map/map-tools.ts';
import { NumberInput } from './NumberInput.tsx';

const MODE_KEYS = { distance: 'measureDistance', area: 'measureArea', radius: 'measureRadius' } as const;
const LIST_MAX = 30;

/**
 * Measuring on the map: a straight-line distance, the area of a drawn polygon, and everything
 * within N km of a clicked point. The drawing is the map's (client/map/map-tools.ts); this panel
 * picks the tool and shows the figures.
 */
export function MeasurePanel({
  controller,
  zones,
  plots,
  onOpenPlot,
  onOpenZone,
}: {
  controller: MapController | null;
  zones: ZoneApiFeature[];
  plots: PlotApiFeature[];
  onOpenPlot: (id: string) => void;
  onOpenZone: (id: string) => void;
}) {
  const { t, lang, num } = useI18n();
  const [s, setS] = useState<MeasureState>(controller?.measure.state ?? IDLE_MEASURE);
  useEffect(() => {
    if (!controller) return;
    setS(controller.measure.state);
    const off = controller.measure.subscribe(setS);
    return () => {
      off();
      controller.measure.start(null);
    };
  }, [controller]);

  const inside = useMemo(
    () => (s.mode === 'radius' && s.circle && s.vertices[0] ? withinCircle(s.vertices[0], s.circle, zones, plots) : null),
    [s.mode, s.circle, s.vertices, zones, plots],
  );
  const pick = (mode: MeasureMode) => controller?.measure.start(s.mode === mode ? null : mode);
  const area = (ha: number) => (ha >= 100 ? `${num(ha / 100, 2)} km²` : `${num(ha, 2)} ${t('ha')}`);

  return (
    <div className="measure" data-testid="measure-panel">
      <div className="actions" role="group" aria-label={t('tabMeasure')}>
        {MEASURE_MODES.map((m) => (
          <button key={m} type="button" className={s.mode === m ? undefined : 'secondary'} aria-pressed={s.mode === m} onClick={() => pick(m)}>
            {t(MODE_KEYS[m])}
          </button>
        ))}
      </div>
      {s.mode === 'radius' && (
        <div className="field">
          <label htmlFor="measure-radius">{t('measureRadiusKm')}</label>
          <NumberInput id="measure-radius" value={s.radiusKm} onValue={(km) => km && km > 0 && km <= 200 && controller?.measure.setRadius(km)} />
        </div>
      )}
      {s.mode && (
        <>
          <p className="tool-help">{t(s.mode === 'radius' ? 'measureHelpRadius' : 'measureHelpLine')}</p>
          <p className="tool-help">{t('keyboardDrawHelp')}</p>
          <div className="actions">
            <button type="button" className="secondary" aria-label={t('addPointAtCentreLabel')} onClick={() => controller?.addPointAtCentre()}>
              {t('addPointAtCentre')}
            </button>
          </div>
        </>
      )}

      <dl className="facts" aria-live="polite" data-testid="measure-result">
        {s.mode === 'distance' && s.km !== null && (
          <>
            <dt>{t('measureLength')}</dt>
            <dd>{num(s.km, 2)} km</dd>
          </>
        )}
        {s.mode === 'area' && s.ha !== null && (
          <>
            <dt>{t('measureArea')}</dt>
            <dd>{area(s.ha)}</dd>
            <dt>{t('measurePerimeter')}</dt>
            <dd>{num(s.km ?? 0, 2)} km</dd>
          </>
        )}
        {s.mode === 'radius' && s.ha !== null && (
          <>
            <dt>{t('measureRadiusKm')}</dt>
            <dd>
              {num(s.radiusKm)} km ({t('straightLine')})
            </dd>
          </>
        )}
      </dl>

      {inside && (
        <section className="within" aria-label={t('measureInside', { km: num(s.radiusKm) })}>
          <h3>{t('measureInside', { km: num(s.radiusKm) })}</h3>
          {inside.zones.length === 0 && inside.plots.length === 0 && <p className="nodata">{t('measureNothing')}</p>}
          {inside.zones.length > 0 && (
            <>
              <h4>{t('measureZones')}</h4>
              <ul className="result-list">
                {inside.zones.map(({ feature: z, km }) => (
                  <li key={z.id}>
                    <button type="button" className="result" onClick={() => onOpenZone(z.id)}>
                      <strong>{z.properties.name[lang]}</strong>
                      <span className="result-figures">{t('fromCentre', { km: num(km) })}</span>
                    </button>
                  </li>
                ))}
              </ul>
            </>
          )}
          {inside.plots.length > 0 && (
            <>
              <h4>
                {t('measurePlots')} ({inside.plots.length})
              </h4>
              <ul className="result-list">
                {inside.plots.slice(0, LIST_MAX).map(({ feature: p, km }) => (
                  <li key={p.id}>
                    <button type="button" className="result" onClick={() => onOpenPlot(p.id)}>
                      <strong>
                        {t('plot')} {p.properties.code}
                      </strong>{' '}
                      · {zones.find((z) => z.id === p.properties.zoneId)?.properties.name[lang]}
                      <span className="result-figures">
                        {num(p.properties.areaHa, 2)} {t('ha')} · {PLOT_STATUS_LABELS[p.properties.status][lang]} · {t('fromCentre', { km: num(km) })}
                      </span>
                    </button>
                  </li>
                ))}
              </ul>
              {inside.plots.length > LIST_MAX && <p className="hint">{t('andMore', { n: inside.plots.length - LIST_MAX })}</p>}
            </>
          )}
        </section>
      )}
    </div>
  );
}
