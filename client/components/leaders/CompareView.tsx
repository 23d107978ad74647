import { useEffect, useRef } from 'react';
import type { ContextCollection, ZoneApiFeature } from '../../../geodata/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ColourMode } from '../../lib/hash-state.ts';
import type { ZoneState } from '../../lib/timeline.ts';
import type { MapController } from '../../map/map-controller.ts';

type Props = {
  main: MapController;
  zones: ZoneApiFeature[];
  context: ContextCollection | null;
  /** Every zone's state at the "before" date. */
  states: ReadonlyMap<string, ZoneState>;
  beforeLabel: string;
  afterLabel: string;
  mode: ColourMode;
  selected: string | null;
};

/**
 * Before/after: a second map on the left half showing the zones at the "before" date; the main map
 * on the right half stays at today. The two cameras follow each other.
 */
export function CompareView({ main, zones, context, states, beforeLabel, afterLabel, mode, selected }: Props) {
  const { lang, t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const second = useRef<MapController | null>(null);

  useEffect(() => {
    if (!container.current) return;
    document.documentElement.classList.add('comparing');
    const compare = main.openCompare(container.current, { zones, context }, { mode, lang, noData: t('noData') });
    second.current = compare.map;
    return () => {
      second.current = null;
      document.documentElement.classList.remove('comparing');
      compare.close();
    };
  }, [main]);

  useEffect(() => second.current?.setTimeline(states, true), [states]);
  useEffect(() => second.current?.setMode(mode, lang, t('noData')), [mode, lang]);
  useEffect(() => second.current?.select(selected), [selected]);

  return (
    <>
      <div ref={container} className="compare-map" data-testid="compare-map" aria-label={`${t('appTitle')}: ${beforeLabel}`} role="region" />
      <p className="compare-label before" data-testid="compare-before">
        {beforeLabel}
      </p>
      <p className="compare-label after">{afterLabel}</p>
    </>
  );
}
