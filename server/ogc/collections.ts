/**
 * The five OGC API – Features collections and how each feature is flattened for GIS clients.
 *
 * GDAL/OGR (and so QGIS and ArcGIS through it) reads flat attributes, so nested properties become
 * snake_case columns: name.vi → name_vi, land.occupancyPct → occupancy_pct, addressOld.commune →
 * address_old_commune. Every feature of a collection has every column (null where unknown), so a
 * client that infers the schema from the first page sees them all. The figures are those of the
 * app: zones and plots come from the same repositories as /api, with occupancy and progress
 * computed the same way.
 */
import { bbox as turfBbox } from '@turf/bbox';
import { centroid } from '@turf/centroid';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { ContextProperties, Source } from '../../geodata/schema.ts';
import {
  CONTEXT_ACCURACIES,
  CONTEXT_KINDS,
  INFRA_ITEMS,
  INFRA_LABELS,
  INFRA_WEIGHTS,
  ZONE_KINDS,
  ZONE_STATUSES,
  type InfraItem,
  type PlotStatus,
} from '../../geodata/vocabulary.ts';
import { pct, PLOT_COLUMNS, ZONE_COLUMNS, type Column, type FieldMeta, type Scalar } from '../../geodata/flat.ts';
import type { Queryable } from '../db/database.ts';
import { findPlots, getPlot } from '../domain/plots-repo.ts';
import { getZone, listZones } from '../domain/zones-repo.ts';
import { sourceForUsers } from '../../geodata/user-facing.ts';

export type { FieldMeta, Scalar } from '../../geodata/flat.ts';
export type OgcFeature = { type: 'Feature'; id: string; geometry: Geometry; properties: Record<string, Scalar> };
export type BBox = [number, number, number, number];

type Field<T> = Column<T>;

export type CollectionMeta = {
  id: string;
  title: string;
  description: string;
  /** GeoJSON geometry types found in the collection. */
  geometryTypes: string[];
  fields: FieldMeta[];
  /** Other names accepted for a filter parameter (e.g. zoneId for zone_id). */
  aliases: Record<string, string>;
};

/** What /items asks for, so a collection can narrow the rows in SQL before they are flattened. */
export type Narrowing = { bbox: BBox | null; equals: Record<string, string[]> };

export type Collection = CollectionMeta & {
  all(db: Queryable): Promise<OgcFeature[]>;
  /** A superset of the features matching the narrowing (the caller still filters exactly). */
  candidates(db: Queryable, n: Narrowing): Promise<OgcFeature[]>;
  one(db: Queryable, id: string): Promise<OgcFeature | null>;
  /** Bounding box of the whole collection; null when empty. */
  extent(db: Queryable): Promise<BBox | null>;
};

function define<T>(def: Omit<CollectionMeta, 'fields' | 'aliases'> & {
  aliases?: Record<string, string>;
  fields: Field<T>[];
  load(db: Queryable): Promise<T[]>;
  /** Optional: fewer rows for a narrowing, in SQL (large collections). */
  loadNarrowed?(db: Queryable, n: Narrowing): Promise<T[]>;
  loadOne(db: Queryable, id: string): Promise<T | null>;
  /** Optional: the extent in SQL instead of from every geometry. */
  loadExtent?(db: Queryable): Promise<BBox | null>;
  idOf(x: T): string;
  geometryOf(x: T): Geometry;
}): Collection {
  const toFeature = (x: T): OgcFeature => ({
    type: 'Feature',
    id: def.idOf(x),
    geometry: def.geometryOf(x),
    properties: Object.fromEntries(def.fields.map((f) => [f.name, f.get(x) ?? null])),
  });
  return {
    id: def.id,
    title: def.title,
    description: def.description,
    geometryTypes: def.geometryTypes,
    aliases: def.aliases ?? {},
    fields: def.fields.map(({ get: _get, ...meta }) => meta),
    all: async (db) => (await def.load(db)).map(toFeature),
    candidates: async (db, n) => (await (def.loadNarrowed ?? def.load)(db, n)).map(toFeature),
    extent: async (db) => (def.loadExtent ? def.loadExtent(db) : extentOf((await def.load(db)).map(toFeature))),
    one: async (db, id) => {
      const x = await def.loadOne(db, id);
      return x ? toFeature(x) : null;
    },
  };
}


// ---- zones ----------------------------------------------------------------------------------


