/**
 * The map's attribution in the reader's language: the app's own note and the boundaries' publisher
 * and the General Statistics Office, whose data the administrative map draws. MapLibre's control
 * takes its custom text once, so a change of language puts up a new control (source attributions,
 * such as an online basemap's, are read by every control from the style).
 */
import { AttributionControl, type Map as MlMap } from 'maplibre-gl';
import { translate, type Lang } from '../i18n/strings.ts';

/** Narrower maps than this (CSS pixels) fold the attribution. */
const PHONE_WIDTH = 640;

export const attributionOf = (lang: Lang): string[] => [translate(lang, 'attributionApp'), translate(lang, 'attributionBoundaries')];

export class MapAttribution {
  #control: AttributionControl | null = null;
  #lang: Lang | null = null;

  constructor(private readonly map: MlMap) {}

  /** Puts up the credit in `lang`; true if the language changed. */
  show(lang: Lang): boolean {
    if (lang === this.#lang) return false;
    if (this.#control) this.map.removeControl(this.#control);
    this.#control = new AttributionControl({ compact: true, customAttribution: attributionOf(lang) });
    this.map.addControl(this.#control, 'bottom-right');
    // On a phone the full credit would cover the bottom of the map: it starts folded behind its
    // (i) button, as MapLibre folds it after the first move anyway.
    // The width the map gave its canvas when it last sized itself: reading the container's would lay
    // out the page again (~18 ms at the first view, adding the control having changed it).
    if (this.map.getCanvas().width / this.map.getPixelRatio() < PHONE_WIDTH) this.map.getContainer().querySelector('.maplibregl-ctrl-attrib')?.classList.remove('maplibregl-compact-show');
    this.#lang = lang;
    return true;
  }
}
