/**
 * Zones and plots as flat attribute rows, for GIS clients that read flat columns (GDAL/OGR, and so
 * QGIS and ArcGIS): OGC API – Features (server/ogc/) and the flat export formats (CSV, GeoPackage,
 * KML, Shapefile; server/export/) both flatten with these columns, so one name means one thing
 * everywhere. Nested properties become snake_case columns: name.vi → name_vi, land.occupancyPct →
 * occupancy_pct, addressOld.commune → address_old_commune. These names are a public contract (the
 * OGC collections' schema); the Shapefile alone shortens some to the .dbf's 10 characters
 * (DBF_NAMES). The map's own properties are geodata/map-props.ts.
 */
import type { PlotApiFeature, ZoneApiFeature } from './api.ts';
import { CONFIDENCE_CODES } from './confidence.ts';
import { FIGURE_SOURCES } from './metrics.ts';
import { REGIONS } from './regions.ts';
import {
  ACCURACIES,
  LAND_USE_LABELS,
  LAND_USES,
  PLOT_STATUS_LABELS,
  PLOT_STATUSES,
  sectorLabel,
  ZONE_KIND_LABELS,
  ZONE_KINDS,
  ZONE_STATUS_LABELS,
  ZONE_STATUSES,
} from './vocabulary.ts';

export type Scalar = string | number | boolean | null;
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
/** A column: its name and meaning, and how a feature's value is read. */
export type Column<T> = FieldMeta & { get: (x: T) => Scalar };

/** What a confidence column means (geodata/confidence.ts); the thresholds are stated so a GIS user need not read the code. */
const CONFIDENCE_DOC = (figure: string) =>
  `How sure ${figure} is: sourced (sourced and dated), schematic (from a schematic plot layout), partial (rests on under 50 % of its weight), old (dated over 3 years before the data's newest source, or undated) or none`;

export const joined = (xs: readonly string[]) => (xs.length ? xs.join('; ') : null);
/** A 0–1 share as a percentage with one decimal. */
export const pct = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 1000) / 10);

