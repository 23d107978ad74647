/**
 * The whole map style as data: the offline basemap drawn from the context layers, the zones,
 * plots and cluster bubbles. The controller only swaps paint/layout values named here.
 */
import type { ExpressionSpecification, LayerSpecification, StyleSpecification } from 'maplibre-gl';
import { LEASABLE_LAND_USES } from '../../../geodata/vocabulary.ts';
import type { Lang } from '../../i18n/strings.ts';
import type { ColourMode } from '../../lib/hash-state.ts';
import { confidenceLayers } from './confidence-layers.ts';
import { matchColor, stepColor } from './expressions.ts';
import { adminAreaLayers, adminLabelLayers, adminLineLayers, adminSource, nationalLabelLayer } from './admin-layers.ts';
import { fontFaces } from './fonts.ts';
import { measureLayers, measureSources, plotHighlightLayers, zoneMatchLayers } from './find-land-layers.ts';
import { highlightLabelLayer, highlightLayer, timelinePointsLayer } from './timeline.ts';
import { clusterHatchLayer, clusterLabelLayer, zoneNameLayer } from './zone-labels.ts';
import { CLUSTER_MAX_ZOOM, HATCH_IMAGE, LABEL_FONT, LAYERS, PLOTS_MIN_ZOOM, SOURCES } from './ids.ts';
import {
  BASEMAP,
  CANDIDATE_OUTLINE,
  CCN_OUTLINE,
  DRAFT_LINE,
  IMPORT_OUTLINE,
  IMPORT_WASH,
  KCN_OUTLINE,
  NON_LEASABLE_COLORS,
  MODE_RAMP,
  PLOT_STATUS_COLORS,
  PRE_LEASING_FILL,
  SELECTION_OUTLINE,
} from './symbology.ts';

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/** Feature property that each colour mode reads, and its ramp. */
export const MODE_PROPERTY: Record<ColourMode, 'occupancyPct' | 'progressPct'> = {
  occupancy: 'occupancyPct',
  progress: 'progressPct',
};

export const modeColor = (mode: ColourMode): ExpressionSpecification => stepColor(MODE_PROPERTY[mode], MODE_RAMP[mode]);

/** Bubbles of planned or revoked zones only are pale (and hatched, zone-labels.ts), as the legend says. */
export const bubbleColor = (mode: ColourMode): ExpressionSpecification => ['case', ['==', ['get', 'allPreLeasing'], true], PRE_LEASING_FILL, modeColor(mode)];

/** "QL3 (sơ đồ)": the roads are hand-drawn, and say so where they are drawn, not only in the legend. */
export const roadLabel = (lang: Lang): ExpressionSpecification => ['concat', ['get', 'ref'], lang === 'vi' ? ' (sơ đồ)' : ' (schematic)'];

/** Leasable plots by status, the others by land use: the map, the legend and the import preview agree. */
const plotFillColor = (): ExpressionSpecification => [
  'match',
  ['get', 'landUse'],
  [...LEASABLE_LAND_USES],
  matchColor('status', PLOT_STATUS_COLORS, '#999999'),
  matchColor('landUse', NON_LEASABLE_COLORS, '#999999'),
];

const kindIs = (kind: 'KCN' | 'CCN'): ExpressionSpecification => ['==', ['get', 'kind'], kind];
const preLeasing: ExpressionSpecification = ['==', ['get', 'preLeasing'], true];
const textLayout = { 'text-font': [LABEL_FONT], 'text-size': 12 };
const halo = { 'text-color': BASEMAP.text, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 } as const;

/**
 * The offline basemap: the administrative map (admin-layers.ts) with the context's schematic
 * national roads, river and lake (hand-drawn, so the legend says "schematic"). The old district
 * seats are not drawn: districts were abolished on 1 July 2025, and the communes are named instead.
 */
