import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { LineString } from 'geojson';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { ColourMode, View } from '../lib/hash-state.ts';
import { MapController, type MapHandlers, type MapTool } from './map-controller.ts';

type Props = {
  zones: ZoneApiFeature[] | null;
  plots: PlotCollection | null;
  context: ContextCollection | null;
  mode: ColourMode;
  selectedZone: string | null;
  selectedPlot: string | null;
  /** The plot picked to merge with the selected one. */
  candidatePlot: string | null;
  tool: MapTool;
  /** A finished split line shown while the user confirms it. */
  draft: LineString | null;
  /** Bumped to end the line being drawn (the panel's "finish" button). */
  finishRequest: number;
  /** Bumped to add a vertex at the map's centre (the panel's "add point" button). */
  pointRequest: number;
  /** Bumped when the camera should move to the selected zone (search, panel link). */
  flyRequest: number;
  /**
   * Keep the selected zone clear of the sheet even when a plot was picked (a phone's bottom sheet
   * covers most of the map); on a desktop a picked plot leaves the camera where the user put it.
   */
  followSelection?: boolean;
  initialView: View | null;
  /** Hands the controller to code that drives the map directly (find land, measuring tools, brochure). */
  onController?: (c: MapController | null) => void;
} & MapHandlers;

/** Owns the MapController for the lifetime of the component and forwards props to it. */
export function MapView(props: Props) {
  const { zones, plots, context, mode, selectedZone, selectedPlot, candidatePlot, tool, draft, finishRequest, pointRequest, flyRequest, followSelection, initialView } = props;
  const { lang, t } = useI18n();
  const container = useRef<HTMLDivElement>(null);
  const controller = useRef<MapController | null>(null);
  const handlers = useRef<MapHandlers>(props);
  handlers.current = props;
  const [measuring, setMeasuring] = useState(false);

  // A layout effect: the map starts loading its style in the same task as the first commit,
  // instead of after the browser has painted the page around it.
  useLayoutEffect(() => {
    if (!container.current) return;
    const c = new MapController(container.current, { view: initialView, mode, lang, noData: t('noData') }, handlers);
    controller.current = c;
    props.onController?.(c);
    const offMeasure = c.measure.subscribe((s) => setMeasuring(s.mode !== null));
    return () => {
      offMeasure();
      props.onController?.(null);
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
  useEffect(() => controller.current?.highlightPlots(selectedPlot, candidatePlot), [selectedPlot, candidatePlot]);
  // The tool first: leaving the drawing tool clears its line, then the finished line is shown.
  useEffect(() => controller.current?.setTool(tool), [tool]);
  useEffect(() => controller.current?.setDraft(draft), [draft, tool]);
  useEffect(() => void (finishRequest > 0 && controller.current?.finishLine()), [finishRequest]);
  useEffect(() => void (pointRequest > 0 && controller.current?.addPointAtCentre()), [pointRequest]);
  // A selected zone is moved out from under the panel or sheet that opens over it: once per
  // selection, as soon as the zones are known (a shared link selects before they arrive), so a
  // reload of the zones after an edit does not move the camera.
  const kept = useRef<string | null>(null);
  useEffect(() => {
    if (!selectedZone) {
      kept.current = null;
      return;
    }
    if (kept.current === selectedZone || !zones?.some((z) => z.id === selectedZone)) return;
    kept.current = selectedZone;
    if (followSelection || !selectedPlot) controller.current?.keepZoneInView(selectedZone);
  }, [selectedZone, zones]);
  // Each request flies once, when its zone is known: a reload of the zones after an edit must not move the camera.
  const flown = useRef(0);
  useEffect(() => {
    if (flyRequest > flown.current && selectedZone && zones?.some((z) => z.id === selectedZone)) {
      flown.current = flyRequest;
      controller.current?.flyToZone(selectedZone);
    }
  }, [flyRequest, zones]);

  // While drawing, a crosshair marks the centre, where Space or the panel's "add point" puts the
  // next vertex: the arrow keys move the map under it, so nothing needs a pointer.
  return (
    <div ref={container} className="map" data-testid="map" role="region" aria-label={t('appTitle')}>
      {(tool === 'draw-line' || measuring) && <div className="map-crosshair" data-testid="map-crosshair" aria-hidden="true" />}
    </div>
  );
}