export const ZONE_COLUMNS: Column<ZoneApiFeature>[] = [
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
  { name: 'occupancy_figure_source', type: 'string', enum: FIGURE_SOURCES, filter: true, list: true, description: 'What the occupancy colour rests on: plots (a real plot layout, or plots a planner changed), stated (no real layout: the figure a source states, see occupancy_basis, occupancy_as_of, occupancy_confidence, occupancy_source_id), none (no data)', get: (z) => z.properties.figureSource },
  { name: 'occupancy_source_id', type: 'string', description: 'Source of a stated occupancy_pct (see /api/sources); null when computed from plots', get: (z) => z.properties.occupancy.sourceId },
  { name: 'occupancy_origin', type: 'string', description: 'source, plots (a sourced layout) or edit (plots a planner changed)', get: (z) => z.properties.occupancy.origin },
  { name: 'layout_occupancy_pct', type: 'number', description: 'leased_ha ÷ leasable_ha of the plot layout (%), Decree 35/2022/NĐ-CP; on a schematic layout an illustration, not a figure', get: (z) => z.properties.land.occupancyPct },
  { name: 'developed_occupancy_pct', type: 'number', description: 'Occupancy of developed land only (%)', get: (z) => z.properties.land.developedOccupancyPct },
  { name: 'progress_pct', type: 'number', list: true, description: 'Infrastructure progress (%): weighted mean of the sourced items', get: (z) => z.properties.progress.progressPct },
  { name: 'progress_coverage_pct', type: 'number', description: 'Share of the item weights progress_pct rests on (%)', get: (z) => pct(z.properties.progress.coverage) },
  { name: 'progress_as_of', type: 'string', description: 'Earliest as-of date among the items progress_pct uses', get: (z) => z.properties.progress.asOf },
  { name: 'occupancy_confidence', type: 'string', enum: CONFIDENCE_CODES, filter: true, description: CONFIDENCE_DOC('occupancy_pct'), get: (z) => z.properties.confidence.occupancy.code },
  { name: 'progress_confidence', type: 'string', enum: CONFIDENCE_CODES, filter: true, description: CONFIDENCE_DOC('progress_pct'), get: (z) => z.properties.confidence.progress.code },
  { name: 'layout_confidence', type: 'string', enum: CONFIDENCE_CODES, description: 'The plot layout: schematic (drawn without a plan: plot shapes, areas and statuses illustrative), sourced, or none', get: (z) => z.properties.confidence.layout.code },
  { name: 'plot_count', type: 'integer', description: 'Plots in the layout', get: (z) => z.properties.plotCount },
  { name: 'has_layout', type: 'boolean', filter: true, description: 'Whether the approved layout is represented by plots', get: (z) => z.properties.hasLayout },
  { name: 'developer', type: 'string', description: 'Infrastructure developer', get: (z) => z.properties.developer?.text ?? null },
  { name: 'tenant_count', type: 'integer', description: 'Tenants named by sources', get: (z) => z.properties.tenants.length },
  { name: 'tenants', type: 'string', description: 'Tenant names, separated by "; "', get: (z) => joined(z.properties.tenants.map((t) => t.name)) },
  { name: 'sectors', type: 'string', description: 'Sectors as stored: vocabulary codes (geodata/vocabulary.ts SECTORS) or free text, separated by "; "', get: (z) => joined(z.properties.sectors) },
  { name: 'sectors_vi', type: 'string', description: 'Sectors in Vietnamese (the vocabulary labels; free text as typed), separated by "; "', get: (z) => joined(z.properties.sectors.map((s) => sectorLabel(s, 'vi').text)) },
  { name: 'sectors_en', type: 'string', description: 'Sectors in English (the vocabulary labels; free text as typed), separated by "; "', get: (z) => joined(z.properties.sectors.map((s) => sectorLabel(s, 'en').text)) },
  { name: 'address_old_commune', type: 'string', description: 'Commune before the 2025 reorganisation', get: (z) => z.properties.addressOld?.commune ?? null },
  { name: 'address_old_district', type: 'string', filter: true, description: 'District before the 2025 reorganisation', get: (z) => z.properties.addressOld?.district ?? null },
  { name: 'address_old_province', type: 'string', description: 'Province before 1 July 2025 (Bắc Kạn)', get: (z) => z.properties.addressOld?.province ?? null },
  { name: 'address_new_commune', type: 'string', filter: true, description: 'Commune since 1 July 2025', get: (z) => z.properties.addressNew.commune },
  { name: 'address_new_province', type: 'string', description: 'Province since 1 July 2025 (Thái Nguyên)', get: (z) => z.properties.addressNew.province },
  { name: 'region', type: 'string', enum: REGIONS, filter: true, list: true, description: "Former province of the zone's commune before 1 July 2025: bac-kan (former Bắc Kạn) or thai-nguyen (former Thái Nguyên); the province since then is Thái Nguyên for both", get: (z) => z.properties.region },
  { name: 'commune_code', type: 'string', filter: true, description: 'GSO code of the commune or ward (since 1 July 2025) holding most of the zone, derived from its geometry (id in the communes collection)', get: (z) => z.properties.communeCode },
  { name: 'commune_name', type: 'string', list: true, description: 'Name of that commune or ward', get: (z) => z.properties.communeName },
  { name: 'commune_basis', type: 'string', enum: ['sourced', 'geometry'], filter: true, description: "sourced: the merger table makes the zone's sourced old commune this commune; geometry: only the drawn outline places it there (derived, not a fact)", get: (z) => z.properties.communeBasis },
  { name: 'decision', type: 'string', description: 'Establishment decision', get: (z) => z.properties.decision?.text ?? null },
  { name: 'occupancy_claim_pct', type: 'number', description: 'Occupancy a source states (%), for comparison with occupancy_pct', get: (z) => z.properties.occupancyClaim?.valuePct ?? null },
  { name: 'occupancy_claim_basis', type: 'string', description: 'What occupancy_claim_pct divides by: industrial_land or developed_land', get: (z) => z.properties.occupancyClaim?.basis ?? null },
  { name: 'occupancy_claim_source_id', type: 'string', description: 'Source of occupancy_claim_pct', get: (z) => z.properties.occupancyClaim?.sourceId ?? null },
  { name: 'geometry_source_id', type: 'string', description: 'How the boundary was drawn', get: (z) => z.properties.geometrySourceId },
  { name: 'note', type: 'string', description: 'Note', get: (z) => z.properties.note ?? null },
  { name: 'version', type: 'integer', description: 'Edit count of the record (the ETag of /api/zones/{id})', get: (z) => z.properties.version },
];

