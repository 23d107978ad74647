/**
 * The administrative map since 1 July 2025, from the boundary tiles (geodata/admin-tiles.ts):
 * the 34 provinces (land under everything, their names for national context and the
 * neighbours), Thái Nguyên province, former Bắc Kạn, and the communes and wards, with names at
 * the zooms where they help. No district anywhere: districts were abolished with the reform.
 * Hoàng Sa and Trường Sa are drawn (a dot per island, which a low zoom would otherwise lose) and
 * named as Vietnam's.
 */
import type { ExpressionSpecification, LayerSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { ADMIN_LAYERS, ADMIN_TILE_MAX_ZOOM, ADMIN_TILE_PATH, COMMUNES_MIN_ZOOM } from '../../../geodata/admin-tiles.ts';
import type { Lang } from '../../i18n/strings.ts';
import { LABEL_FONT, LAYERS, SOURCES } from './ids.ts';
import { ADMIN, BASEMAP } from './symbology.ts';

/** Commune names are written from this zoom: below it they crowd the zone labels. */
export const COMMUNE_LABELS_MIN_ZOOM = 10;
/** Province names give way to commune names above this zoom. */
export const PROVINCE_LABELS_MAX_ZOOM = 10;
/** Below this zoom the map is a national view: province names come before the zones' (nationalLabelLayer). */
export const NATIONAL_MAX_ZOOM = 7;

export const ADMIN_LAYER_IDS = {
  provincesFill: 'admin-provinces-fill',
  communesLine: 'admin-communes-line',
  provincesLine: 'admin-provinces-line',
  formerLine: 'admin-former-bac-kan-line',
  communeLabels: 'admin-commune-labels',
  provinceLabels: 'admin-province-labels',
  nationalLabels: 'admin-national-labels',
  islands: 'admin-islands',
  archipelagoLabels: 'admin-archipelago-labels',
} as const;

export function adminSource(base: string): VectorSourceSpecification {
  return { type: 'vector', tiles: [`${new URL(base).origin}${ADMIN_TILE_PATH}`], maxzoom: ADMIN_TILE_MAX_ZOOM };
}

const ofKind = (kind: string): ExpressionSpecification => ['==', ['get', 'kind'], kind];
export const labelName = (lang: Lang): ExpressionSpecification => ['get', lang === 'vi' ? 'nameVi' : 'nameEn'];
const admin = { source: SOURCES.admin } as const;

/** Under the context's water and roads: land, the province, the communes' and provinces' edges. */
export function adminAreaLayers(): LayerSpecification[] {
  return [
    { id: ADMIN_LAYER_IDS.provincesFill, type: 'fill', ...admin, 'source-layer': ADMIN_LAYERS.provinces, paint: { 'fill-color': ADMIN.land } },
    { id: LAYERS.provinceFill, type: 'fill', ...admin, 'source-layer': ADMIN_LAYERS.province, paint: { 'fill-color': BASEMAP.province } },
    {
      id: ADMIN_LAYER_IDS.communesLine,
      type: 'line',
      ...admin,
      'source-layer': ADMIN_LAYERS.communes,
      minzoom: COMMUNES_MIN_ZOOM,
      paint: { 'line-color': ADMIN.commune, 'line-width': ['interpolate', ['linear'], ['zoom'], 8, 0.5, 12, 1.2] },
    },
  ];
}

/** Above the water, under the roads: the provinces' edges, former Bắc Kạn, and the province's outline. */
export function adminLineLayers(): LayerSpecification[] {
  return [
    { id: ADMIN_LAYER_IDS.provincesLine, type: 'line', ...admin, 'source-layer': ADMIN_LAYERS.provinces, paint: { 'line-color': ADMIN.provinceEdge, 'line-width': ['interpolate', ['linear'], ['zoom'], 4, 0.5, 10, 1.5] } },
    {
      id: ADMIN_LAYER_IDS.formerLine,
      type: 'line',
      ...admin,
      'source-layer': ADMIN_LAYERS.former,
      layout: { 'line-join': 'round' },
      paint: { 'line-color': ADMIN.former, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1, 10, 2.5], 'line-dasharray': [3, 1.5] },
    },
    { id: LAYERS.provinceOutline, type: 'line', ...admin, 'source-layer': ADMIN_LAYERS.province, layout: { 'line-join': 'round' }, paint: { 'line-color': ADMIN.province, 'line-width': ['interpolate', ['linear'], ['zoom'], 6, 1.2, 10, 2.5] } },
  ];
}

