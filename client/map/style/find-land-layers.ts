/**
 * The investor tools' part of the style, as data: outlines for plots that match a land search
 * (feature-state "match", "hover"), for plots with open enquiries (a property filter), and the
 * measuring tools' drawing. layers.ts splices these into the style; the controller and
 * map-tools.ts only set feature-state, visibility and the measure source's data.
 */
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { SOURCES } from './ids.ts';
import { ENQUIRY_OUTLINE, MATCH_CASING, MATCH_OUTLINE, MEASURE_FILL, MEASURE_LINE } from './symbology.ts';

export const FIND_SOURCES = {
  /** What the measuring tools draw: a line, a polygon or a circle, with its vertices. */
  measure: 'measure',
} as const;

export const FIND_LAYERS = {
  plotsMatchCasing: 'plots-match-casing',
  plotsMatch: 'plots-match',
  plotsEnquiry: 'plots-enquiry',
  zonesMatchCasing: 'zones-match-casing',
  zonesMatch: 'zones-match',
  measureFill: 'measure-fill',
  measureCasing: 'measure-casing',
  measureLine: 'measure-line',
  measureVertices: 'measure-vertices',
} as const;

/**
 * Matches show from the zoom where zone polygons replace the bubbles (11), well before the plots'
 * own fill (14.5): an investor sees where the answers are without zooming to each one.
 */
export const MATCH_MIN_ZOOM = 11;

const state = (key: string): ExpressionSpecification => ['boolean', ['feature-state', key], false];

/** Outlines on the plots source, drawn right above the plots' own selection outline. */
export function plotHighlightLayers(): LayerSpecification[] {
  return [
    {
      id: FIND_LAYERS.plotsEnquiry,
      type: 'line',
      source: SOURCES.plots,
      minzoom: MATCH_MIN_ZOOM,
      filter: ['>', ['coalesce', ['get', 'openEnquiries'], 0], 0],
      // Shown to planners only: the controller turns it on for a signed-in planner.
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': ENQUIRY_OUTLINE, 'line-width': 3.5, 'line-dasharray': [2, 1.2], 'line-offset': -2 },
    },
    {
      id: FIND_LAYERS.plotsMatchCasing,
      type: 'line',
      source: SOURCES.plots,
      minzoom: MATCH_MIN_ZOOM,
      // Hidden while nothing matches: a zero-width line over every plot still costs frames.
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': MATCH_CASING, 'line-width': ['case', state('hover'), 9, state('match'), 5, 0] },
    },
    {
      id: FIND_LAYERS.plotsMatch,
      type: 'line',
      source: SOURCES.plots,
      minzoom: MATCH_MIN_ZOOM,
      layout: { visibility: 'none', 'line-join': 'round' },
      paint: { 'line-color': MATCH_OUTLINE, 'line-width': ['case', state('hover'), 5, state('match'), 2.5, 0] },
    },
  ];
}

/** Feature-state key on the zone points: the zone holds plots that match the search. */
export const ZONE_MATCH_STATE = 'findMatch';
/** Zone rings show until the plots' own outlines are big enough to read. */
const ZONE_MATCH_MAX_ZOOM = 13;

/**
 * A ring around each zone that holds matching plots, above the cluster bubbles: at province zoom
 * the plots are too small to see, so the ring says where the answers are.
 */
export function zoneMatchLayers(): LayerSpecification[] {
  const width = (on: number): ExpressionSpecification => ['case', state(ZONE_MATCH_STATE), on, 0];
  return [
    {
      id: FIND_LAYERS.zonesMatchCasing,
      type: 'circle',
      source: SOURCES.zonePoints,
      maxzoom: ZONE_MATCH_MAX_ZOOM,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 15, 'circle-opacity': 0, 'circle-stroke-color': MATCH_CASING, 'circle-stroke-width': width(6) },
    },
    {
      id: FIND_LAYERS.zonesMatch,
      type: 'circle',
      source: SOURCES.zonePoints,
      maxzoom: ZONE_MATCH_MAX_ZOOM,
      layout: { visibility: 'none' },
      paint: { 'circle-radius': 15, 'circle-opacity': 0, 'circle-stroke-color': MATCH_OUTLINE, 'circle-stroke-width': width(3) },
    },
  ];
}

export function measureSources(): Record<string, SourceSpecification> {
  return { [FIND_SOURCES.measure]: { type: 'geojson', data: { type: 'FeatureCollection', features: [] } } };
}

/** The measuring tools' drawing, above everything else. */
export function measureLayers(): LayerSpecification[] {
  const src = FIND_SOURCES.measure;
  return [
    { id: FIND_LAYERS.measureFill, type: 'fill', source: src, filter: ['==', ['geometry-type'], 'Polygon'], paint: { 'fill-color': MEASURE_FILL, 'fill-opacity': 0.25 } },
    {
      id: FIND_LAYERS.measureCasing,
      type: 'line',
      source: src,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': '#ffffff', 'line-width': 5 },
    },
    {
      id: FIND_LAYERS.measureLine,
      type: 'line',
      source: src,
      filter: ['!=', ['geometry-type'], 'Point'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': MEASURE_LINE, 'line-width': 2.5, 'line-dasharray': [3, 1.5] },
    },
    {
      id: FIND_LAYERS.measureVertices,
      type: 'circle',
      source: src,
      filter: ['==', ['geometry-type'], 'Point'],
      paint: { 'circle-radius': 4, 'circle-color': '#ffffff', 'circle-stroke-color': MEASURE_LINE, 'circle-stroke-width': 2 },
    },
  ];
}
