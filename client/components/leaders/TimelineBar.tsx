import { useEffect, useRef } from 'react';
import { useFocusWhileOpen } from '../../lib/focus-while-open.ts';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ColourMode } from '../../lib/hash-state.ts';
import { formatDate } from '../../i18n/dates.ts';
import type { TimelineStep, ZoneState } from '../../lib/timeline.ts';
import { MODE_RAMP, rampColor } from '../../map/style/symbology.ts';

/** "2021", "Q2 2026", "Today": how a step is named on the slider. */
export function useStepLabel() {
  const { t } = useI18n();
  return (s: TimelineStep) =>
    s.kind === 'today' ? t('ldToday') : s.kind === 'quarter' ? t('ldQuarter', { q: s.quarter ?? 0, y: s.year }) : String(s.year);
}

type Props = {
  steps: TimelineStep[];
  index: number;
  onIndex: (i: number) => void;
  playing: boolean;
  onPlay: () => void;
  comparing: boolean;
  onCompare: () => void;
  onClose: () => void;
  states: ReadonlyMap<string, ZoneState> | null;
  zones: ZoneApiFeature[];
  selected: string | null;
  mode: ColourMode;
};

/** The slider under the map: a date, play, before/after, and the selected zone's figures at that date. */
export function TimelineBar({ steps, index, onIndex, playing, onPlay, comparing, onCompare, onClose, states, zones, selected, mode }: Props) {
  const { t, lang, pct, when } = useI18n();
  const label = useStepLabel();
  const step = steps[index];
  // The legend moves up out of the bar's way.
  useEffect(() => {
    document.documentElement.classList.add('timeline-open');
    return () => document.documentElement.classList.remove('timeline-open');
  }, []);
  const zone = zones.find((z) => z.id === selected) ?? null;
  const s = zone && states ? states.get(zone.id) : null;
  const known = states ? [...states.values()].filter((x) => (mode === 'occupancy' ? x.occupancyPct : x.progressPct) !== null).length : 0;
  const value = s ? (mode === 'occupancy' ? s.occupancyPct : s.progressPct) : null;
  // Opened, the focus is on the slider (the arrow keys move the date); closed, back on the header's button.
  const slider = useRef<HTMLInputElement>(null);
  useFocusWhileOpen(() => slider.current, () => document.querySelector<HTMLElement>('[data-testid="open-timeline"]'));
  return (
    <section
      className="timeline-bar"
      data-testid="timeline"
      aria-label={t('ldTimeline')}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        if (comparing) onCompare();
        else onClose();
      }}
    >
      <div className="timeline-row">
        <button type="button" className="lang" onClick={onPlay} aria-pressed={playing} data-testid="timeline-play">
          {playing ? `⏸ ${t('ldPause')}` : `▶ ${t('ldPlay')}`}
        </button>
        <label className="timeline-slider">
          <span className="sr-only">{t('ldTimeline')}</span>
          <input
            ref={slider}
            type="range"
            min={0}
            max={Math.max(0, steps.length - 1)}
            step={1}
            value={index}
            onChange={(e) => onIndex(Number(e.target.value))}
            aria-valuetext={step ? `${label(step)} (${formatDate(lang, step.date)})` : ''}
          />
          <span className="timeline-ticks" aria-hidden="true">
            {steps.map((st, i) => (
              <button key={st.date} type="button" tabIndex={-1} className={i === index ? 'current' : ''} onClick={() => onIndex(i)} style={{ left: `${(i / Math.max(1, steps.length - 1)) * 100}%` }}>
                {label(st)}
              </button>
            ))}
          </span>
        </label>
        <strong className="timeline-date" data-testid="timeline-date">
          {step ? (step.kind === 'today' ? t('ldTodayCurrent') : t('ldStateAt', { date: formatDate(lang, step.date) })) : ''}
        </strong>
        <button type="button" className="lang" onClick={onCompare} aria-pressed={comparing} data-testid="timeline-compare">
          {comparing ? t('ldCompareClose') : t('ldCompare')}
        </button>
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </div>
      <p className="timeline-info">
        {states && (
          <span>
            {t('ldZonesWithData', { n: known, total: states.size })} · {t(mode)}
            {step && step.kind !== 'today' ? ` · ${t('ldPlotsHidden')}` : ''}
          </span>
        )}
        {zone && (
          <span className="timeline-zone" data-testid="timeline-zone">
            <strong>{zone.properties.name[lang]}</strong>:{' '}
            <span className="swatch" style={{ background: rampColor(MODE_RAMP[mode], value) }} />{' '}
            <span data-testid="timeline-zone-value" className={value === null ? 'nodata' : ''}>
              {t(mode)} {pct(value)}
            </span>
            {' · '}
            {t('status')}: {s?.status ? ZONE_STATUS_LABELS[s.status][lang] : <span className="nodata">{t('noData')}</span>}
            {s?.from && <small> ({t('ldFromPoint', { date: when(s.from) })})</small>}
          </span>
        )}
      </p>
    </section>
  );
}
