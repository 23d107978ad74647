/**
 * Zone labels: the short names of the zones a bubble or a point stands for (client/map/zone-names.ts)
 * over a figure line, so every zone is named at the zoom where it is first drawn. Collisions are
 * settled by priority, not by chance: bigger bubbles and larger zones are placed first
 * (symbol-sort-key), and a label that does not fit in its first place tries the others around its
 * point (text-variable-anchor) before MapLibre gives up on it.
 */
import type { DataDrivenPropertyValueSpecification, ExpressionSpecification, LayerSpecification, VariableAnchorOffsetCollectionSpecification } from 'maplibre-gl';
import { translate, type Lang } from '../../i18n/strings.ts';
import type { ColourMode } from '../../lib/hash-state.ts';
import type { Quarter } from '../zone-clusters.ts';
import { markedFigure } from './confidence-layers.ts';
import { CLUSTER_MAX_ZOOM, HATCH_BUBBLE_IMAGE, LABEL_FONT, LAYERS, SOURCES } from './ids.ts';
import { BASEMAP } from './symbology.ts';

/** A zone's full name in the reader's language. */
export const nameField = (lang: Lang): ExpressionSpecification => ['get', lang === 'vi' ? 'nameVi' : 'nameEn'];

const langOf = (lang: Lang) => (lang === 'vi' ? 'Vi' : 'En');

/** A rate property written "42 %" in the reader's number format. */
const pctOf = (property: string, lang: Lang): ExpressionSpecification => ['concat', ['number-format', ['get', property], { locale: lang, 'max-fraction-digits': 0 }], ' %'];

/**
 * The figure of the mode ("42 %", marked "~42 %" or "42 % (2015)" by its confidence, as
 * confidence-layers.ts marks it), the status of planned or revoked zones, or the no-data text.
 */
function figure(mode: ColourMode, lang: Lang, noData: string): ExpressionSpecification {
  const property = mode === 'occupancy' ? 'occupancyPct' : 'progressPct';
  const marks = mode === 'occupancy' ? (['occupancyApprox', 'occupancyOldYear'] as const) : (['progressApprox', 'progressOldYear'] as const);
  return [
    'case',
    ['==', ['get', 'allPreLeasing'], true],
    ['get', `preLeasing${langOf(lang)}`],
    ['==', ['typeof', ['get', property]], 'number'],
    markedFigure(
      pctOf(property, lang),
      ['==', ['get', marks[0]], true],
      ['coalesce', ['get', marks[1]], -1],
    ),
    noData,
  ];
}

/**
 * "KCN Huyền Tụng" over "100 %" for one zone; the names of a bubble's zones over "5 khu/cụm · 74,5 %".
 * The names line is written in the reader's language; the figure line reads the colour mode.
 * Zoomed in past the bubbles, zones keep their full names (layers.ts) and confidence-layers.ts
 * writes the figures that carry a caveat.
 */
export function zoneLabel(mode: ColourMode, lang: Lang, noData: string): ExpressionSpecification {
  const fig = figure(mode, lang, noData);
  // How many of the bubble's zones are coloured by a stated figure (no real plot layout), in
  // occupancy mode; where the bubble has no figure of its own, the range of those stated figures.
  const stated = ['coalesce', ['get', 'statedCount'], 0] as ExpressionSpecification;
  const pct = (property: string) => pctOf(property, lang);
  const statedRange: ExpressionSpecification = [
    'case',
    ['all', ['>', ['get', 'count'], 1], ['!=', ['typeof', ['get', 'occupancyPct']], 'number'], ['==', ['typeof', ['get', 'statedMinPct']], 'number']],
    ['concat', ': ', ['case', ['==', ['get', 'statedMinPct'], ['get', 'statedMaxPct']], pct('statedMinPct'), ['concat', pct('statedMinPct'), '–', pct('statedMaxPct')]]],
    '',
  ];
  const statedPart: ExpressionSpecification | string =
    mode === 'occupancy'
      ? ['case', ['>', stated, 1], ['concat', ' · ', ['to-string', stated], ` ${translate(lang, 'bubbleStated')}`, statedRange], ['==', stated, 1], ['case', ['>', ['get', 'count'], 1], ['concat', ` · 1 ${translate(lang, 'bubbleStated')}`, statedRange], ` · ${translate(lang, 'bubbleStated')}`], '']
      : '';
  const figureLine: ExpressionSpecification = [
    'case',
    ['>', ['get', 'count'], 1],
    ['concat', ['to-string', ['get', 'count']], ` ${translate(lang, 'bubbleZones')} · `, fig, statedPart],
    ['concat', fig, statedPart],
  ];
  return ['format', ['get', `label${langOf(lang)}`], { 'font-scale': 1 }, '\n', {}, figureLine, { 'font-scale': 0.92 }];
}

const halo = { 'text-color': BASEMAP.text, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 } as const;
type Anchor = 'top' | 'bottom' | 'left' | 'right' | 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right';
/** Where a zone's name may go around its point, in order of preference: below first, as before. */
const ANCHORS: Anchor[] = ['top', 'bottom', 'left', 'right', 'top-left', 'top-right', 'bottom-left', 'bottom-right'];
const layout = (text: ExpressionSpecification) => ({
  'text-font': [LABEL_FONT],
  'text-size': 12,
  'text-field': text,
  'text-max-width': 16,
  'text-line-height': 1.15,
  'text-justify': 'auto' as const,
  'text-padding': 1,
});

