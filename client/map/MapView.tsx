import { useEffect, useRef } from 'react';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ColourMode, View } from '../lib/hash-state.ts';
import { MapController, type MapHandlers } from './map-controller.ts';

type Props = {
  zones: ZoneApiFeature[] | null;
  plots: PlotCollection | null;
  context: ContextCollection | null;
  mode: ColourMode;
  selectedZone: string | null;
  /** Bumped when the camera should move to the selected zone (search, panel link). */
  flyRequest: number;
  initialView: View | null;
} & MapHandlers;

/** Owns the MapController for the lifetime of the component and forwards props to it. */
export function MapView({ zones, plots, context, mode, selectedZone, flyRequest, initialView, onZoneClick, onViewChange }: Props) {
  const { lang, t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const handlers = useRef<MapHandlers>({ onZoneClick, onViewChange });
  handlers.current = { onZoneClick, onViewChange };

  useEffect(() => {
    if (!container.current) return;
    const c = new MapController(container.current, { view: initialView, mode, lang, noData: t('noData') }, handlers);
    controller.current = c;
    return () => {
      c.destroy();
      controller.current = null;
    };
    // The map is created once; later prop changes go through the effects below.
  }, []);

  // Each layer is drawn as soon as its data arrives, so the zones need not wait for the plots.
  useEffect(() => void (zones && controller.current?.setZones(zones)), [zones]);
  useEffect(() => void (plots && controller.current?.setPlots(plots)), [plots]);
  useEffect(() => void (context && controller.current?.setContext(context)), [context]);
  useEffect(() => controller.current?.setMode(mode, lang, t('noData')), [mode]);
  useEffect(() => controller.current?.setLang(mode, lang, t('noData')), [lang]);
  useEffect(() => controller.current?.select(selectedZone), [selectedZone, zones]);
  useEffect(() => {
    if (flyRequest > 0 && selectedZone) controller.current?.flyToZone(selectedZone);
  }, [flyRequest, zones]);

  return <div ref={container} className="map" data-testid="map" role="region" aria-label={t('appTitle')} />;
}