function basemapLayers(lang: Lang): LayerSpecification[] {
  const ofKind = (k: string): ExpressionSpecification => ['==', ['get', 'kind'], k];
  return [
    { id: LAYERS.background, type: 'background', paint: { 'background-color': BASEMAP.background } },
    ...adminAreaLayers(),
    { id: LAYERS.lake, type: 'fill', source: SOURCES.context, filter: ofKind('lake'), paint: { 'fill-color': BASEMAP.water } },
    { id: LAYERS.river, type: 'line', source: SOURCES.context, filter: ofKind('river'), paint: { 'line-color': BASEMAP.water, 'line-width': 2 } },
    ...adminLineLayers(),
    { id: LAYERS.roads, type: 'line', source: SOURCES.context, filter: ofKind('road'), paint: { 'line-color': BASEMAP.road, 'line-width': ['interpolate', ['linear'], ['zoom'], 7, 1.5, 14, 5] } },
    {
      id: LAYERS.roadLabels,
      type: 'symbol',
      source: SOURCES.context,
      filter: ofKind('road'),
      layout: { ...textLayout, 'symbol-placement': 'line', 'text-field': roadLabel(lang), 'text-size': 11 },
      paint: halo,
    },
    ...adminLabelLayers(lang),
  ];
}

function zoneLayers(mode: ColourMode, lang: Lang, noData: string): LayerSpecification[] {
  return [
    { id: LAYERS.zonesFill, type: 'fill', source: SOURCES.zones, filter: ['!', preLeasing], paint: { 'fill-color': modeColor(mode) } },
    {
      id: LAYERS.zonesPreLeasing,
      type: 'fill',
      source: SOURCES.zones,
      filter: preLeasing,
      paint: { 'fill-color': PRE_LEASING_FILL, 'fill-pattern': HATCH_IMAGE, 'fill-opacity': 0.9 },
    },
    {
      id: LAYERS.plotsFill,
      type: 'fill',
      source: SOURCES.plots,
      minzoom: PLOTS_MIN_ZOOM,
      // The white edge between plots is the fill's own antialiasing outline, drawn anyway: a
      // separate 1-px line layer cost about a quarter of the frames when panning over plots.
      paint: { 'fill-color': plotFillColor(), 'fill-outline-color': '#ffffff' },
    },
    // Find land: search matches, the hovered result, plots with open enquiries (under the selection).
    ...plotHighlightLayers(),
    {
      // The open plot and a merge candidate, by feature-state: no data is resent to highlight.
      id: LAYERS.plotsSelected,
      type: 'line',
      source: SOURCES.plots,
      minzoom: PLOTS_MIN_ZOOM,
      // Shown only while a plot is open or picked (the controller turns it on).
      layout: { visibility: 'none' },
      paint: {
        'line-color': ['case', ['boolean', ['feature-state', 'candidate'], false], CANDIDATE_OUTLINE, SELECTION_OUTLINE],
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 3.5, ['boolean', ['feature-state', 'candidate'], false], 3.5, 0],
      },
    },
    { id: LAYERS.zonesOutlineKcn, type: 'line', source: SOURCES.zones, filter: kindIs('KCN'), paint: { 'line-color': KCN_OUTLINE, 'line-width': 2.5 } },
    {
      id: LAYERS.zonesOutlineCcn,
      type: 'line',
      source: SOURCES.zones,
      filter: kindIs('CCN'),
      paint: { 'line-color': CCN_OUTLINE, 'line-width': 2, 'line-dasharray': [3, 1.5] },
    },
    {
      id: LAYERS.zonesSelected,
      type: 'line',
      source: SOURCES.zones,
      // Shown only while a zone is selected or hovered (the controller turns it on): otherwise it
      // draws every zone's outline at width 0, which still costs frames when panning.
      layout: { visibility: 'none' },
      paint: {
        'line-color': SELECTION_OUTLINE,
        'line-width': ['case', ['boolean', ['feature-state', 'selected'], false], 4, ['boolean', ['feature-state', 'hover'], false], 2.5, 0],
      },
    },
    {
      id: LAYERS.clusters,
      type: 'circle',
      source: SOURCES.clusters,
      maxzoom: CLUSTER_MAX_ZOOM,
      // One source holds the clusters of every integer zoom; the filter picks the current one.
      filter: ['==', ['get', 'z'], ['floor', ['zoom']]],
      paint: {
        'circle-color': bubbleColor(mode),
        'circle-radius': ['interpolate', ['linear'], ['get', 'count'], 1, 10, 6, 18, 20, 26],
        'circle-stroke-color': ['case', ['==', ['get', 'kind'], 'CCN'], CCN_OUTLINE, KCN_OUTLINE],
        'circle-stroke-width': 2,
      },
    },
    clusterHatchLayer(),
    // Find land: rings around zones holding matching plots, above the bubbles.
    ...zoneMatchLayers(),
    clusterLabelLayer(mode, lang, noData),
    // The leaders' timeline: one dot per zone below the cluster zoom, shown only while it is on.
    timelinePointsLayer(mode),
    zoneNameLayer(lang),
  ];
}

