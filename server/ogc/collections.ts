/**
 * The four OGC API – Features collections and how each feature is flattened for GIS clients.
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
import type { Geometry } from 'geojson';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { ContextProperties, Source } from '../../geodata/schema.ts';
import {
  ACCURACIES,
  CONTEXT_KINDS,
  INFRA_ITEMS,
  INFRA_LABELS,
  INFRA_WEIGHTS,
  LAND_USE_LABELS,
  LAND_USES,
  PLOT_STATUS_LABELS,
  PLOT_STATUSES,
  ZONE_KIND_LABELS,
  ZONE_KINDS,
  ZONE_STATUS_LABELS,
  ZONE_STATUSES,
  type InfraItem,
  type PlotStatus,
} from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';
import { findPlots, getPlot } from '../domain/plots-repo.ts';
import { getZone, listZones } from '../domain/zones-repo.ts';

export type Scalar = string | number | boolean | null;
export type OgcFeature = { type: 'Feature'; id: string; geometry: Geometry; properties: Record<string, Scalar> };
export type BBox = [number, number, number, number];

export type FieldType = 'string' | 'number' | 'integer' | 'boolean';
export type FieldMeta = {
  name: string;
  type: FieldType;
  description: string;
  /** Usable as a query parameter on /items: equality, or any of a comma-separated list. */
  filter?: boolean;
  enum?: readonly string[];
  /** Shown as a column in the HTML list of items (all fields show on the feature's page). */
  list?: boolean;
};

type Field<T> = FieldMeta & { get: (x: T) => Scalar };

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

const joined = (xs: readonly string[]) => (xs.length ? xs.join('; ') : null);
const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

// ---- zones ----------------------------------------------------------------------------------

