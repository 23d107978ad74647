/**
 * What the pointer and the keyboard do on the map, a part of the map controller: a click selects a
 * plot, a zone or a bubble, adds a vertex to the split line being drawn, or picks a plot to merge;
 * hovering marks the zone under the pointer. While a measuring tool is active, its own clicks win.
 * From the keyboard: the arrow keys move the focused map under a crosshair at its centre, Space
 * adds a vertex there, Backspace or Delete takes the last one back, Enter ends the line, Escape cancels.
 */
import type { LineString } from 'geojson';
import type { Map as MlMap, MapMouseEvent } from 'maplibre-gl';
import type { View } from '../lib/hash-state.ts';
import { draftFeatures, dropRepeatedVertices } from './map-features.ts';
import { LAYERS, ZONE_HIT_LAYERS } from './style/ids.ts';
import type { buildClusterIndex } from './zone-clusters.ts';

export type MapHandlers = {
  onZoneClick(id: string): void;
  onPlotClick(id: string): void;
  onViewChange(view: View): void;
  /** The split line, once the user finishes it (double-click or Enter). */
  onLineDrawn(line: LineString): void;
  /** A plot clicked while picking one (the second plot of a merge). */
  onPlotPicked(id: string): void;
  /** Escape while drawing or picking. */
  onToolCancel(): void;
};

/** What a click on the map does: select (normal), add a vertex to the split line, or pick a plot. */
export type MapTool = 'none' | 'draw-line' | 'pick-plot';

type Host = {
  handlers: { current: MapHandlers };
  /** A measuring tool is active: its clicks are not selections. */
  measuring(): boolean;
  clusterIndex(): ReturnType<typeof buildClusterIndex> | null;
  /** The zone under the pointer changed. */
  onHoverZone(id: string | null): void;
  setDraft(features: GeoJSON.FeatureCollection): void;
};

export class MapInput {
  private tool: MapTool = 'none';
  /** Vertices of the split line being drawn, in lon/lat. */
  private vertices: [number, number][] = [];
  private readonly onKey = (e: KeyboardEvent) => this.onKeyDown(e);

  constructor(
    private readonly map: MlMap,
    private readonly host: Host,
  ) {
    map.on('moveend', () => {
      const c = map.getCenter();
      host.handlers.current.onViewChange({ zoom: map.getZoom(), lat: c.lat, lon: c.lng });
    });
    map.on('click', (e) => this.onClick(e));
    map.on('dblclick', (e) => {
      if (this.tool !== 'draw-line') return;
      e.preventDefault();
      this.finishLine();
    });
    map.on('mousemove', (e) => this.onHover(e));
    window.addEventListener('keydown', this.onKey);
  }

  get drawing() {
    return this.tool === 'draw-line';
  }

  /**
   * Switches what a click does. Drawing turns off double-click zoom (double-click ends the line)
   * and starts from an empty line; leaving a tool clears the unfinished line.
   */
  setTool(tool: MapTool): boolean {
    if (tool === this.tool) return false;
    this.tool = tool;
    this.vertices = [];
    if (tool === 'draw-line') this.map.doubleClickZoom.disable();
    else this.map.doubleClickZoom.enable();
    this.map.getCanvas().style.cursor = tool === 'none' ? '' : 'crosshair';
    return true;
  }

  /** Adds a vertex where the map's centre is (under the crosshair): drawing from the keyboard. */
  addVertexAtCentre() {
    if (this.tool !== 'draw-line') return;
    this.addVertex(this.map.getCenter().toArray() as [number, number]);
  }

  private addVertex(v: [number, number]) {
    this.vertices.push(v);
    this.host.setDraft(draftFeatures(this.vertices));
  }

  /** Ends the line being drawn; fewer than two distinct points is not a line yet. */
  finishLine() {
    if (this.tool !== 'draw-line') return;
    const points = dropRepeatedVertices(this.vertices.map((v) => ({ v, ...this.map.project(v) })));
    if (points.length < 2) return;
    const line: LineString = { type: 'LineString', coordinates: points.map((p) => p.v) };
    this.host.handlers.current.onLineDrawn(line);
  }

  private onKeyDown(e: KeyboardEvent) {
    if (this.tool === 'none') return;
    // Keys typed into the panel's fields (a reason, say) are not map commands.
    const target = e.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    // Enter on a button presses that button ("add point", "cancel"), it does not also end the line.
    const onButton = !!target && ['BUTTON', 'A'].includes(target.tagName);
    if (e.key === 'Escape') this.host.handlers.current.onToolCancel();
    else if (e.key === 'Enter' && this.tool === 'draw-line' && !onButton) this.finishLine();
    else if (e.key === ' ' && this.tool === 'draw-line' && target === this.map.getCanvas()) {
      // Space on the focused map adds a vertex at the crosshair (the arrow keys move the map under it).
      e.preventDefault();
      this.addVertexAtCentre();
    } else if ((e.key === 'Backspace' || e.key === 'Delete') && this.tool === 'draw-line' && this.vertices.length) {
      // Takes back the last vertex, as measuring does.
      e.preventDefault();
      this.vertices.pop();
      this.host.setDraft(draftFeatures(this.vertices));
    }
  }

  private onClick(e: MapMouseEvent) {
    const handlers = this.host.handlers.current;
    if (this.host.measuring()) return;
    if (this.tool === 'draw-line') {
      this.addVertex(e.lngLat.toArray() as [number, number]);
      return;
    }
    const [plot] = this.map.queryRenderedFeatures(e.point, { layers: [LAYERS.plotsFill] });
    if (this.tool === 'pick-plot') {
      if (plot) handlers.onPlotPicked(String(plot.properties.id));
      return;
    }
    if (plot) {
      handlers.onPlotClick(String(plot.properties.id));
      return;
    }
    const [cluster] = this.map.queryRenderedFeatures(e.point, { layers: [LAYERS.clusters] });
    if (cluster) {
      const { clusterId, zoneId } = cluster.properties as { clusterId: number | null; zoneId: string | null };
      const index = this.host.clusterIndex();
      if (zoneId) {
        handlers.onZoneClick(zoneId);
      } else if (clusterId !== null && index) {
        const zoom = index.getClusterExpansionZoom(clusterId);
        this.map.easeTo({ center: (cluster.geometry as GeoJSON.Point).coordinates as [number, number], zoom: zoom + 0.5 });
      }
      return;
    }
    const [zone] = this.map.queryRenderedFeatures(e.point, { layers: ZONE_HIT_LAYERS });
    if (zone) handlers.onZoneClick(String(zone.properties.id));
  }

  private onHover(e: MapMouseEvent) {
    if (this.tool !== 'none' || this.host.measuring()) return;
    const [hit] = this.map.queryRenderedFeatures(e.point, { layers: [LAYERS.plotsFill, ...ZONE_HIT_LAYERS, LAYERS.clusters] });
    const id = hit && ZONE_HIT_LAYERS.includes(hit.layer.id as (typeof ZONE_HIT_LAYERS)[number]) ? String(hit.properties.id) : null;
    this.map.getCanvas().style.cursor = hit ? 'pointer' : '';
    this.host.onHoverZone(id);
  }

  destroy() {
    window.removeEventListener('keydown', this.onKey);
  }
}

/** Handlers for a map nobody clicks (off-screen pictures, the "before" map): every callback does nothing. */
export const INERT_HANDLERS: { current: MapHandlers } = { current: new Proxy({}, { get: () => () => undefined }) as MapHandlers };
