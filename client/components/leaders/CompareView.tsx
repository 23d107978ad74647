import { useEffect, useRef } from 'react';
import type { ContextCollection, ZoneApiFeature } from '../../../geodata/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { ColourMode } from '../../lib/hash-state.ts';
import type { ZoneState } from '../../lib/timeline.ts';
import { LeadersMapLayer } from '../../map/leaders-map.ts';
import { MapController, type MapHandlers } from '../../map/map-controller.ts';

const inert = new Proxy({}, { get: () => () => undefined }) as MapHandlers;

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
  const second = useRef<{ c: MapController; layer: LeadersMapLayer } | null>(null);

  useEffect(() => {
    if (!container.current) return;
    document.documentElement.classList.add('comparing');
    main.map.resize();
    const centre = main.map.getCenter();
    const live = window.__izAtlasMap;
    const c = new MapController(container.current, { view: { lat: centre.lat, lon: centre.lng, zoom: main.map.getZoom() }, mode, lang, noData: t('noData') }, { current: inert });
    // The main map stays the one the tests and the console see.
    if (live) window.__izAtlasMap = live;
    const layer = new LeadersMapLayer(c.map);
    second.current = { c, layer };
    c.setZones(zones);
    if (context) c.setContext(context);
    // Each map follows the other; a flag stops the echo.
    let syncing = false;
    const follow = (from: MapController['map'], to: MapController['map']) => () => {
      if (syncing) return;
      syncing = true;
      to.jumpTo({ center: from.getCenter(), zoom: from.getZoom(), bearing: from.getBearing(), pitch: from.getPitch() });
      syncing = false;
    };
    const a = follow(main.map, c.map);
    const b = follow(c.map, main.map);
    main.map.on('move', a);
    c.map.on('move', b);
    return () => {
      main.map.off('move', a);
      c.map.off('move', b);
      c.destroy();
      second.current = null;
      document.documentElement.classList.remove('comparing');
      main.map.resize();
    };
  }, [main]);

  useEffect(() => second.current?.layer.setTimeline(states, mode, true), [states, mode]);
  useEffect(() => second.current?.c.select(selected), [selected]);

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
