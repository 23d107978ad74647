/**
 * The render baseline: the least a MapLibre page can do to show the zones (one source, one fill
 * layer, no React, no other requests). The app's navigation-to-render time is compared with this.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';

declare global {
  interface Window {
    __bareMap?: MapLibreMap;
  }
}

setWorkerUrl(workerUrl);

// Same initial view as the app (PROVINCE_BOUNDS in client/map/map-controller.ts), so both draw the same area.
const PROVINCE_BOUNDS: [number, number, number, number] = [105.433, 21.8, 106.25, 22.733];

// `#map=zoom/lat/lon`, as the app reads it, so both pages can be opened on the same view.
const view = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(window.location.hash);

const map = new MapLibreMap({
  container: 'map',
  style: { version: 8, sources: {}, layers: [] },
  ...(view
    ? { zoom: Number(view[1]), center: [Number(view[3]), Number(view[2])] as [number, number] }
    : { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: 20 } }),
});
window.__bareMap = map;

// Fetched in parallel with the style load, as the app does with its data.
const zones = fetch('/api/zones', { headers: { Accept: 'application/json' } }).then((r) => r.json());

map.on('load', async () => {
  map.addSource('zones', { type: 'geojson', data: await zones });
  map.addLayer({ id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': '#d95f02', 'fill-opacity': 0.7 } });
});
