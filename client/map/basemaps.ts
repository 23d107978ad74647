/**
 * Online basemaps, a part of the map controller: one raster source and layer at the very bottom of
 * the style, so the zones, the administrative boundaries and every other layer stay drawn above
 * it. Nothing is requested from outside until the user picks a service (the offline basemap is the
 * default), and a service that cannot be reached is dropped: the map goes back to the offline
 * basemap and says which service failed.
 */
import type { IControl, Map as MlMap, MapSourceDataEvent, RasterSourceSpecification } from 'maplibre-gl';
import type { BasemapService } from '../../geodata/basemaps.ts';

export const BASEMAP_SOURCE = 'basemap';
export const BASEMAP_LAYER = 'basemap-raster';

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);

/** The credit MapLibre's attribution control shows while the service is drawn (HTML, escaped here). */
export function attributionHtml(s: BasemapService): string {
  const href = s.attributionUrl ?? s.termsUrl;
  return `<a href="${escapeHtml(href)}" target="_blank" rel="noopener">${escapeHtml(s.attribution)}</a>`;
}

export function rasterSource(s: BasemapService): RasterSourceSpecification {
  return { type: 'raster', tiles: s.tiles, tileSize: s.tileSize, minzoom: s.minzoom, maxzoom: s.maxzoom, attribution: attributionHtml(s) };
}

/**
 * Shows one online service under everything else, or none. A service is taken as unreachable
 * when the map is idle and its tiles have failed since the last one that loaded: either a whole
 * round of loads brought errors and not one tile, or several failed in a row after the last good
 * one (a service that went away while a round was still loading). A single failed tile among
 * loaded ones is a provider's hiccup, not an outage. 404s are not errors here (MapLibre treats
 * them as empty tiles of a sparse set).
 */
/** Failed tiles in a row, after the last good one, that mean the service is gone. */
const ERRORS_IN_A_ROW_FOR_OUTAGE = 3;

export class Basemaps {
  readonly #map: MlMap;
  #shown: BasemapService | null = null;
  #onUnavailable: (id: string) => void = () => {};
  #errors = 0;
  #loads = 0;
  /** Errors since the last tile that loaded, across rounds. */
  #errorsInARow = 0;

  constructor(map: MlMap) {
    this.#map = map;
    map.on('error', (e) => {
      if (this.#shown && (e as { sourceId?: string }).sourceId === BASEMAP_SOURCE) {
        this.#errors++;
        this.#errorsInARow++;
      }
    });
    map.on('sourcedata', (e: MapSourceDataEvent) => {
      if (this.#shown && e.sourceId === BASEMAP_SOURCE && e.tile) {
        this.#loads++;
        this.#errorsInARow = 0;
      }
    });
    map.on('idle', () => this.#judge());
  }

  /** The service drawn now (null: the offline basemap). */
  get shown(): string | null {
    return this.#shown?.id ?? null;
  }

  /** The credit of the service drawn now, as text (a picture of the map must carry it too). */
  get credit(): string | null {
    return this.#shown?.attribution ?? null;
  }

  /**
   * Draws `service` under every other layer, or removes the online basemap (null). `onUnavailable`
   * hears the id of a service dropped because it could not be reached.
   */
  show(service: BasemapService | null, onUnavailable: (id: string) => void) {
    this.#onUnavailable = onUnavailable;
    if (this.#shown?.id === service?.id) return;
    this.#remove();
    this.#errors = 0;
    this.#loads = 0;
    this.#errorsInARow = 0;
    if (!service) return;
    this.#shown = service;
    this.#map.addSource(BASEMAP_SOURCE, rasterSource(service));
    // Before the first layer of the style: the bottom.
    const first = this.#map.getStyle().layers[0]?.id;
    this.#map.addLayer({ id: BASEMAP_LAYER, type: 'raster', source: BASEMAP_SOURCE }, first);
  }

  #remove() {
    if (this.#map.getLayer(BASEMAP_LAYER)) this.#map.removeLayer(BASEMAP_LAYER);
    if (this.#map.getSource(BASEMAP_SOURCE)) this.#map.removeSource(BASEMAP_SOURCE);
    this.#shown = null;
  }

  #judge() {
    const failed = this.#shown && ((this.#errors > 0 && this.#loads === 0) || this.#errorsInARow >= ERRORS_IN_A_ROW_FOR_OUTAGE);
    const id = this.#shown?.id;
    this.#errors = 0;
    this.#loads = 0;
    if (!failed || !id) return;
    this.#remove();
    this.#onUnavailable(id);
  }
}

/**
 * An empty box among the map's own controls (top right, under the zoom buttons), where the
 * basemap switch is drawn: MapLibre stacks its controls, so the switch never covers them or the
 * attribution.
 */
export class ControlSlot implements IControl {
  /** The box, once MapLibre has added the control. */
  element: HTMLDivElement | null = null;

  onAdd(): HTMLElement {
    this.element = document.createElement('div');
    this.element.className = 'maplibregl-ctrl basemap-slot';
    return this.element;
  }

  onRemove() {
    this.element?.remove();
    this.element = null;
  }
}
