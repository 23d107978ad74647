/**
 * Style of the leaders' views as data: the timeline's colouring, read from feature-state so moving
 * the slider never resends data, and the halo that marks the zone picked in a chart.
 *
 * In timeline mode the zone fill reads only feature-state (`tOcc` or `tProg`), not the feature's
 * own figure: a zone with no figure at the date must be "no data", not today's value.
 */
import type { CircleLayerSpecification, ExpressionSpecification, SymbolLayerSpecification } from 'maplibre-gl';
import type { Lang } from '../../i18n/strings.ts';
import type { ColourMode } from '../../lib/hash-state.ts';
import { CLUSTER_MAX_ZOOM, LABEL_FONT, SOURCES } from './ids.ts';
import { BASEMAP, CCN_OUTLINE, KCN_OUTLINE, MODE_RAMP, SELECTION_OUTLINE, type Ramp } from './symbology.ts';

/** Feature-state keys the timeline sets on the zones and zone-points sources. */
export const TIMELINE_STATE = {
  occupancy: 'tOcc',
  progress: 'tProg',
  /** Planned or revoked at the date: drawn hatched. */
  preLeasing: 'tPre',
} as const;
/** Feature-state key on zone-points for the zone picked in a chart. */
export const HIGHLIGHT_STATE = 'leadersHl';

export const TIMELINE_LAYERS = {
  points: 'timeline-points',
  highlight: 'leaders-highlight',
  highlightLabel: 'leaders-highlight-label',
} as const;

export const TIMELINE_KEY: Record<ColourMode, string> = { occupancy: TIMELINE_STATE.occupancy, progress: TIMELINE_STATE.progress };

/** The ramp's step expression over a feature-state key; the no-data colour when it is not a number. */
export function stateStepColor(key: string, ramp: Ramp): ExpressionSpecification {
  const stops: (number | string)[] = [];
  ramp.breaks.slice(1).forEach((b, i) => {
    stops.push(b, ramp.colors[i + 1]!);
  });
  return [
    'case',
    ['==', ['typeof', ['feature-state', key]], 'number'],
    ['step', ['feature-state', key], ramp.colors[0]!, ...stops],
    ramp.noData,
  ] as ExpressionSpecification;
}

export const timelineColor = (mode: ColourMode): ExpressionSpecification => stateStepColor(TIMELINE_KEY[mode], MODE_RAMP[mode]);

/** Opacity of the hatched layer in timeline mode: shown only for zones planned or revoked at the date. */
export const timelinePreLeasingOpacity: ExpressionSpecification = ['case', ['boolean', ['feature-state', TIMELINE_STATE.preLeasing], false], 0.9, 0];

/**
 * Below the cluster zoom the map shows bubbles of summed hectares; the history has rates only, so
 * in timeline mode each zone gets its own dot instead, coloured by its state at the date.
 */
export function timelinePointsLayer(mode: ColourMode): CircleLayerSpecification {
  return {
    id: TIMELINE_LAYERS.points,
    type: 'circle',
    source: SOURCES.zonePoints,
    maxzoom: CLUSTER_MAX_ZOOM,
    layout: { visibility: 'none' },
    paint: {
      'circle-color': timelineColor(mode),
      'circle-radius': 9,
      'circle-stroke-color': ['case', ['==', ['get', 'kind'], 'CCN'], CCN_OUTLINE, KCN_OUTLINE],
      'circle-stroke-width': ['case', ['boolean', ['feature-state', TIMELINE_STATE.preLeasing], false], 1, 2],
      'circle-opacity': ['case', ['boolean', ['feature-state', TIMELINE_STATE.preLeasing], false], 0.35, 1],
    },
  };
}

/** A ring around the zone picked in a chart or a tour stop, where zones are drawn as bubbles. */
export function highlightLayer(): CircleLayerSpecification {
  return {
    id: TIMELINE_LAYERS.highlight,
    type: 'circle',
    source: SOURCES.zonePoints,
    // Zoomed in, the zone's own selection outline marks it.
    maxzoom: CLUSTER_MAX_ZOOM,
    paint: {
      'circle-color': 'rgba(0,0,0,0)',
      'circle-radius': ['interpolate', ['linear'], ['zoom'], 8, 17, 11, 24],
      'circle-stroke-color': SELECTION_OUTLINE,
      'circle-stroke-width': ['case', ['boolean', ['feature-state', HIGHLIGHT_STATE], false], 4, 0],
    },
  };
}

/** The picked zone's name beside its ring, so a chart click is easy to find on the map. */
export function highlightLabelLayer(lang: Lang): SymbolLayerSpecification {
  return {
    id: TIMELINE_LAYERS.highlightLabel,
    type: 'symbol',
    source: SOURCES.zonePoints,
    maxzoom: CLUSTER_MAX_ZOOM,
    filter: ['==', ['get', 'id'], ''],
    layout: { 'text-font': [LABEL_FONT], 'text-size': 13, 'text-field': ['get', lang === 'vi' ? 'nameVi' : 'nameEn'], 'text-anchor': 'left', 'text-offset': [1.8, 0], 'text-allow-overlap': true, 'text-ignore-placement': true },
    paint: { 'text-color': BASEMAP.text, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 2 },
  };
}
