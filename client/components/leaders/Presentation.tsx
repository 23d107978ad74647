import { useEffect, useRef, useState } from 'react';
import { OLD_AFTER_YEARS } from '../../../geodata/confidence.ts';
import type { Stats, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Tour } from '../../../geodata/targets.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ColourMode } from '../../lib/hash-state.ts';
import { frameFor, type MapController } from '../../map/map-controller.ts';
import { keyFigures } from './key-figures.ts';
import { captionFor, type CaptionData } from './tour-captions.ts';
import { useFocusWhileOpen } from '../../lib/focus-while-open.ts';

const NEXT_KEYS = ['ArrowRight', 'PageDown', ' '];
const PREV_KEYS = ['ArrowLeft', 'PageUp'];

type Props = {
  tour: Tour;
  offline: boolean;
  zones: ZoneApiFeature[];
  stats: Stats | null;
  /** The live figures the captions are filled from. */
  data: CaptionData;
  mode: ColourMode;
  controller: MapController | null;
  /** The stop's zone, to ring it on the map (null for the province). */
  onStop: (zoneId: string | null) => void;
  onExit: () => void;
};

/**
 * Full screen, large type, high contrast. Presenter clickers send PageDown/PageUp (or the arrow
 * keys); the map flies to each stop, whose caption (filled from the live figures) and key figures
 * fill the bottom of the screen. The map's legend stays, at the top left, and the camera frames
 * each stop clear of it and of the card; the card sits above the map's attribution.
 */
export function Presentation({ tour, offline, zones, stats, data, mode, controller, onStop, onExit }: Props) {
  const { t, lang } = useI18n();
  const [index, setIndex] = useState(0);
  const stops = tour.stops;
  const stop = stops[Math.min(index, stops.length - 1)]!;
  const zone = stop.target === 'province' ? null : (zones.find((z) => z.id === stop.target) ?? null);
  const figures = keyFigures(stop.figures, zone, stats, lang);
  const exitRef = useRef(onExit);
  exitRef.current = onExit;
  const entered = useRef(false);
  const section = useRef<HTMLElement>(null);
  const nav = useRef<HTMLElement>(null);
  // Opened, the focus is on the card's first button (the header it was opened from is hidden);
  // left, back on the button that opened it.
  useFocusWhileOpen(
    () => nav.current?.querySelector<HTMLElement>('button:not(:disabled)'),
    () => document.querySelector<HTMLElement>('[data-testid="open-presentation"]'),
  );

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
      // Space on a focused button presses that button (Exit, say), as everywhere else.
      if (e.key === ' ' && target?.tagName === 'BUTTON') return;
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
    // The caption card and the legend cover parts of the screen: the stop is framed clear of both.
    const padding = controller.paddingFor([section.current, document.querySelector('[data-testid="legend"]')], 40);
    controller.frame(frameFor(stop.target, zones), padding, 1800);
  }, [index, controller, stop.target, mode]);

  return (
    <section className="presentation" data-testid="presentation" aria-live="polite" aria-label={tour.title[lang]} ref={section}>
      <div className="presentation-card">
        <div className="presentation-head">
          <p className="presentation-kicker">
            {tour.title[lang]} · <span data-testid="stop-number">{t('ldStopOf', { n: index + 1, total: stops.length })}</span>
            {offline && <span className="presentation-offline"> · {t('ldTourOffline')}</span>}
          </p>
          {/* In the card's top row rather than under it: a row of the screen less taken from the map. */}
          <nav className="presentation-nav" aria-label={t('ldPresent')} ref={nav}>
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
        </div>
        <h2 data-testid="stop-caption">{captionFor(stop, data, lang)}</h2>
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
        <p className="presentation-source">
          {t('ldPresentationSource')} <span data-testid="presentation-confidence">{t('confLine', { years: OLD_AFTER_YEARS })}</span>
        </p>
      </div>
    </section>
  );
}
