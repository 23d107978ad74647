/**
 * The leaders' views on a map: timeline recolouring and the chart highlight. Everything goes
 * through feature-state, layer filters, paint and visibility; no data is resent when the slider
 * moves. Works on the main map and on the second map of the before/after comparison alike.
 */
import type { ExpressionSpecification, FilterSpecification, Map as MlMap } from 'maplibre-gl';
import type { ColourMode } from '../lib/hash-state.ts';
import { isPreLeasing, type ZoneState } from '../lib/timeline.ts';
import { LAYERS, SOURCES } from './style/ids.ts';
import { modeColor } from './style/layers.ts';
import {
  HIGHLIGHT_STATE,
  TIMELINE_LAYERS,
  TIMELINE_STATE,
  highlightLabelLayer,
  highlightLayer,
  timelineColor,
  timelinePointsLayer,
  timelinePreLeasingOpacity,
} from './style/timeline.ts';

type Saved = {
  fillFilter: FilterSpecification | null;
  preFilter: FilterSpecification | null;
  preOpacity: unknown;
  hidden: { id: string; visibility: 'visible' | 'none' }[];
};

const TIMELINE_KEYS = Object.values(TIMELINE_STATE);

export class LeadersMapLayer {
  private saved: Saved | null = null;
  private stateIds = new Set<string>();
  private highlighted: string | null = null;
  private mode: ColourMode = 'occupancy';
  private plotsHidden = false;

  constructor(private readonly map: MlMap) {}

  /** Runs fn once the style's zone layers exist. */
  private ready(fn: () => void) {
    if (this.map.getLayer(LAYERS.zonesFill) && this.map.getSource(SOURCES.zonePoints)) fn();
    else this.map.once('load', () => fn());
  }

  get timelineActive() {
    return this.saved !== null;
  }

  /**
   * Shows every zone as it stood at a date (states by zone id), or leaves timeline mode with null.
   * `hidePlots`: plots have no history, so a past date hides them rather than show today's leases.
   */
  setTimeline(states: ReadonlyMap<string, ZoneState> | null, mode: ColourMode, hidePlots: boolean) {
    this.ready(() => {
      if (!states) return this.leave(mode);
      if (!this.saved) this.enter(mode);
      else if (mode !== this.mode) this.applyMode(mode);
      this.setPlotsHidden(hidePlots);
      for (const [id, s] of states) {
        const state = { [TIMELINE_STATE.occupancy]: s.occupancyPct, [TIMELINE_STATE.progress]: s.progressPct, [TIMELINE_STATE.preLeasing]: isPreLeasing(s) };
        this.map.setFeatureState({ source: SOURCES.zones, id }, state);
        this.map.setFeatureState({ source: SOURCES.zonePoints, id }, state);
        this.stateIds.add(id);
      }
    });
  }

  private enter(mode: ColourMode) {
    const m = this.map;
    this.saved = {
      fillFilter: (m.getFilter(LAYERS.zonesFill) as FilterSpecification | undefined) ?? null,
      preFilter: (m.getFilter(LAYERS.zonesPreLeasing) as FilterSpecification | undefined) ?? null,
      preOpacity: m.getPaintProperty(LAYERS.zonesPreLeasing, 'fill-opacity') ?? 0.9,
      hidden: [],
    };
    // Status at the date decides hatching, and filters cannot read feature-state: every zone is
    // filled, and the hatched layer's opacity follows the state instead.
    m.setFilter(LAYERS.zonesFill, null);
    m.setFilter(LAYERS.zonesPreLeasing, null);
    m.setPaintProperty(LAYERS.zonesPreLeasing, 'fill-opacity', timelinePreLeasingOpacity);
    for (const id of [LAYERS.clusters, LAYERS.clusterLabels]) this.hide(id);
    if (!m.getLayer(TIMELINE_LAYERS.points)) m.addLayer(timelinePointsLayer(mode), m.getLayer(LAYERS.zoneLabels) ? LAYERS.zoneLabels : undefined);
    this.applyMode(mode);
  }