export const PLOT_COLUMNS: Column<PlotApiFeature>[] = [
  { name: 'zone_id', type: 'string', filter: true, list: true, description: 'The zone the plot belongs to (id in the zones collection)', get: (p) => p.properties.zoneId },
  { name: 'code', type: 'string', filter: true, list: true, description: 'Label on the layout plan, e.g. CN-03', get: (p) => p.properties.code },
  { name: 'land_use', type: 'string', enum: LAND_USES, filter: true, list: true, description: 'industrial, service, infrastructure or green', get: (p) => p.properties.landUse },
  { name: 'land_use_vi', type: 'string', description: 'Land use label in Vietnamese', get: (p) => LAND_USE_LABELS[p.properties.landUse].vi },
  { name: 'land_use_en', type: 'string', description: 'Land use label in English', get: (p) => LAND_USE_LABELS[p.properties.landUse].en },
  { name: 'status', type: 'string', enum: PLOT_STATUSES, filter: true, list: true, description: 'leased, reserved, available or not_developed', get: (p) => p.properties.status },
  { name: 'status_vi', type: 'string', description: 'Status label in Vietnamese', get: (p) => PLOT_STATUS_LABELS[p.properties.status].vi },
  { name: 'status_en', type: 'string', description: 'Status label in English', get: (p) => PLOT_STATUS_LABELS[p.properties.status].en },
  { name: 'tenant', type: 'string', list: true, description: 'Tenant of a leased or reserved plot', get: (p) => p.properties.tenant },
  { name: 'sector', type: 'string', description: "Tenant's sector as stored: a vocabulary code (geodata/vocabulary.ts SECTORS) or free text", get: (p) => p.properties.sector },
  { name: 'sector_vi', type: 'string', description: "Tenant's sector in Vietnamese (the vocabulary label; free text as typed)", get: (p) => (p.properties.sector ? sectorLabel(p.properties.sector, 'vi').text : null) },
  { name: 'sector_en', type: 'string', description: "Tenant's sector in English (the vocabulary label; free text as typed)", get: (p) => (p.properties.sector ? sectorLabel(p.properties.sector, 'en').text : null) },
  { name: 'lease_start', type: 'string', description: 'Lease start (YYYY, YYYY-MM or YYYY-MM-DD)', get: (p) => p.properties.leaseStart },
  { name: 'lease_end', type: 'string', description: 'Lease end', get: (p) => p.properties.leaseEnd },
  { name: 'price_vnd_m2_year', type: 'number', description: 'Land rent (VND per m² per year) where a source states it', get: (p) => p.properties.priceVndM2Year.value },
  { name: 'price_source_id', type: 'string', description: 'Source of price_vnd_m2_year', get: (p) => p.properties.priceVndM2Year.sourceId },
  { name: 'price_as_of', type: 'string', description: 'Date price_vnd_m2_year describes', get: (p) => p.properties.priceVndM2Year.asOf },
  { name: 'area_ha', type: 'number', list: true, description: 'Geodesic area (ha) of the plot polygon', get: (p) => p.properties.areaHa },
  { name: 'region', type: 'string', enum: REGIONS, filter: true, description: "The zone's region: former province of its commune before 1 July 2025, bac-kan or thai-nguyen", get: (p) => p.properties.region },
  { name: 'commune_code', type: 'string', filter: true, description: 'GSO code of the commune or ward (since 1 July 2025) holding most of the plot, derived from its geometry (id in the communes collection)', get: (p) => p.properties.communeCode },
  { name: 'commune_name', type: 'string', description: 'Name of that commune or ward', get: (p) => p.properties.communeName },
  { name: 'open_enquiries', type: 'integer', description: 'Open investor enquiries about the plot', get: (p) => p.properties.openEnquiries ?? 0 },
  { name: 'accuracy', type: 'string', enum: ACCURACIES, filter: true, description: 'approximate (schematic layout) or surveyed', get: (p) => p.properties.accuracy },
  { name: 'status_confidence', type: 'string', enum: CONFIDENCE_CODES, filter: true, description: 'How sure status is: schematic on a layout drawn without a plan (an available plot there is not surveyed), else sourced', get: (p) => p.properties.statusConfidence },
  { name: 'source_id', type: 'string', description: 'Source of the plot record', get: (p) => p.properties.sourceId },
  { name: 'note', type: 'string', description: 'Note', get: (p) => p.properties.note ?? null },
  { name: 'version', type: 'integer', description: 'Edit count of the record (the ETag of /api/plots/{id})', get: (p) => p.properties.version },
];

