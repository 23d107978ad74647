import { useEffect, useRef, useState } from 'react';
import { OLD_AFTER_YEARS } from '../../../geodata/confidence.ts';
import type { Stats, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Tour } from '../../../geodata/targets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { frameFor, type MapController } from '../../map/map-controller.ts';
import { keyFigures } from './key-figures.ts';

const NEXT_KEYS = ['ArrowRight', 'PageDown', ' '];
const PREV_KEYS = ['ArrowLeft', 'PageUp'];

type Props = {
  tour: Tour;
  offline: boolean;
  zones: ZoneApiFeature[];
  stats: Stats | null;
  controller: MapController | null;
  /** The stop's zone, to ring it on the map (null for the province). */
  onStop: (zoneId: string | null) => void;
  onExit: () => void;
};

/**
 * Full screen, large type, high contrast. Presenter clickers send PageDown/PageUp (or the arrow
 * keys); the map flies to each stop, whose caption and key figures fill the bottom of the screen.
 */
export function Presentation({ tour, offline, zones, stats, controller, onStop, onExit }: Props) {
  const { t, lang } = useI18n();
  const [index, setIndex] = useState(0);
  const stops = tour.stops;
  const stop = stops[Math.min(index, stops.length - 1)]!;
  const zone = stop.target === 'province' ? null : (zones.find((z) => z.id === stop.target) ?? null);
  const figures = keyFigures(stop.figures, zone, stats, lang);
  const exitRef = useRef(onExit);
  exitRef.current = onExit;
  const entered = useRef(false);
  const card = useRef<HTMLDivElement>(null);

  // Full screen when the browser allows it; the CSS view works without it.
  useEffect(() => {
    document.documentElement.classList.add('presenting');
    const root = document.documentElement;
    if (root.requestFullscreen && !document.fullscreenElement) {
      root.requestFullscreen().then(
        () => (entered.current = true),
        () => undefined,
      );
    }
    const onFs = () => {
      if (entered.current && !document.fullscreenElement) exitRef.current();
    };
    document.addEventListener('fullscreenchange', onFs);
    return () => {
      document.documentElement.classList.remove('presenting');
      document.removeEventListener('fullscreenchange', onFs);
      if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    };
  }, []);

  // Keys are caught before the map sees them (its own arrow keys would pan it).
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (target && ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return;
      if (NEXT_KEYS.includes(e.key)) setIndex((i) => Math.min(stops.length - 1, i + 1));
      else if (PREV_KEYS.includes(e.key)) setIndex((i) => Math.max(0, i - 1));
      else if (e.key === 'Home') setIndex(0);
      else if (e.key === 'End') setIndex(stops.length - 1);
      else if (e.key === 'Escape') exitRef.current();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [stops.length]);

  useEffect(() => {
    onStop(zone?.id ?? null);
    if (!controller) return;
    // The caption card covers the bottom of the screen: the stop is framed in the space above it.
    const h = controller.size().height;
    const covered = Math.min(h * 0.6, (card.current?.offsetHeight ?? h * 0.3) + 70);
    controller.frame(frameFor(stop.target, zones), { top: 50, left: 60, right: 60, bottom: Math.round(covered) }, 1800);
  }, [index, controller, stop.target]);

  return (
    <section className="presentation" data-testid="presentation" aria-live="polite" aria-label={tour.title[lang]}>
      <div className="presentation-card" ref={card}>
        <p className="presentation-kicker">
          {tour.title[lang]} · <span data-testid="stop-number">{t('ldStopOf', { n: index + 1, total: stops.length })}</span>
          {offline && <span className="presentation-offline"> · {t('ldTourOffline')}</span>}
        </p>
        <h2 data-testid="stop-caption">{stop.caption[lang]}</h2>
        {figures.length > 0 && (
          <dl className="presentation-figures">
            {figures.map((f) => (
              <div key={f.key}>
                <dt>{f.label}</dt>
                <dd className={f.known ? '' : 'nodata'}>{f.value}</dd>
                {f.detail && <dd className="detail">{f.detail}</dd>}
              </div>
            ))}
          </dl>
        )}
        <p className="presentation-source">{t('ldPresentationSource')}</p>
        <p className="presentation-source" data-testid="presentation-confidence">{t('confLine', { years: OLD_AFTER_YEARS })}</p>
      </div>
      <nav className="presentation-nav" aria-label={t('ldPresent')}>
        <button type="button" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
          ← {t('ldPrev')}
        </button>
        <button type="button" onClick={() => setIndex((i) => Math.min(stops.length - 1, i + 1))} disabled={index >= stops.length - 1}>
          {t('ldNext')} →
        </button>
        <button type="button" onClick={onExit}>
          {t('ldExitPresentation')}
        </button>
      </nav>
    </section>
  );
}