  private applyMode(mode: ColourMode) {
    this.mode = mode;
    this.map.setPaintProperty(LAYERS.zonesFill, 'fill-color', timelineColor(mode));
    if (this.map.getLayer(TIMELINE_LAYERS.points)) this.map.setPaintProperty(TIMELINE_LAYERS.points, 'circle-color', timelineColor(mode));
  }

  private hide(id: string) {
    if (!this.saved || !this.map.getLayer(id)) return;
    const visibility = (this.map.getLayoutProperty(id, 'visibility') as 'visible' | 'none' | undefined) ?? 'visible';
    this.saved.hidden.push({ id, visibility });
    this.map.setLayoutProperty(id, 'visibility', 'none');
  }

  private setPlotsHidden(hidden: boolean) {
    if (hidden === this.plotsHidden) return;
    this.plotsHidden = hidden;
    const plotLayers = this.map
      .getStyle()
      .layers.filter((l) => 'source' in l && l.source === SOURCES.plots)
      .map((l) => l.id);
    for (const id of plotLayers) {
      if (hidden) this.hide(id);
      else {
        const saved = this.saved?.hidden.find((h) => h.id === id);
        this.map.setLayoutProperty(id, 'visibility', saved?.visibility ?? 'visible');
        if (this.saved) this.saved.hidden = this.saved.hidden.filter((h) => h.id !== id);
      }
    }
  }

  private leave(mode: ColourMode) {
    const m = this.map;
    const saved = this.saved;
    if (!saved) return;
    this.saved = null;
    this.plotsHidden = false;
    m.setFilter(LAYERS.zonesFill, saved.fillFilter);
    m.setFilter(LAYERS.zonesPreLeasing, saved.preFilter);
    m.setPaintProperty(LAYERS.zonesPreLeasing, 'fill-opacity', saved.preOpacity as ExpressionSpecification);
    m.setPaintProperty(LAYERS.zonesFill, 'fill-color', modeColor(mode));
    for (const h of saved.hidden) if (m.getLayer(h.id)) m.setLayoutProperty(h.id, 'visibility', h.visibility);
    if (m.getLayer(TIMELINE_LAYERS.points)) m.removeLayer(TIMELINE_LAYERS.points);
    for (const id of this.stateIds) {
      for (const key of TIMELINE_KEYS) {
        m.removeFeatureState({ source: SOURCES.zones, id }, key);
        m.removeFeatureState({ source: SOURCES.zonePoints, id }, key);
      }
    }
    this.stateIds.clear();
  }

  /** Rings the zone picked in a chart (or none), with its name at province zoom. */
  setHighlight(zoneId: string | null, lang: 'vi' | 'en') {
    this.ready(() => {
      const m = this.map;
      if (!m.getLayer(TIMELINE_LAYERS.highlight)) m.addLayer(highlightLayer());
      if (!m.getLayer(TIMELINE_LAYERS.highlightLabel)) m.addLayer(highlightLabelLayer(lang === 'vi' ? 'nameVi' : 'nameEn'));
      m.setLayoutProperty(TIMELINE_LAYERS.highlightLabel, 'text-field', ['get', lang === 'vi' ? 'nameVi' : 'nameEn']);
      if (this.highlighted && this.highlighted !== zoneId) m.removeFeatureState({ source: SOURCES.zonePoints, id: this.highlighted }, HIGHLIGHT_STATE);
      this.highlighted = zoneId;
      if (zoneId) m.setFeatureState({ source: SOURCES.zonePoints, id: zoneId }, { [HIGHLIGHT_STATE]: true });
      m.setFilter(TIMELINE_LAYERS.highlightLabel, ['==', ['get', 'id'], zoneId ?? '']);
    });
  }

  /** Leaves timeline mode and removes the highlight layers. */
  dispose(mode: ColourMode) {
    try {
      this.setTimeline(null, mode, false);
      this.setHighlight(null, 'vi');
      for (const id of [TIMELINE_LAYERS.highlightLabel, TIMELINE_LAYERS.highlight]) if (this.map.getLayer(id)) this.map.removeLayer(id);
    } catch {
      // The map is already gone.
    }
  }
}
