/**
 * The bundle baseline: MapLibre and React (react-dom/client) and nothing else, drawing the zones
 * as the bare page does. The app's initial JS and first-load transfer are compared with this.
 */
import { Map as MapLibreMap, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { createElement, useEffect, useRef } from 'react';
import { createRoot } from 'react-dom/client';

declare global {
  interface Window {
    __bareMap?: MapLibreMap;
  }
}

setWorkerUrl(workerUrl);
const PROVINCE_BOUNDS: [number, number, number, number] = [105.433, 21.8, 106.25, 22.733];
const view = /map=([\d.]+)\/(-?[\d.]+)\/(-?[\d.]+)/.exec(window.location.hash);

function MapBox() {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const map = new MapLibreMap({
      container: el.current!,
      style: { version: 8, sources: {}, layers: [] },
      ...(view
        ? { zoom: Number(view[1]), center: [Number(view[3]), Number(view[2])] as [number, number] }
        : { bounds: PROVINCE_BOUNDS, fitBoundsOptions: { padding: 20 } }),
    });
    window.__bareMap = map;
    const zones = fetch('/api/zones', { headers: { Accept: 'application/json' } }).then((r) => r.json());
    map.on('load', async () => {
      map.addSource('zones', { type: 'geojson', data: await zones });
      map.addLayer({ id: 'zones-fill', type: 'fill', source: 'zones', paint: { 'fill-color': '#d95f02', 'fill-opacity': 0.7 } });
    });
    return () => map.remove();
  }, []);
  return createElement('div', { id: 'map', ref: el });
}

createRoot(document.getElementById('root')!).render(createElement(MapBox));