export const zonesCollection = define<ZoneApiFeature>({
  id: 'zones',
  title: 'Industrial parks and clusters',
  description:
    'KCN and CCN of former Bắc Kạn province (Thái Nguyên since 1 July 2025) with occupancy computed from plots and weighted infrastructure progress. All boundaries are approximate.',
  geometryTypes: ['Polygon', 'MultiPolygon'],
  fields: ZONE_COLUMNS,
  load: (db) => listZones(db),
  loadOne: (db, id) => getZone(db, id),
  idOf: (z) => z.id,
  geometryOf: (z) => z.geometry,
});

// ---- plots ----------------------------------------------------------------------------------


export const plotsCollection = define<PlotApiFeature>({
  id: 'plots',
  title: 'Plots',
  description: 'Plots of the zone layouts with land use, lease status and tenant. Layouts are schematic: they reproduce the sourced proportions, not the 1/500 plans.',
  geometryTypes: ['Polygon'],
  aliases: { zoneId: 'zone_id' },
  fields: PLOT_COLUMNS,
  load: (db) => findPlots(db, {}),
  // The plot table can be large: zone, status and a bbox that does not cross the antimeridian go
  // to the repository's SQL; everything else is filtered after.
  loadNarrowed: (db, n) => {
    const zone = n.equals.zone_id;
    const status = n.equals.status as PlotStatus[] | undefined;
    return findPlots(db, {
      ...(zone?.length === 1 ? { zoneId: zone[0]! } : {}),
      ...(status?.length ? { statuses: status } : {}),
      ...(n.bbox && n.bbox[0] <= n.bbox[2] ? { bbox: n.bbox } : {}),
    });
  },
  loadOne: (db, id) => getPlot(db, id),
  loadExtent: async (db) => {
    const [r] = await db.query<{ w: number | null; s: number; e: number; n: number }>(
      'SELECT min(min_lon) AS w, min(min_lat) AS s, max(max_lon) AS e, max(max_lat) AS n FROM plots',
    );
    return r && r.w !== null ? roundOut([r.w, r.s, r.e, r.n]) : null;
  },
  idOf: (p) => p.id,
  geometryOf: (p) => p.geometry,
});

// ---- infrastructure -------------------------------------------------------------------------

type InfraRow = { zone: ZoneApiFeature; item: InfraItem; point: Geometry; source: Source | null };

/** Feature ids are "ZONE.ITEM", e.g. ccn-huyen-tung.levelling. */
export const infraId = (zoneId: string, item: string) => `${zoneId}.${item}`;

const entryOf = (r: InfraRow) => r.zone.properties.infrastructure.find((i) => i.item === r.item) ?? null;

const infraFields: Field<InfraRow>[] = [
  { name: 'zone_id', type: 'string', filter: true, list: true, description: 'The zone (id in the zones collection)', get: (r) => r.zone.id },
  { name: 'zone_name_vi', type: 'string', list: true, description: 'Zone name in Vietnamese', get: (r) => r.zone.properties.name.vi },
  { name: 'zone_name_en', type: 'string', description: 'Zone name in English', get: (r) => r.zone.properties.name.en },
  { name: 'zone_kind', type: 'string', enum: ZONE_KINDS, filter: true, description: 'KCN or CCN', get: (r) => r.zone.properties.kind },
  { name: 'zone_status', type: 'string', enum: ZONE_STATUSES, filter: true, description: 'Status of the zone', get: (r) => r.zone.properties.status },
  { name: 'item', type: 'string', enum: INFRA_ITEMS, filter: true, list: true, description: 'Infrastructure item', get: (r) => r.item },
  { name: 'item_vi', type: 'string', description: 'Item label in Vietnamese', get: (r) => INFRA_LABELS[r.item].vi },
  { name: 'item_en', type: 'string', description: 'Item label in English', get: (r) => INFRA_LABELS[r.item].en },
  { name: 'weight_pct', type: 'number', description: "The item's weight in the zone's progress_pct (%)", get: (r) => pct(INFRA_WEIGHTS[r.item]) },
  { name: 'progress_pct', type: 'number', list: true, description: 'Progress of the item (%); null when no source gives one', get: (r) => entryOf(r)?.progressPct ?? null },
  { name: 'as_of', type: 'string', list: true, description: 'Date the progress describes', get: (r) => entryOf(r)?.asOf ?? null },
  { name: 'source_id', type: 'string', description: 'Source of the figure (see /api/sources)', get: (r) => entryOf(r)?.sourceId ?? null },
  { name: 'source_title', type: 'string', list: true, description: 'Title of the source', get: (r) => r.source?.title ?? null },
  { name: 'source_url', type: 'string', description: 'Address of the source', get: (r) => r.source?.url ?? null },
  { name: 'note', type: 'string', description: 'What the source says, or how the figure was derived', get: (r) => entryOf(r)?.note ?? null },
];