const halo = (color: string) => ({ 'text-color': color, 'text-halo-color': BASEMAP.halo, 'text-halo-width': 1.5 });

/** Place names, under the zones' labels (which win collisions: the zone layers come later). */
export function adminLabelLayers(lang: Lang): LayerSpecification[] {
  return [
    {
      id: ADMIN_LAYER_IDS.communeLabels,
      type: 'symbol',
      ...admin,
      'source-layer': ADMIN_LAYERS.communeLabels,
      minzoom: COMMUNE_LABELS_MIN_ZOOM,
      layout: { 'text-font': [LABEL_FONT], 'text-size': ['interpolate', ['linear'], ['zoom'], 10, 10.5, 13, 12.5], 'text-field': labelName(lang), 'text-max-width': 8, 'symbol-sort-key': ['-', ['get', 'rank']], 'text-padding': 3 },
      paint: halo(ADMIN.communeText),
    },
    provinceLabelLayer(ADMIN_LAYER_IDS.provinceLabels, lang, NATIONAL_MAX_ZOOM, PROVINCE_LABELS_MAX_ZOOM),
    { id: ADMIN_LAYER_IDS.islands, type: 'circle', ...admin, 'source-layer': ADMIN_LAYERS.provinceLabels, filter: ofKind('island'), paint: { 'circle-radius': ['interpolate', ['linear'], ['zoom'], 4, 1.2, 10, 2.5], 'circle-color': ADMIN.province } },
    {
      id: ADMIN_LAYER_IDS.archipelagoLabels,
      type: 'symbol',
      ...admin,
      'source-layer': ADMIN_LAYERS.provinceLabels,
      filter: ofKind('archipelago'),
      layout: {
        'text-font': [LABEL_FONT],
        'text-size': ['interpolate', ['linear'], ['zoom'], 4, 10.5, 8, 13],
        'text-field': labelName(lang),
        'text-max-width': 9,
        // Vietnam's sovereignty is never the label that gives way.
        'text-allow-overlap': true,
        'text-ignore-placement': true,
      },
      paint: halo(ADMIN.sea),
    },
  ];
}

function provinceLabelLayer(id: string, lang: Lang, minzoom: number, maxzoom: number): LayerSpecification {
  return {
    id,
    type: 'symbol',
    ...admin,
    'source-layer': ADMIN_LAYERS.provinceLabels,
    filter: ofKind('province'),
    minzoom,
    maxzoom,
    layout: {
      'text-font': [LABEL_FONT],
      'text-size': ['interpolate', ['linear'], ['zoom'], 4, 9, 6, 10.5, 8, 13],
      'text-field': labelName(lang),
      'text-max-width': 6,
      // Small provinces packed in the deltas find room beside their point rather than give way.
      'text-variable-anchor': ['center', 'top', 'bottom', 'left', 'right'],
      'text-radial-offset': 0.4,
      'symbol-sort-key': ['-', ['get', 'rank']],
      'text-padding': 0,
    },
    // Darker than the communes' names, and never shown with them (PROVINCE_LABELS_MAX_ZOOM).
    paint: halo(ADMIN.provinceText),
  };
}

/**
 * The 34 provinces named in a national view, drawn above the zones' layers so that, there, a
 * province's name is placed before a bubble's (which then tries its other anchors); from
 * NATIONAL_MAX_ZOOM on, the zones' names come first.
 */
export const nationalLabelLayer = (lang: Lang) => provinceLabelLayer(ADMIN_LAYER_IDS.nationalLabels, lang, 0, NATIONAL_MAX_ZOOM);