/** The columns of the flat export files, in file order (the export adds id, as_of and sources). */
export const EXPORT_COLUMNS = {
  zones: ['kind', 'name_vi', 'name_en', 'status', 'accuracy', 'total_area_ha', 'address_old_district', 'address_old_commune', 'address_new_commune', 'commune_code', 'commune_name', 'commune_basis', 'region', 'has_layout', 'sectors', 'sectors_vi', 'sectors_en', 'occupancy_pct', 'occupancy_figure_source', 'occupancy_basis', 'occupancy_as_of', 'occupancy_confidence', 'occupancy_source_id', 'progress_pct', 'progress_coverage_pct', 'progress_as_of', 'progress_confidence', 'layout_confidence', 'plot_count', 'geometry_source_id', 'note'],
  plots: ['zone_id', 'code', 'land_use', 'status', 'tenant', 'sector', 'sector_vi', 'sector_en', 'lease_start', 'lease_end', 'price_vnd_m2_year', 'accuracy', 'status_confidence', 'source_id', 'note', 'area_ha', 'commune_code', 'commune_name', 'region'],
} as const;

/**
 * Shapefile only: a .dbf field name holds at most 10 characters, so the longer names are written
 * shorter (the names the export used before it took the OGC names; the import reads both).
 */
export const DBF_NAMES: Readonly<Record<string, string>> = {
  total_area_ha: 'total_ha',
  address_old_district: 'district',
  address_old_commune: 'commune',
  address_new_commune: 'commune_nw',
  commune_code: 'commune_cd',
  commune_name: 'commune_nm',
  commune_basis: 'commune_bs',
  occupancy_pct: 'occupancy',
  progress_pct: 'progress',
  occupancy_as_of: 'occ_asof',
  occupancy_figure_source: 'occ_figure',
  occupancy_basis: 'occ_basis',
  occupancy_source_id: 'occ_src',
  occupancy_confidence: 'occ_conf',
  progress_coverage_pct: 'prog_cover',
  progress_as_of: 'prog_asof',
  progress_confidence: 'prog_conf',
  layout_confidence: 'lay_conf',
  status_confidence: 'stat_conf',
  geometry_source_id: 'geom_src',
  lease_start: 'lease_from',
  lease_end: 'lease_to',
  price_vnd_m2_year: 'price_m2y',
};
