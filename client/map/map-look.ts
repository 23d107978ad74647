/**
 * Every paint, layout and filter value that changes while the app runs, derived from one state in
 * one function, and written to the map by one writer. Before, the colour mode and the leaders'
 * timeline each wrote the zones' `fill-color`, and what was drawn depended on which React effect
 * ran last; now a part of the controller changes the state and the map is brought to what
 * `lookOf(state)` says, whatever the order of the changes.
 *
 * Feature-state (selection, hover, matches, the timeline's figures at a date) is data, not look:
 * feature-states.ts writes it.
 */
import type { ExpressionSpecification, FilterSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import type { Lang } from '../i18n/strings.ts';
import type { ColourMode } from '../lib/hash-state.ts';
import { CONFIDENCE_LAYERS, schematicLayoutText, zoneCaveatFilter, zoneFigureText } from './style/confidence-layers.ts';
import { offlineBasemapLook } from './basemap-look.ts';
import { ADMIN_LAYER_IDS, labelName } from './style/admin-layers.ts';
import { FIND_LAYERS } from './style/find-land-layers.ts';
import { LAYERS } from './style/ids.ts';
import { bubbleColor, modeColor, roadLabel } from './style/layers.ts';
import { nameField, zoneLabel } from './style/zone-labels.ts';
import { TIMELINE_LAYERS, timelineColor, timelinePreLeasingOpacity } from './style/timeline.ts';

export type LookState = {
  mode: ColourMode;
  lang: Lang;
  /** The "no data" text of the bubbles' labels. */
  noData: string;
  /** The leaders' timeline is on: zones are coloured by their figures at its date (feature-state). */
  timeline: boolean;
  /** Plots have no history: at a past date they are hidden rather than show today's leases. */
  plotsHidden: boolean;
  /** Which highlight layers have something to draw (they cost frames even when drawing nothing). */
  plotSelected: boolean;
  zoneSelected: boolean;
  plotMatches: boolean;
  zoneMatches: boolean;
  enquiryMarks: boolean;
  /** The zone ringed by the leaders' chart or tour, whose name is written beside it. */
  ringed: string | null;
  /** An online basemap is drawn under everything: the offline basemap's own fills give way (basemap-look.ts). */
  onlineBasemap: boolean;
};

export const INITIAL_LOOK: Omit<LookState, 'mode' | 'lang' | 'noData'> = {
  timeline: false,
  plotsHidden: false,
  plotSelected: false,
  zoneSelected: false,
  plotMatches: false,
  zoneMatches: false,
  enquiryMarks: false,
  ringed: null,
  onlineBasemap: false,
};

type Visibility = 'visible' | 'none';
export type LayerLook = {
  paint?: Record<string, unknown>;
  layout?: Record<string, unknown>;
  /** null: no filter. */
  filter?: FilterSpecification | null;
};
export type Look = Record<string, LayerLook>;

const shown = (on: boolean): Visibility => (on ? 'visible' : 'none');
const preLeasing: ExpressionSpecification = ['==', ['get', 'preLeasing'], true];

/** The one rule for each changing property. */
export function lookOf(s: LookState): Look {
  const zoneColor = s.timeline ? timelineColor(s.mode) : modeColor(s.mode);
  const plots = (on: boolean) => ({ layout: { visibility: shown(on && !s.plotsHidden) } });
  return {
    ...offlineBasemapLook(s.onlineBasemap),
    // Status at the timeline's date decides hatching, and filters cannot read feature-state: in
    // timeline mode every zone is filled, and the hatched layer's opacity follows the state.
    [LAYERS.zonesFill]: { paint: { 'fill-color': zoneColor }, filter: s.timeline ? null : ['!', preLeasing] },
    [LAYERS.zonesPreLeasing]: { paint: { 'fill-opacity': s.timeline ? timelinePreLeasingOpacity : 0.9 }, filter: s.timeline ? null : preLeasing },
    // The history has rates, not hectares: in timeline mode the bubbles give way to one dot per zone.
    [LAYERS.clusters]: { paint: { 'circle-color': bubbleColor(s.mode) }, layout: { visibility: shown(!s.timeline) } },
    [LAYERS.clustersHatch]: { layout: { visibility: shown(!s.timeline) } },
    [LAYERS.clusterLabels]: { layout: { 'text-field': zoneLabel(s.mode, s.lang, s.noData), visibility: shown(!s.timeline) } },
    [TIMELINE_LAYERS.points]: { paint: { 'circle-color': timelineColor(s.mode) }, layout: { visibility: shown(s.timeline) } },
    [LAYERS.zoneLabels]: { layout: { 'text-field': nameField(s.lang) } },
    [LAYERS.roadLabels]: { layout: { 'text-field': roadLabel(s.lang) } },
    [ADMIN_LAYER_IDS.communeLabels]: { layout: { 'text-field': labelName(s.lang) } },
    [ADMIN_LAYER_IDS.provinceLabels]: { layout: { 'text-field': labelName(s.lang) } },
    [ADMIN_LAYER_IDS.nationalLabels]: { layout: { 'text-field': labelName(s.lang) } },
    [ADMIN_LAYER_IDS.archipelagoLabels]: { layout: { 'text-field': labelName(s.lang) } },
    [LAYERS.zonesSelected]: { layout: { visibility: shown(s.zoneSelected) } },
    [LAYERS.plotsFill]: plots(true),
    [LAYERS.plotsSelected]: plots(s.plotSelected),
    [FIND_LAYERS.plotsMatchCasing]: plots(s.plotMatches),
    [FIND_LAYERS.plotsMatch]: plots(s.plotMatches),
    [FIND_LAYERS.plotsEnquiry]: plots(s.enquiryMarks),
    [FIND_LAYERS.zonesMatchCasing]: { layout: { visibility: shown(s.zoneMatches) } },
    [FIND_LAYERS.zonesMatch]: { layout: { visibility: shown(s.zoneMatches) } },
    // Confidence marks describe today's figures: hidden while the timeline shows a past date's.
    [CONFIDENCE_LAYERS.zoneFigures]: { layout: { 'text-field': zoneFigureText(s.mode, s.lang), visibility: shown(!s.timeline) }, filter: zoneCaveatFilter(s.mode) },
    [CONFIDENCE_LAYERS.statedFigure]: { layout: { visibility: shown(s.mode === 'occupancy' && !s.timeline) } },
    [CONFIDENCE_LAYERS.layoutSchematic]: { layout: { 'text-field': schematicLayoutText(s.lang), visibility: shown(!s.timeline && !s.plotsHidden) } },
    [TIMELINE_LAYERS.highlightLabel]: { layout: { 'text-field': nameField(s.lang) }, filter: ['==', ['get', 'id'], s.ringed ?? ''] },
  };
}

/** What the look writer needs of a map: MapLibre's own setters. */
export type LookTarget = {
  getLayer(id: string): unknown;
  setPaintProperty(layer: string, name: string, value: unknown): unknown;
  setLayoutProperty(layer: string, name: string, value: unknown): unknown;
  setFilter(layer: string, filter: FilterSpecification | null): unknown;
};

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings the map to `next`, writing only what differs from `prev` (what this writer last wrote;
 * null the first time, when everything is written). Returns what is now on the map.
 */
export function applyLook(map: LookTarget, prev: Look | null, next: Look): Look {
  for (const [id, want] of Object.entries(next)) {
    if (!map.getLayer(id)) continue;
    const had = prev?.[id];
    for (const [name, value] of Object.entries(want.paint ?? {})) if (!had || !same(had.paint?.[name], value)) map.setPaintProperty(id, name, value);
    for (const [name, value] of Object.entries(want.layout ?? {})) if (!had || !same(had.layout?.[name], value)) map.setLayoutProperty(id, name, value);
    if ('filter' in want && (!had || !same(had.filter, want.filter))) map.setFilter(id, want.filter ?? null);
  }
  return next;
}

/**
 * The style with a look already written into its layers, so that the first applyLook (given the
 * same look as `prev`) writes nothing. A layout or filter written after the style is loaded makes
 * MapLibre reload that layer's source: at the first view that threw away the boundary tiles and
 * bubbles already being laid out, and the zones waited for a second layout.
 */
export function styleWithLook(style: StyleSpecification, look: Look): StyleSpecification {
  const layers = style.layers.map((layer) => {
    const want = look[layer.id];
    if (!want) return layer;
    const next: Record<string, unknown> = { ...layer };
    if (want.paint) next.paint = { ...('paint' in layer ? layer.paint : {}), ...want.paint };
    if (want.layout) next.layout = { ...layer.layout, ...want.layout };
    if ('filter' in want) {
      if (want.filter) next.filter = want.filter;
      else delete next.filter;
    }
    return next as LayerSpecification;
  });
  return { ...style, layers };
}