const zoneFields: Field<ZoneApiFeature>[] = [
  { name: 'kind', type: 'string', enum: ZONE_KINDS, filter: true, list: true, description: 'KCN (industrial park) or CCN (industrial cluster)', get: (z) => z.properties.kind },
  { name: 'name_vi', type: 'string', list: true, description: 'Name in Vietnamese', get: (z) => z.properties.name.vi },
  { name: 'name_en', type: 'string', description: 'Name in English', get: (z) => z.properties.name.en },
  { name: 'status', type: 'string', enum: ZONE_STATUSES, filter: true, list: true, description: 'Legal and implementation status', get: (z) => z.properties.status },
  { name: 'status_vi', type: 'string', description: 'Status label in Vietnamese', get: (z) => ZONE_STATUS_LABELS[z.properties.status].vi },
  { name: 'status_en', type: 'string', description: 'Status label in English', get: (z) => ZONE_STATUS_LABELS[z.properties.status].en },
  { name: 'kind_vi', type: 'string', description: 'Kind label in Vietnamese', get: (z) => ZONE_KIND_LABELS[z.properties.kind].vi },
  { name: 'kind_en', type: 'string', description: 'Kind label in English', get: (z) => ZONE_KIND_LABELS[z.properties.kind].en },
  { name: 'accuracy', type: 'string', enum: ACCURACIES, filter: true, description: 'approximate: hand-placed boundary; surveyed: official boundary', get: (z) => z.properties.accuracy },
  { name: 'total_area_ha', type: 'number', list: true, description: 'Total area (ha) as stated by a source', get: (z) => z.properties.totalAreaHa.value },
  { name: 'total_area_source_id', type: 'string', description: 'Source of total_area_ha (see /api/sources)', get: (z) => z.properties.totalAreaHa.sourceId },
  { name: 'total_area_as_of', type: 'string', description: 'Date total_area_ha describes', get: (z) => z.properties.totalAreaHa.asOf },
  { name: 'industrial_land_ha', type: 'number', description: 'Industrial + service land (ha) as stated by a source', get: (z) => z.properties.industrialLandHa.value },
  { name: 'leasable_ha', type: 'number', description: 'Industrial + service land in the plot layout (ha): the occupancy denominator', get: (z) => z.properties.land.leasableHa },
  { name: 'leased_ha', type: 'number', description: 'Leased industrial + service land (ha): the occupancy numerator', get: (z) => z.properties.land.leasedHa },
  { name: 'reserved_ha', type: 'number', description: 'Reserved land (ha), not counted as leased', get: (z) => z.properties.land.reservedHa },
  { name: 'available_ha', type: 'number', description: 'Developed land still available (ha)', get: (z) => z.properties.land.availableHa },
  { name: 'not_developed_ha', type: 'number', description: 'Leasable land without infrastructure yet (ha)', get: (z) => z.properties.land.notDevelopedHa },
  { name: 'occupancy_pct', type: 'number', list: true, description: 'Occupancy rate (%) as the atlas displays it: the sourced figure (see occupancy_basis, occupancy_as_of), computed from plots only where the layout is sourced or a planner changed it; null with no sourced figure', get: (z) => z.properties.occupancy.valuePct },
  { name: 'occupancy_basis', type: 'string', description: 'What occupancy_pct divides by: industrial_land (all leasable land) or developed_land', get: (z) => z.properties.occupancy.basis },
  { name: 'occupancy_as_of', type: 'string', description: 'Date occupancy_pct describes (the source date or the edit time)', get: (z) => z.properties.occupancy.asOf },
  { name: 'occupancy_origin', type: 'string', description: 'source, plots (a sourced layout) or edit (plots a planner changed)', get: (z) => z.properties.occupancy.origin },
  { name: 'layout_occupancy_pct', type: 'number', description: 'leased_ha ÷ leasable_ha of the plot layout (%), Decree 35/2022/NĐ-CP; on a schematic layout an illustration, not a figure', get: (z) => z.properties.land.occupancyPct },
  { name: 'developed_occupancy_pct', type: 'number', description: 'Occupancy of developed land only (%)', get: (z) => z.properties.land.developedOccupancyPct },
  { name: 'progress_pct', type: 'number', list: true, description: 'Infrastructure progress (%): weighted mean of the sourced items', get: (z) => z.properties.progress.progressPct },
  { name: 'progress_coverage_pct', type: 'number', description: 'Share of the item weights progress_pct rests on (%)', get: (z) => pct(z.properties.progress.coverage) },
  { name: 'progress_as_of', type: 'string', description: 'Earliest as-of date among the items progress_pct uses', get: (z) => z.properties.progress.asOf },
  { name: 'plot_count', type: 'integer', description: 'Plots in the layout', get: (z) => z.properties.plotCount },
  { name: 'has_layout', type: 'boolean', filter: true, description: 'Whether the approved layout is represented by plots', get: (z) => z.properties.hasLayout },
  { name: 'developer', type: 'string', description: 'Infrastructure developer', get: (z) => z.properties.developer?.text ?? null },
  { name: 'tenant_count', type: 'integer', description: 'Tenants named by sources', get: (z) => z.properties.tenants.length },
  { name: 'tenants', type: 'string', description: 'Tenant names, separated by "; "', get: (z) => joined(z.properties.tenants.map((t) => t.name)) },
  { name: 'sectors', type: 'string', description: 'Sectors, separated by "; "', get: (z) => joined(z.properties.sectors) },
  { name: 'address_old_commune', type: 'string', description: 'Commune before the 2025 reorganisation', get: (z) => z.properties.addressOld.commune },
  { name: 'address_old_district', type: 'string', filter: true, description: 'District before the 2025 reorganisation', get: (z) => z.properties.addressOld.district },
  { name: 'address_old_province', type: 'string', description: 'Province before 1 July 2025 (Bắc Kạn)', get: (z) => z.properties.addressOld.province },
  { name: 'address_new_commune', type: 'string', filter: true, description: 'Commune since 1 July 2025', get: (z) => z.properties.addressNew.commune },
  { name: 'address_new_province', type: 'string', description: 'Province since 1 July 2025 (Thái Nguyên)', get: (z) => z.properties.addressNew.province },
  { name: 'address_new_note', type: 'string', description: 'How the new address was established', get: (z) => z.properties.addressNew.note ?? null },
  { name: 'decision', type: 'string', description: 'Establishment decision', get: (z) => z.properties.decision?.text ?? null },
  { name: 'occupancy_claim_pct', type: 'number', description: 'Occupancy a source states (%), for comparison with occupancy_pct', get: (z) => z.properties.occupancyClaim?.valuePct ?? null },
  { name: 'occupancy_claim_basis', type: 'string', description: 'What occupancy_claim_pct divides by: industrial_land or developed_land', get: (z) => z.properties.occupancyClaim?.basis ?? null },
  { name: 'occupancy_claim_source_id', type: 'string', description: 'Source of occupancy_claim_pct', get: (z) => z.properties.occupancyClaim?.sourceId ?? null },
  { name: 'geometry_source_id', type: 'string', description: 'How the boundary was drawn', get: (z) => z.properties.geometrySourceId },
  { name: 'note', type: 'string', description: 'Note', get: (z) => z.properties.note ?? null },
  { name: 'version', type: 'integer', description: 'Edit count of the record (the ETag of /api/zones/{id})', get: (z) => z.properties.version },
];