async function sourcesById(db: Queryable): Promise<Map<string, Source>> {
  const rows = await db.query<{ data: Source }>('SELECT data FROM sources');
  return new Map(rows.map((r) => [r.data.id, sourceForUsers(r.data)]));
}

const zonePoint = (z: ZoneApiFeature): Geometry => {
  const [lon, lat] = centroid(z).geometry.coordinates as [number, number];
  return { type: 'Point', coordinates: [Math.round(lon * 1e7) / 1e7, Math.round(lat * 1e7) / 1e7] };
};

const infraRows = (zone: ZoneApiFeature, sources: Map<string, Source>): InfraRow[] => {
  const point = zonePoint(zone);
  return INFRA_ITEMS.map((item) => {
    const sourceId = zone.properties.infrastructure.find((i) => i.item === item)?.sourceId;
    return { zone, item, point, source: (sourceId && sources.get(sourceId)) || null };
  });
};

export const infrastructureCollection = define<InfraRow>({
  id: 'infrastructure',
  title: 'Infrastructure progress',
  description:
    "One feature per zone and infrastructure item (site clearance, levelling, internal roads, water supply, drainage, wastewater treatment, power), every item of the vocabulary for every zone, with its progress, date and source; null where no source gives a figure. The geometry is the zone's centroid (a point), so the items can be drawn as symbols over the zones.",
  geometryTypes: ['Point'],
  aliases: { zoneId: 'zone_id' },
  fields: infraFields,
  load: async (db) => {
    const [zones, sources] = await Promise.all([listZones(db), sourcesById(db)]);
    return zones.flatMap((z) => infraRows(z, sources));
  },
  loadOne: async (db, id) => {
    const dot = id.lastIndexOf('.');
    if (dot < 0) return null;
    const item = id.slice(dot + 1) as InfraItem;
    if (!INFRA_ITEMS.includes(item)) return null;
    const zone = await getZone(db, id.slice(0, dot));
    if (!zone) return null;
    return infraRows(zone, await sourcesById(db)).find((r) => r.item === item) ?? null;
  },
  idOf: (r) => infraId(r.zone.id, r.item),
  geometryOf: (r) => r.point,
});

// ---- context --------------------------------------------------------------------------------

type ContextRow = { id: string; props: ContextProperties; geometry: Geometry };

const contextFields: Field<ContextRow>[] = [
  { name: 'kind', type: 'string', enum: CONTEXT_KINDS, filter: true, list: true, description: 'province, district_seat, road, lake or river', get: (r) => r.props.kind },
  { name: 'name_vi', type: 'string', list: true, description: 'Name in Vietnamese', get: (r) => r.props.name.vi },
  { name: 'name_en', type: 'string', description: 'Name in English', get: (r) => r.props.name.en },
  { name: 'ref', type: 'string', filter: true, list: true, description: 'Road number, e.g. QL3', get: (r) => r.props.ref },
  { name: 'accuracy', type: 'string', enum: CONTEXT_ACCURACIES, description: 'approximate, surveyed, or schematic (drawn only through the places a source names: the roads, river and lake)', get: (r) => r.props.accuracy },
  { name: 'source_id', type: 'string', description: 'Source of the geometry', get: (r) => r.props.sourceId },
];

export const contextCollection = define<ContextRow>({
  id: 'context',
  title: 'Basemap context',
  description: 'The layers drawn under the zones: former Bắc Kạn province outline, district seats, national roads QL3, QL3B and QL279, the Cầu river and Ba Bể lake.',
  geometryTypes: ['Polygon', 'LineString', 'Point'],
  fields: contextFields,
  load: (db) => db.query<ContextRow>('SELECT id, props, geometry FROM context ORDER BY id'),
  loadOne: async (db, id) => (await db.query<ContextRow>('SELECT id, props, geometry FROM context WHERE id = $1', [id]))[0] ?? null,
  idOf: (r) => r.id,
  geometryOf: (r) => r.geometry,
});

// ---- communes -------------------------------------------------------------------------------

type CommuneRow = Feature<Polygon | MultiPolygon, {
  code: string; name: string; nameEn: string; fullName: string; fullNameEn: string; type: string; areaKm2: number; formedFrom: string; formerProvince: string;
}>;

