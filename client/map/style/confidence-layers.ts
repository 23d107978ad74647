/**
 * The map's confidence marks (geodata/confidence.ts), as style data. A figure that is not sourced
 * and recent never shows bare: "~60 %" when it rests on less than half its weight or on a
 * schematic layout, "95 % (2015)" when older than the threshold. Bubbles carry the marks in
 * their labels (zoneLabel in zone-labels.ts); above the bubbles' zoom a label under each zone's name gives its
 * figure with the mark, and where plots show, zones with a schematic layout say so. The legend
 * (client/components/Legend.tsx) and the picture's legend explain the marks.
 */
import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { translate, type Lang } from '../../i18n/strings.ts';
import type { ColourMode } from '../../lib/hash-state.ts';
import { CLUSTER_MAX_ZOOM, LABEL_FONT, PLOTS_MIN_ZOOM, SOURCES } from './ids.ts';
import { BASEMAP } from './symbology.ts';
// The mark that prefixes an approximate figure (a glyph every bundled font range holds), the panels' too.
import { APPROX_MARK } from '../../lib/confidence-text.ts';

export const CONFIDENCE_LAYERS = {
  /** A zone's figure with its mark, only where the figure carries a caveat. */
  zoneFigures: 'zone-confidence-figures',
  /** "schematic plot layout — not surveyed" on zones whose plots are drawn without a plan. */
  layoutSchematic: 'zone-layout-schematic',
  /** White dots along the outline of a zone coloured by a figure a source states (no real plot layout). */
  statedFigure: 'zone-stated-figure',
} as const;

/** The stated-figure mark, shared with the legend's swatch so the two cannot disagree. */
export const STATED_MARK = { color: '#ffffff', width: 2, dash: [0.6, 1.6] } as const;


/**
 * The figure's text with its marks: `approx` a boolean expression, `oldYear` a number expression
 * (the year of an old figure, 0 when undated, below 0 when not old).
 */
export function markedFigure(figure: ExpressionSpecification, approx: ExpressionSpecification, oldYear: ExpressionSpecification): ExpressionSpecification {
  return [
    'concat',
    ['case', approx, APPROX_MARK, ''],
    figure,
    ['case', ['>', oldYear, 0], ['concat', ' (', ['to-string', oldYear], ')'], ['==', oldYear, 0], ' (?)', ''],
  ];
}

/** The confidence class property of a zone in each colour mode (geodata/map-props.ts). */
const CLASS_OF = { occupancy: 'occupancyConfidence', progress: 'progressConfidence' } as const;
const YEAR_OF = { occupancy: 'occupancyYear', progress: 'progressYear' } as const;
const PCT_OF = { occupancy: 'occupancyPct', progress: 'progressPct' } as const;

/** Zones whose figure in this mode exists and carries a caveat. */
export const zoneCaveatFilter = (mode: ColourMode): ExpressionSpecification => [
  'all',
  ['==', ['typeof', ['get', PCT_OF[mode]]], 'number'],
  ['in', ['get', CLASS_OF[mode]], ['literal', ['partial', 'schematic', 'old']]],
];

/** A zone's figure with its mark, e.g. "~60 %" or "95,5 % (2015)". */
export function zoneFigureText(mode: ColourMode, lang: Lang): ExpressionSpecification {
  const cls: ExpressionSpecification = ['get', CLASS_OF[mode]];
  return markedFigure(
    ['concat', ['number-format', ['get', PCT_OF[mode]], { locale: lang, 'max-fraction-digits': 1 }], ' %'],
    ['in', cls, ['literal', ['partial', 'schematic']]],
    ['case', ['==', cls, 'old'], ['coalesce', ['get', YEAR_OF[mode]], 0], -1],
  );
}

const halo = { 'text-color': BASEMAP.text, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 } as const;

export const schematicLayoutText = (lang: Lang) => translate(lang, 'confMapSchematic');

export function confidenceLayers(mode: ColourMode, lang: Lang): LayerSpecification[] {
  return [
    {
      id: CONFIDENCE_LAYERS.zoneFigures,
      type: 'symbol',
      source: SOURCES.zonePoints,
      minzoom: CLUSTER_MAX_ZOOM,
      filter: zoneCaveatFilter(mode),
      // Under the zone's name (which sits at offset 2 em).
      layout: { 'text-font': [LABEL_FONT], 'text-size': 12, 'text-field': zoneFigureText(mode, lang), 'text-anchor': 'top', 'text-offset': [0, 3.3] },
      paint: halo,
    },
    {
      // The figure-source rule (geodata/metrics.ts figureSourceOf): a colour from a stated figure
      // is marked; one computed from plots is not. Occupancy only (progress has no such rule).
      id: CONFIDENCE_LAYERS.statedFigure,
      type: 'line',
      source: SOURCES.zones,
      minzoom: CLUSTER_MAX_ZOOM,
      filter: ['==', ['get', 'occupancyStated'], true],
      layout: { 'line-cap': 'round', visibility: mode === 'occupancy' ? 'visible' : 'none' },
      paint: { 'line-color': STATED_MARK.color, 'line-width': STATED_MARK.width, 'line-dasharray': [...STATED_MARK.dash] },
    },
    {
      id: CONFIDENCE_LAYERS.layoutSchematic,
      type: 'symbol',
      source: SOURCES.zonePoints,
      minzoom: PLOTS_MIN_ZOOM,
      filter: ['==', ['get', 'layoutSchematic'], true],
      layout: { 'text-font': [LABEL_FONT], 'text-size': 11, 'text-field': schematicLayoutText(lang), 'text-anchor': 'top', 'text-offset': [0, 4.5], 'text-max-width': 14 },
      paint: { ...halo, 'text-color': '#444444' },
    },
  ];
}