/**
 * Where a bubble's name may go, by the quarter of the zones it lies in (zone-clusters.ts). Every
 * name used to try below first: in the crowded middle of a phone's first view the westernmost
 * zone's name found below, above and its east side taken, went to its west and ran off the screen.
 * So names go away from the middle (above in the north, below in the south), then the other way,
 * then to the side towards the middle, and only last outwards, where the map's edge may be.
 * MapLibre's anchors name the label's own point: 'bottom' puts the label above, 'left' to the east.
 */
const BUBBLE_ANCHORS: Record<Quarter, Anchor[]> = {
  nw: ['bottom', 'top', 'left', 'bottom-left', 'top-left', 'right', 'bottom-right', 'top-right'],
  ne: ['bottom', 'top', 'right', 'bottom-right', 'top-right', 'left', 'bottom-left', 'top-left'],
  sw: ['top', 'bottom', 'left', 'top-left', 'bottom-left', 'right', 'top-right', 'bottom-right'],
  se: ['top', 'bottom', 'right', 'top-right', 'bottom-right', 'left', 'top-left', 'bottom-left'],
};

/** Each anchor with its offset in ems: r from the point, as text-radial-offset would put it. */
function anchorOffsets(anchors: Anchor[], r: number): VariableAnchorOffsetCollectionSpecification {
  const d = r / Math.SQRT2;
  const offset: Record<Anchor, [number, number]> = {
    top: [0, r],
    bottom: [0, -r],
    left: [r, 0],
    right: [-r, 0],
    'top-left': [d, d],
    'top-right': [-d, d],
    'bottom-left': [d, -d],
    'bottom-right': [-d, -d],
  };
  return anchors.flatMap((a) => [a, offset[a]]) as VariableAnchorOffsetCollectionSpecification;
}

/** Clear of the bubble, whose radius grows with the count (layers.ts): 1.1 em for one zone, 1.75 for six, 2.4 for twenty. */
const BUBBLE_CLEARANCE: [count: number, ems: number][] = [
  [1, 1.1],
  [6, 1.75],
  [20, 2.4],
];

function bubbleAnchorOffsets(): DataDrivenPropertyValueSpecification<VariableAnchorOffsetCollectionSpecification> {
  const byCount = (anchors: Anchor[]) => ['interpolate', ['linear'], ['get', 'count'], ...BUBBLE_CLEARANCE.flatMap(([n, r]) => [n, ['literal', anchorOffsets(anchors, r)]])];
  const quarters = Object.keys(BUBBLE_ANCHORS) as Quarter[];
  return [
    'match',
    ['get', 'quarter'],
    ...quarters.flatMap((q) => [q, byCount(BUBBLE_ANCHORS[q])]),
    byCount(ANCHORS),
  ] as unknown as DataDrivenPropertyValueSpecification<VariableAnchorOffsetCollectionSpecification>;
}

/**
 * Zoomed in past the bubbles, each zone's full name by its outline. Neighbouring zones crowd in the
 * south (Thanh Bình I and II, Chợ Mới 3, Thanh Thịnh): a name that does not fit below its zone
 * moves around it, and the larger zones are placed first, so the small ones move rather than vanish.
 */
export function zoneNameLayer(lang: Lang): LayerSpecification {
  return {
    id: LAYERS.zoneLabels,
    type: 'symbol',
    source: SOURCES.zonePoints,
    minzoom: CLUSTER_MAX_ZOOM,
    layout: {
      ...layout(nameField(lang)),
      'text-variable-anchor': ANCHORS,
      // Below the zone as before (2 em), where confidence-layers.ts writes a caveat's figure under it.
      'text-radial-offset': 2,
      'symbol-sort-key': ['-', ['coalesce', ['get', 'areaHa'], 0]],
    },
    paint: halo,
  };
}

/** The labels of the bubbles below CLUSTER_MAX_ZOOM: every zone of every bubble named. */
export function clusterLabelLayer(mode: ColourMode, lang: Lang, noData: string): LayerSpecification {
  return {
    id: LAYERS.clusterLabels,
    type: 'symbol',
    source: SOURCES.clusters,
    maxzoom: CLUSTER_MAX_ZOOM,
    filter: ['==', ['get', 'z'], ['floor', ['zoom']]],
    layout: {
      ...layout(zoneLabel(mode, lang, noData)),
      'text-variable-anchor-offset': bubbleAnchorOffsets(),
      'symbol-sort-key': ['-', ['get', 'count']],
    },
    paint: halo,
  };
}

/**
 * Planned and revoked zones are hatched in the legend and as polygons; their bubbles are hatched
 * too (a circle layer cannot take a pattern, so a hatched disc is drawn over the pale bubble).
 */
export function clusterHatchLayer(): LayerSpecification {
  return {
    id: LAYERS.clustersHatch,
    type: 'symbol',
    source: SOURCES.clusters,
    maxzoom: CLUSTER_MAX_ZOOM,
    filter: ['all', ['==', ['get', 'z'], ['floor', ['zoom']]], ['==', ['get', 'allPreLeasing'], true]],
    layout: {
      'icon-image': HATCH_BUBBLE_IMAGE,
      // The image is 2 × 10 px across (pixelRatio 2), the radius of a bubble of one (layers.ts).
      'icon-size': ['interpolate', ['linear'], ['get', 'count'], 1, 1, 6, 1.8, 20, 2.6],
      'icon-allow-overlap': true,
      'icon-ignore-placement': true,
    },
  };
}