/**
 * The browser's file (simplified 20 m with shared edges, geodata/admin/), not the 2 m file the
 * communes are derived from: a GIS user then sees the boundaries the atlas draws, a page of 100
 * communes stays a few hundred kilobytes, and at any scale where a commune is a useful layer 20 m
 * is below a pixel or two. Read once: the file changes only with a new release.
 */
const COMMUNES_FILE = join(import.meta.dirname, '../../geodata/admin/communes.geojson');
let communes: CommuneRow[] | null = null;
const loadCommunes = (): CommuneRow[] => (communes ??= (JSON.parse(readFileSync(COMMUNES_FILE, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, CommuneRow['properties']>).features as CommuneRow[]);

const communeFields: Field<CommuneRow>[] = [
  { name: 'code', type: 'string', filter: true, list: true, description: "General Statistics Office code of the commune or ward (the feature's id); zones and plots name it in commune_code", get: (c) => c.properties.code },
  { name: 'name', type: 'string', list: true, description: 'Name, e.g. Chợ Mới', get: (c) => c.properties.name },
  { name: 'name_en', type: 'string', description: 'Name without diacritics', get: (c) => c.properties.nameEn },
  { name: 'full_name', type: 'string', list: true, description: 'Name with its type, e.g. Xã Chợ Mới', get: (c) => c.properties.fullName },
  { name: 'full_name_en', type: 'string', description: 'Name with its type in English, e.g. Cho Moi Commune', get: (c) => c.properties.fullNameEn },
  { name: 'type', type: 'string', enum: ['xã', 'phường'], filter: true, description: 'xã (commune) or phường (ward)', get: (c) => c.properties.type },
  { name: 'former_province', type: 'string', filter: true, list: true, description: 'Province the commune was part of before 1 July 2025 (Bắc Kạn or Thái Nguyên)', get: (c) => c.properties.formerProvince },
  { name: 'formed_from', type: 'string', description: "The units that formed it on 1 July 2025, as the publisher lists them (\"phần còn lại\": the rest of a unit split between several; \"giữ nguyên\": unchanged)", get: (c) => c.properties.formedFrom },
  { name: 'area_km2', type: 'number', list: true, description: 'Area (km²) as published', get: (c) => c.properties.areaKm2 },
];

export const communesCollection = define<CommuneRow>({
  id: 'communes',
  title: 'Communes and wards since 1 July 2025',
  description:
    'The 92 communes (xã) and wards (phường) of Thái Nguyên province after the reorganisation of 1 July 2025, which took in all of former Bắc Kạn: real boundaries from the state map publisher, simplified to 20 m, with the units each was formed from. Sources: the publisher and the General Statistics Office (codes).',
  geometryTypes: ['Polygon', 'MultiPolygon'],
  fields: communeFields,
  load: async () => loadCommunes(),
  loadOne: async (_db, id) => loadCommunes().find((c) => c.properties.code === id) ?? null,
  idOf: (c) => c.properties.code,
  geometryOf: (c) => c.geometry,
});

export const COLLECTIONS: readonly Collection[] = [zonesCollection, plotsCollection, infrastructureCollection, contextCollection, communesCollection];

// ---- geometry helpers -----------------------------------------------------------------------

export const bboxOf = (g: Geometry): BBox => turfBbox(g) as BBox;

/** Whether two boxes intersect; the query box may cross the antimeridian (minLon > maxLon). */
export function intersects(box: BBox, query: BBox): boolean {
  const [w, s, e, n] = box;
  const [qw, qs, qe, qn] = query;
  if (n < qs || s > qn) return false;
  const lonOverlap = (a: number, b: number) => e >= a && w <= b;
  return qw <= qe ? lonOverlap(qw, qe) : lonOverlap(qw, 180) || lonOverlap(-180, qe);
}

const roundOut = ([w, s, e, n]: BBox): BBox => {
  const r = (x: number, up: boolean) => (up ? Math.ceil(x * 1e5) : Math.floor(x * 1e5)) / 1e5;
  return [r(w, false), r(s, false), r(e, true), r(n, true)];
};

/** The box around every feature, rounded outwards; null for an empty collection. */
export function extentOf(features: OgcFeature[]): BBox | null {
  if (!features.length) return null;
  const boxes = features.map((f) => bboxOf(f.geometry));
  return roundOut([
    Math.min(...boxes.map((b) => b[0])),
    Math.min(...boxes.map((b) => b[1])),
    Math.max(...boxes.map((b) => b[2])),
    Math.max(...boxes.map((b) => b[3])),
  ]);
}