export const zonesCollection = define<ZoneApiFeature>({
  id: 'zones',
  title: 'Industrial parks and clusters',
  description:
    'KCN and CCN of former Bắc Kạn province (Thái Nguyên since 1 July 2025) with occupancy computed from plots and weighted infrastructure progress. All boundaries are approximate.',
  geometryTypes: ['Polygon', 'MultiPolygon'],
  fields: zoneFields,
  load: (db) => listZones(db),
  loadOne: (db, id) => getZone(db, id),
  idOf: (z) => z.id,
  geometryOf: (z) => z.geometry,
});

// ---- plots ----------------------------------------------------------------------------------

const plotFields: Field<PlotApiFeature>[] = [
  { name: 'zone_id', type: 'string', filter: true, list: true, description: 'The zone the plot belongs to (id in the zones collection)', get: (p) => p.properties.zoneId },
  { name: 'code', type: 'string', filter: true, list: true, description: 'Label on the layout plan, e.g. CN-03', get: (p) => p.properties.code },
  { name: 'land_use', type: 'string', enum: LAND_USES, filter: true, list: true, description: 'industrial, service, infrastructure or green', get: (p) => p.properties.landUse },
  { name: 'land_use_vi', type: 'string', description: 'Land use label in Vietnamese', get: (p) => LAND_USE_LABELS[p.properties.landUse].vi },
  { name: 'land_use_en', type: 'string', description: 'Land use label in English', get: (p) => LAND_USE_LABELS[p.properties.landUse].en },
  { name: 'status', type: 'string', enum: PLOT_STATUSES, filter: true, list: true, description: 'leased, reserved, available or not_developed', get: (p) => p.properties.status },
  { name: 'status_vi', type: 'string', description: 'Status label in Vietnamese', get: (p) => PLOT_STATUS_LABELS[p.properties.status].vi },
  { name: 'status_en', type: 'string', description: 'Status label in English', get: (p) => PLOT_STATUS_LABELS[p.properties.status].en },
  { name: 'tenant', type: 'string', list: true, description: 'Tenant of a leased or reserved plot', get: (p) => p.properties.tenant },
  { name: 'sector', type: 'string', description: "Tenant's sector", get: (p) => p.properties.sector },
  { name: 'lease_start', type: 'string', description: 'Lease start (YYYY, YYYY-MM or YYYY-MM-DD)', get: (p) => p.properties.leaseStart },
  { name: 'lease_end', type: 'string', description: 'Lease end', get: (p) => p.properties.leaseEnd },
  { name: 'price_vnd_m2_year', type: 'number', description: 'Land rent (VND per m² per year) where a source states it', get: (p) => p.properties.priceVndM2Year.value },
  { name: 'price_source_id', type: 'string', description: 'Source of price_vnd_m2_year', get: (p) => p.properties.priceVndM2Year.sourceId },
  { name: 'price_as_of', type: 'string', description: 'Date price_vnd_m2_year describes', get: (p) => p.properties.priceVndM2Year.asOf },
  { name: 'area_ha', type: 'number', list: true, description: 'Geodesic area (ha) of the plot polygon', get: (p) => p.properties.areaHa },
  { name: 'open_enquiries', type: 'integer', description: 'Open investor enquiries about the plot', get: (p) => p.properties.openEnquiries ?? 0 },
  { name: 'accuracy', type: 'string', enum: ACCURACIES, filter: true, description: 'approximate (schematic layout) or surveyed', get: (p) => p.properties.accuracy },
  { name: 'source_id', type: 'string', description: 'Source of the plot record', get: (p) => p.properties.sourceId },
  { name: 'note', type: 'string', description: 'Note', get: (p) => p.properties.note ?? null },
  { name: 'version', type: 'integer', description: 'Edit count of the record (the ETag of /api/plots/{id})', get: (p) => p.properties.version },
];

export const plotsCollection = define<PlotApiFeature>({
  id: 'plots',
  title: 'Plots',
  description: 'Plots of the zone layouts with land use, lease status and tenant. Layouts are schematic: they reproduce the sourced proportions, not the 1/500 plans.',
  geometryTypes: ['Polygon'],
  aliases: { zoneId: 'zone_id' },
  fields: plotFields,
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
  return new Map(rows.map((r) => [r.data.id, r.data]));
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
  { name: 'accuracy', type: 'string', enum: ACCURACIES, description: 'approximate or surveyed', get: (r) => r.props.accuracy },
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

export const COLLECTIONS: readonly Collection[] = [zonesCollection, plotsCollection, infrastructureCollection, contextCollection];

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