/** The split line being drawn and its vertices, above everything else. */
function draftLayers(): LayerSpecification[] {
  return [
    {
      id: LAYERS.draftLine,
      type: 'line',
      source: SOURCES.draft,
      filter: ['==', ['geometry-type'], 'LineString'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': DRAFT_LINE, 'line-width': 2.5, 'line-dasharray': [2, 1] },
    },
    {
      id: LAYERS.draftVertices,
      type: 'circle',
      source: SOURCES.draft,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': DRAFT_LINE, 'circle-stroke-width': 2 },
    },
  ];
}

/**
 * A checked file before it is imported, at every zoom (plots included): plots in their status
 * colours, other polygons as a pale wash, all with a dashed outline; the feature of the issue
 * being looked at gets the selection outline (feature-state "focus").
 */
function importPreviewLayers(): LayerSpecification[] {
  const isPlot: ExpressionSpecification = ['has', 'landUse'];
  const polygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
  return [
    {
      id: LAYERS.importFill,
      type: 'fill',
      source: SOURCES.importPreview,
      filter: polygon,
      paint: { 'fill-color': ['case', isPlot, plotFillColor(), IMPORT_WASH], 'fill-opacity': ['case', isPlot, 0.9, 0.45] },
    },
    {
      id: LAYERS.importLine,
      type: 'line',
      source: SOURCES.importPreview,
      filter: ['!=', ['geometry-type'], 'Point'],
      paint: { 'line-color': IMPORT_OUTLINE, 'line-width': 1.5, 'line-dasharray': [2, 1] },
    },
    {
      id: LAYERS.importPoint,
      type: 'circle',
      source: SOURCES.importPreview,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 5, 'circle-color': IMPORT_WASH, 'circle-stroke-color': IMPORT_OUTLINE, 'circle-stroke-width': 2 },
    },
    {
      id: LAYERS.importFocus,
      type: 'line',
      source: SOURCES.importPreview,
      paint: { 'line-color': SELECTION_OUTLINE, 'line-width': ['case', ['boolean', ['feature-state', 'focus'], false], 4, 0] },
    },
  ];
}

export function buildStyle(opts: { base: string; mode: ColourMode; lang: Lang; noData: string }): StyleSpecification {
  return {
    version: 8,
    name: 'iz-atlas offline',
    'font-faces': fontFaces(opts.base),
    sources: {
      [SOURCES.context]: { type: 'geojson', data: empty() },
      [SOURCES.admin]: adminSource(opts.base),
      [SOURCES.zones]: { type: 'geojson', data: empty(), promoteId: 'id' },
      [SOURCES.zonePoints]: { type: 'geojson', data: empty(), promoteId: 'id' },
      [SOURCES.clusters]: { type: 'geojson', data: empty() },
      [SOURCES.plots]: { type: 'geojson', data: empty(), promoteId: 'id' },
      [SOURCES.draft]: { type: 'geojson', data: empty() },
      [SOURCES.importPreview]: { type: 'geojson', data: empty(), promoteId: 'id' },
      ...measureSources(),
    },
    layers: [...basemapLayers(opts.lang), ...zoneLayers(opts.mode, opts.lang, opts.noData), ...confidenceLayers(opts.mode, opts.lang), nationalLabelLayer(opts.lang), ...importPreviewLayers(), ...draftLayers(), ...measureLayers(), highlightLayer(), highlightLabelLayer(opts.lang)],
  };
}
