/**
 * MapLibre's own words, in the reader's language: the map's name for screen readers, its zoom
 * buttons and the attribution's toggle (MapLibre's defaults are English). MapLibre reads them
 * when the map and each control are made, so a change of language relabels what is on screen.
 */
import type { Map as MlMap } from 'maplibre-gl';
import { translate, type Lang } from '../i18n/strings.ts';

/** The patch to MapLibre's table of interface words (its `locale` option). */
export const mapUiLocale = (lang: Lang) => ({
  'Map.Title': translate(lang, 'mapUiTitle'),
  'NavigationControl.ZoomIn': translate(lang, 'mapUiZoomIn'),
  'NavigationControl.ZoomOut': translate(lang, 'mapUiZoomOut'),
  'AttributionControl.ToggleAttribution': translate(lang, 'mapUiToggleAttribution'),
});

const LABELLED: [selector: string, key: keyof ReturnType<typeof mapUiLocale>][] = [
  ['.maplibregl-ctrl-zoom-in', 'NavigationControl.ZoomIn'],
  ['.maplibregl-ctrl-zoom-out', 'NavigationControl.ZoomOut'],
  ['.maplibregl-ctrl-attrib-button', 'AttributionControl.ToggleAttribution'],
];

/** Names the map and its controls in `lang`, as MapLibre names them (title and aria-label). */
export function relabelMapUi(map: MlMap, lang: Lang) {
  const words = mapUiLocale(lang);
  map.getCanvas().setAttribute('aria-label', words['Map.Title']);
  for (const [selector, key] of LABELLED) {
    for (const el of map.getContainer().querySelectorAll(selector)) {
      el.setAttribute('title', words[key]);
      el.setAttribute('aria-label', words[key]);
    }
  }
}
