/**
 * What the map must redo when the app hands it a new list of zones (after every edit the app
 * reloads all of them): only the zones whose map properties or outline changed are sent to the
 * zones source (a GeoJSON diff, not the whole collection), and the supercluster index and the
 * bubbles of every zoom are rebuilt only when something they aggregate changed.
 * Pure: no map here, so it is unit-tested without a browser.
 */
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { mapZoneProps, toZonePoints, type MapZoneProps, type ZonePointProps } from './map-features.ts';
import { buildClusterIndex, clustersForAllZooms, type ClusterPointProps } from './zone-clusters.ts';

type ZoneFeature = Feature<Polygon | MultiPolygon, MapZoneProps> & { id: string };

/** A diff for GeoJSONSource.updateData (promoteId "id"). */
export type ZonesDiff = { add: ZoneFeature[]; update: { id: string; newGeometry: Polygon | MultiPolygon; addOrUpdateProperties: { key: string; value: unknown }[] }[]; remove: string[] };

export type ZoneSyncResult = {
  /** 'all' the first time; a diff afterwards; null when no zone changed on the map. */
  zones: FeatureCollection<Polygon | MultiPolygon, MapZoneProps> | ZonesDiff | null;
  /** The zone points (labels), or null when no zone changed. */
  points: FeatureCollection<Point, ZonePointProps> | null;
  /** New bubbles and index, or null when nothing they add up changed. */
  clusters: { bubbles: FeatureCollection<Point, ClusterPointProps>; index: ReturnType<typeof buildClusterIndex> } | null;
  /** Ids of the zones that changed, appeared or went. */
  changed: string[];
};

/** Sends the result to a GeoJSON source: the whole collection, or only the diff. */
export function applyZones(source: { setData(d: FeatureCollection): unknown; updateData(d: ZonesDiff): unknown }, zones: NonNullable<ZoneSyncResult['zones']>) {
  if ('type' in zones) source.setData(zones);
  else source.updateData(zones);
}

/** The fields the bubbles add up or name, and where the point is: the cluster index depends on nothing else. */
const clusterKey = (p: MapZoneProps, at: number[]) =>
  `${p.kind}|${p.status}|${p.nameVi}|${p.nameEn}|${p.leasedHa}|${p.leasableHa}|${p.progressPct}|${p.areaHa}|${p.occupancyPct}|${at.join(',')}`;

export class ZoneSync {
  private mapKeys = new Map<string, string>();
  private clusterKeys = new Map<string, string>();
  private first = true;
  private readonly maxZoom: number;

  constructor(maxZoom: number) {
    this.maxZoom = maxZoom;
  }

  update(zones: ZoneApiFeature[]): ZoneSyncResult {
    const points = toZonePoints(zones);
    const mapKeys = new Map<string, string>();
    const clusterKeys = new Map<string, string>();
    const features: ZoneFeature[] = [];
    zones.forEach((z, i) => {
      const props = mapZoneProps(z);
      mapKeys.set(z.id, `${z.properties.version}|${JSON.stringify(props)}|${JSON.stringify(z.geometry)}`);
      clusterKeys.set(z.id, clusterKey(props, points.features[i]!.geometry.coordinates));
      features.push({ type: 'Feature', id: z.id, geometry: z.geometry, properties: props });
    });

    const changed = features.filter((f) => this.mapKeys.get(f.id) !== mapKeys.get(f.id));
    const removed = [...this.mapKeys.keys()].filter((id) => !mapKeys.has(id));
    const clustersChanged =
      this.first || removed.length > 0 || clusterKeys.size !== this.clusterKeys.size || [...clusterKeys].some(([id, k]) => this.clusterKeys.get(id) !== k);

    let zonesOut: ZoneSyncResult['zones'] = null;
    if (this.first) zonesOut = { type: 'FeatureCollection', features };
    else if (changed.length || removed.length) {
      zonesOut = {
        add: changed.filter((f) => !this.mapKeys.has(f.id)),
        update: changed
          .filter((f) => this.mapKeys.has(f.id))
          .map((f) => ({ id: f.id, newGeometry: f.geometry, addOrUpdateProperties: Object.entries(f.properties).map(([key, value]) => ({ key, value })) })),
        remove: removed,
      };
    }
    let clusters: ZoneSyncResult['clusters'] = null;
    if (clustersChanged) {
      const index = buildClusterIndex(points.features, this.maxZoom);
      clusters = { bubbles: clustersForAllZooms(index, this.maxZoom), index };
    }
    this.first = false;
    this.mapKeys = mapKeys;
    this.clusterKeys = clusterKeys;
    return { zones: zonesOut, points: zonesOut ? points : null, clusters, changed: [...changed.map((f) => f.id), ...removed] };
  }
}
