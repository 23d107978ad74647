/**
 * The import engine: a raw layer (any format, any CRS) → WGS 84 features in the geodata property
 * model, with a report of every error and warning (feature index and id). Pure: the database is
 * only read through the ImportContext handed in; commit.ts writes.
 */
import { booleanClockwise, booleanPointInPolygon, unkinkPolygon } from '@turf/turf';
import type { Feature, Geometry, LineString, MultiPolygon, Point, Polygon, Position } from 'geojson';
import { CRS_TABLE, findCrs, toWgs84, type CrsInfo } from '../../geodata/crs/index.ts';
import { isArea, outsideProvince, outsideZone, overlapM2, positions, TOLERANCE_M2, type Area } from '../../geodata/check-geometry.ts';
import { candidatePairs, convexRing, separatedConvex, type Ring } from '../../geodata/geometry-index.ts';
import {
  CONTROL_CHARS,
  contextPropertiesSchema,
  plotPropertiesSchema,
  zonePropertiesSchema,
  type ContextProperties,
  type PlotProperties,
  type ZoneProperties,
} from '../../geodata/schema.ts';
import { INFRA_ITEMS, LEASABLE_LAND_USES } from '../../geodata/vocabulary.ts';
import { bbox } from '@turf/bbox';
import {
  accuracy as accuracyOf,
  canonicalKeys,
  contextKind,
  landUse as landUseOf,
  landUseFromCode,
  plotStatus,
  slug,
  toDate,
  toNumber,
  toText,
  asText,
  zoneKind,
  zoneStatus,
  type Layer,
} from './attributes.ts';
import { ImportFileError, type RawFeature, type RawLayer } from './readers.ts';
import { selfIntersectionsBounded } from './kinks.ts';
import { IMPORT_LIMITS } from './limits.ts';
import { fixLegacyText } from './vn-encoding.ts';

import type { ImportIssue, IssueCode } from '../../geodata/exchange.ts';
export type { ImportIssue };

export type ImportOptions = {
  layer: Layer;
  /** Plots: the zone whose layout the file replaces. */
  zone?: string | null;
  /** EPSG code that overrides what the file says. */
  crs?: string | null;
  fileName?: string | null;
};

export type ZoneRecord = { props: ZoneProperties; geometry: Polygon | MultiPolygon; version: number };
export type ImportContext = {
  province: Area | null;
  zones: Map<string, ZoneRecord>;
  /** Plot ids per zone, as stored. */
  plotIds: Map<string, string[]>;
  contextIds: Set<string>;
  sourceIds: Set<string>;
  /** The source new figures and features cite when the file names none. */
  importSourceId: string;
  today: string;
};

export type NormalisedFeature =
  | { type: 'Feature'; id: string; geometry: Polygon; properties: PlotProperties }
  | { type: 'Feature'; id: string; geometry: Polygon | MultiPolygon; properties: ZoneProperties }
  | { type: 'Feature'; id: string; geometry: Polygon | MultiPolygon | LineString | Point; properties: ContextProperties };

export type Analysis = {
  layer: Layer;
  crs: { code: string; name: string; source: string; detail: string };
  features: NormalisedFeature[];
  /** The first IMPORT_LIMITS.issuesListed issues; `counts` counts them all. */
  issues: ImportIssue[];
  counts: { errors: number; warnings: number; repaired: number };
  notes: string[];
  /** Index of features that have an error (left out of the preview). */
  rejected: number[];
};

/** The report's issues: every one counted, the first IMPORT_LIMITS.issuesListed kept (a file of a million broken rings would otherwise fill the memory). */
class IssueList {
  readonly items: ImportIssue[] = [];
  readonly counts = { errors: 0, warnings: 0, repaired: 0 };
  push(issue: ImportIssue) {
    if (issue.level === 'error') this.counts.errors++;
    else this.counts.warnings++;
    if (issue.fixed) this.counts.repaired++;
    if (this.items.length < IMPORT_LIMITS.issuesListed) this.items.push(issue);
  }
  get omitted() {
    return this.counts.errors + this.counts.warnings - this.items.length;
  }
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;

/** Every position of a geometry through f. */
function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: f(g.coordinates) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'GeometryCollection': return { type: 'GeometryCollection', geometries: g.geometries.map((x) => mapPositions(x, f)) };
  }
}

const inProvince = (p: Position, province: Area | null) => !!province && booleanPointInPolygon([p[0]!, p[1]!], province);
/** Degrees, possibly in [lat, lon] order: both ordinates within ±180 (metres in Vietnam are ≥ 10⁵). */
const looksGeographic = (pts: Position[]) => pts.every((p) => Math.abs(p[0]!) <= 180 && Math.abs(p[1]!) <= 180);

/** Projected systems of the table that put the file inside the province, Bắc Kạn's zone first. */
function guessProjected(pts: Position[], province: Area | null, swap: boolean): CrsInfo[] {
  const sample = pts.filter((_, i) => i % Math.max(1, Math.floor(pts.length / 50)) === 0);
  return CRS_TABLE.filter((c) => c.kind === 'projected')
    .filter((c) => {
      const t = toWgs84(c);
      return sample.every((p) => inProvince(t(swap ? [p[1]!, p[0]!] : p), province));
    })
    .sort((a, b) => (b.code === 'EPSG:9213' ? 1 : 0) - (a.code === 'EPSG:9213' ? 1 : 0));
}

type CrsDecision = { crs: CrsInfo; source: string; detail: string; swap: boolean };

/** Settles the CRS, or throws ImportFileError when the file's coordinates cannot be placed. */
function decideCrs(raw: RawLayer, opts: ImportOptions, ctx: ImportContext, issues: IssueList): CrsDecision {
  const pts = raw.features.flatMap((f) => (f.geometry ? positions(f.geometry) : [])).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (!pts.length) throw new ImportFileError('No feature has coordinates.', 'no_features');
  let crs: CrsInfo | null;
  let source: string;
  let detail: string;
  if (opts.crs) {
    crs = findCrs(opts.crs);
    if (!crs) throw new ImportFileError(`Unknown CRS "${opts.crs}". Known: ${CRS_TABLE.map((c) => c.code).join(', ')}.`, 'no_crs');
    source = 'option';
    detail = `given as ${opts.crs}`;
    if (raw.declared.crs && raw.declared.crs.code !== crs.code) {
      issues.push({ level: 'warning', index: null, id: null, code: 'crs', message: `The file says ${raw.declared.crs.code} (${raw.declared.crs.name}), but ${crs.code} was asked for and is used.` });
    }
  } else {
    crs = raw.declared.crs;
    source = raw.declared.source;
    detail = raw.declared.detail;
  }
  const geographicValues = looksGeographic(pts);
  if (!crs && raw.format === 'csv' && geographicValues) {
    crs = findCrs('EPSG:4326')!;
    source = 'csv';
    detail = 'a CSV does not say its CRS; the values are degrees, so WGS 84 longitude/latitude is assumed';
    issues.push({ level: 'warning', index: null, id: null, code: 'crs', message: `No CRS given; ${detail}. Pass --crs EPSG:4756 if they are VN-2000 degrees.` });
  }
  if (!crs) {
    const guesses = geographicValues ? [] : guessProjected(pts, ctx.province, false);
    const hint = guesses.length ? ` The coordinates fit ${guesses[0]!.code} (${guesses[0]!.name}).` : '';
    throw new ImportFileError(`The coordinate system is unknown (${detail}): say it with --crs / crs=EPSG:NNNN.${hint}`, 'no_crs');
  }
  if (crs.kind === 'geographic' && !geographicValues) {
    const guesses = guessProjected(pts, ctx.province, false);
    const swapped = guesses.length ? [] : guessProjected(pts, ctx.province, true);
    const hint = guesses[0] ?? swapped[0];
    throw new ImportFileError(
      `The coordinates are in metres (e.g. ${pts[0]!.slice(0, 2).join(', ')}), but the CRS is ${crs.code} (${crs.name}), which is in degrees.` +
        (hint ? ` They fit ${hint.code} (${hint.name}): import again with --crs ${hint.code}${swapped.length ? ' and X/Y as easting/northing' : ''}.` : ' Say the projected CRS with --crs.'),
      'no_crs',
    );
  }
  if (crs.kind === 'projected' && geographicValues) {
    throw new ImportFileError(
      `The coordinates look like degrees (e.g. ${pts[0]!.slice(0, 2).join(', ')}), but the CRS is ${crs.code} (${crs.name}), which is in metres. If they are longitude/latitude, import with --crs EPSG:4326 (or EPSG:4756 for VN-2000 degrees).`,
      'no_crs',
    );
  }
  let swap = false;
  if (ctx.province) {
    const t = toWgs84(crs);
    const sample = pts.filter((_, i) => i % Math.max(1, Math.floor(pts.length / 200)) === 0);
    const inside = sample.filter((p) => inProvince(t(p), ctx.province)).length;
    const insideSwapped = sample.filter((p) => Math.abs(p[0]!) <= 90 || crs!.kind === 'projected' ? inProvince(t([p[1]!, p[0]!]), ctx.province) : false).length;
    if (inside === 0 && insideSwapped >= 0.9 * sample.length) {
      swap = true;
      issues.push({
        level: 'warning', index: null, id: null, code: 'axis_swapped', fixed: true,
        message: crs.kind === 'geographic'
          ? 'Every coordinate is [latitude, longitude]; swapped to [longitude, latitude] as GeoJSON wants.'
          : 'Every coordinate is (northing, easting), the Vietnamese survey convention X = north; swapped to (easting, northing).',
      });
    }
  }
  return { crs, source, detail, swap };
}

/** Rings: drop repeated positions, close open rings, wind exteriors counter-clockwise and holes clockwise. */
function fixRings(rings: Position[][], where: string, push: (level: 'error' | 'warning', code: IssueCode, message: string, fixed?: boolean) => void, shapefileOrder: boolean): Position[][] | null {
  const out: Position[][] = [];
  let ok = true;
  rings.forEach((ring0, ri) => {
    const name = `${where}${ri === 0 ? 'exterior ring' : `hole ${ri}`}`;
    const ring = ring0.filter((p, i) => i === 0 || p[0] !== ring0[i - 1]![0] || p[1] !== ring0[i - 1]![1]);
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      ring.push([...first]);
      push('warning', 'ring_closed', `${name} was not closed; closed it by repeating the first position`, true);
    }
    if (ring.length < 4) {
      push('error', 'ring_short', `${name} has ${ring.length} positions; a ring needs at least 4 (3 corners + the closing one)`);
      ok = false;
      return;
    }
    const clockwise = booleanClockwise(ring);
    // The file's own convention: Shapefiles wind exteriors clockwise, GeoJSON/KML/WKB counter-clockwise.
    if ((clockwise !== ri > 0) !== shapefileOrder) {
      push('warning', 'ring_winding', `${name} was wound ${clockwise ? 'clockwise' : 'counter-clockwise'}, against the ${shapefileOrder ? 'Shapefile' : 'RFC 7946'} rule; rewound`, true);
    }
    if (clockwise !== (ri > 0)) ring.reverse();
    out.push(ring);
  });
  return ok ? out : null;
}

const allowed: Record<Layer, Geometry['type'][]> = {
  zones: ['Polygon', 'MultiPolygon'],
  plots: ['Polygon'],
  context: ['Polygon', 'MultiPolygon', 'LineString', 'Point'],
};

/** Geometry type, rings and self-intersection; null when the feature cannot be used. */
function normaliseGeometry(g: Geometry, layer: Layer, push: (level: 'error' | 'warning', code: IssueCode, message: string, fixed?: boolean, suggestion?: string) => void, shapefileOrder: boolean, kinkBudget: { left: number }): Geometry | null {
  let geom = g;
  if (geom.type === 'MultiPolygon' && geom.coordinates.length === 1 && layer !== 'zones') geom = { type: 'Polygon', coordinates: geom.coordinates[0]! };
  if (geom.type === 'MultiLineString' && geom.coordinates.length === 1) geom = { type: 'LineString', coordinates: geom.coordinates[0]! };
  if (geom.type === 'MultiPoint' && geom.coordinates.length === 1) geom = { type: 'Point', coordinates: geom.coordinates[0]! };
  if (!allowed[layer].includes(geom.type)) {
    push('error', 'geometry_type', `${geom.type} geometry; ${layer} need ${allowed[layer].join(' or ')}${geom.type === 'MultiPolygon' ? ': split it into one feature per part' : ''}`);
    return null;
  }
  if (geom.type === 'Polygon') {
    const rings = fixRings(geom.coordinates, '', push, shapefileOrder);
    if (!rings) return null;
    geom = { type: 'Polygon', coordinates: rings };
  } else if (geom.type === 'MultiPolygon') {
    const polys: Position[][][] = [];
    for (const [i, p] of geom.coordinates.entries()) {
      const rings = fixRings(p, `polygon ${i} `, push, shapefileOrder);
      if (!rings) return null;
      polys.push(rings);
    }
    geom = { type: 'MultiPolygon', coordinates: polys };
  } else if (geom.type === 'LineString' && geom.coordinates.length < 2) {
    push('error', 'geometry_type', 'a line needs at least 2 positions');
    return null;
  }
  const kinks = selfIntersectionsBounded(geom, kinkBudget);
  if ('tooComplex' in kinks) {
    push('error', 'self_intersection', `${kinks.tooComplex} segments: too many to check for self-intersections within what one import may compute`, false,
      'Simplify the outline (QGIS "Simplify", `ogr2ogr -simplify`) or import fewer features at a time.');
    return null;
  }
  const kink = kinks.problem;
  if (kink) {
    let parts = '';
    if (geom.type === 'Polygon') {
      try {
        parts = ` (turf unkinkPolygon would cut it into ${unkinkPolygon(geom).features.length} polygons)`;
      } catch {
        parts = '';
      }
    }
    push('error', 'self_intersection', kink, false,
      `Repair the outline and import again: QGIS "Fix geometries", \`ogr2ogr -makevalid\`, or a zero-width buffer (buffer(0)) untangles it${parts}.`);
    return null;
  }
  return geom;
}

const LEGACY_MAX_CHARS = 10_000;

/**
 * Control characters (CONTROL_CHARS: PostgreSQL cannot hold U+0000, which .dbf padding and damaged
 * files carry; the others are invisible and break XML exports) are dropped from every string and
 * key, nested ones included (a GeoJSON in the full property model).
 */
function withoutControls(value: unknown): { value: unknown; dropped: boolean } {
  let dropped = false;
  const clean = (v: unknown): unknown => {
    if (typeof v === 'string') {
      const out = v.replace(CONTROL_CHARS, '');
      if (out !== v) dropped = true;
      return out;
    }
    if (Array.isArray(v)) return v.map(clean);
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [clean(k) as string, clean(x)]));
    return v;
  };
  const out = clean(value);
  return { value: out, dropped };
}

const legacyFields = (props: Record<string, unknown>, push: (level: 'warning', code: IssueCode, message: string, fixed: boolean) => void) => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(props)) {
    // Names and notes are short; a longer text is no legacy-encoded name, and scoring it would take seconds per megabyte.
    if (typeof v === 'string' && v.length <= LEGACY_MAX_CHARS) {
      const r = fixLegacyText(v);
      if (r.from) push('warning', 'legacy_encoding', `${k}: ${r.from === 'tcvn3' ? 'TCVN3 (ABC)' : 'VNI-Windows'} text converted to Unicode: "${v}" → "${r.text}"`, true);
      out[k] = r.text;
    } else if (v && typeof v === 'object' && !Array.isArray(v) && k === 'name') {
      out[k] = Object.fromEntries(Object.entries(v).map(([kk, vv]) => [kk, typeof vv === 'string' ? fixLegacyText(vv).text : vv]));
    } else out[k] = v;
  }
  return out;
};

type Push = (level: 'error' | 'warning', code: IssueCode, message: string, fixed?: boolean, suggestion?: string) => void;

function figureFrom(raw: unknown, field: string, ctx: ImportContext, push: Push) {
  if (raw && typeof raw === 'object') return raw as ZoneProperties['totalAreaHa'];
  const n = toNumber(raw, field);
  if ('error' in n) {
    push('error', 'attribute_type', n.error);
    return { value: null, sourceId: null, asOf: null };
  }
  return n.value === null ? { value: null, sourceId: null, asOf: null } : { value: n.value, sourceId: ctx.importSourceId, asOf: ctx.today };
}

function sourceFrom(raw: unknown, ctx: ImportContext, push: Push): string {
  const s = toText(raw);
  if (!s) return ctx.importSourceId;
  if (ctx.sourceIds.has(s)) return s;
  push('warning', 'unknown_source', `source "${s}" is not in the sources list; the import's own source ${ctx.importSourceId} is cited instead`, true);
  return ctx.importSourceId;
}

function plotProps(values: Record<string, unknown>, opts: ImportOptions, ctx: ImportContext, push: Push): PlotProperties | null {
  const zoneId = toText(values.zoneId) ?? opts.zone ?? null;
  if (!zoneId) {
    push('error', 'missing', 'no zone: give a zone_id column or import with --zone');
    return null;
  }
  if (opts.zone && zoneId !== opts.zone) {
    push('error', 'zone_mismatch', `belongs to zone "${zoneId}", but this import is for zone "${opts.zone}"`);
    return null;
  }
  if (!ctx.zones.has(zoneId)) {
    push('error', 'unknown_zone', `no zone with id "${zoneId}"`);
    return null;
  }
  const code = toText(values.code);
  let id = toText(values.id);
  if (!id && code) id = `${zoneId}-${slug(code)}`;
  if (!id) {
    push('error', 'missing', 'no id and no code to make one from');
    return null;
  }
  if (!/^[a-z0-9-]+$/.test(id)) {
    const s = slug(id);
    push('warning', 'attribute_type', `id "${id}" is not lower-case ASCII with hyphens; stored as "${s}"`, true);
    id = s;
  }
  let lu = values.landUse !== undefined && values.landUse !== null && values.landUse !== '' ? landUseOf(values.landUse) : null;
  if (!lu) {
    const fromCode = code ? landUseFromCode(code) : null;
    if (!fromCode) {
      push('error', 'missing', 'no land use (land_use column, or a code starting CN/DV/HT/CX)');
      return null;
    }
    lu = { value: fromCode };
  }
  if ('error' in lu) {
    push('error', 'unknown_value', lu.error);
    return null;
  }
  const st = plotStatus(values.status);
  if ('error' in st) {
    push('error', 'unknown_value', st.error);
    return null;
  }
  const dates = (['leaseStart', 'leaseEnd'] as const).map((k) => {
    const d = toDate(values[k], k);
    if ('error' in d) push('error', 'attribute_type', d.error);
    else if (d.warning) push('warning', 'attribute_type', d.warning, true);
    return 'error' in d ? null : d.value;
  });
  const acc = values.accuracy ? accuracyOf(values.accuracy) : { value: 'approximate' as const };
  if ('error' in acc) push('error', 'unknown_value', acc.error);
  const price = figureFrom(values.priceVndM2Year, 'price_m2y', ctx, push);
  const props: PlotProperties = {
    id,
    zoneId,
    code: code ?? id.replace(`${zoneId}-`, '').toUpperCase(),
    landUse: lu.value,
    status: st.value,
    tenant: toText(values.tenant),
    sector: toText(values.sector),
    leaseStart: dates[0] ?? null,
    leaseEnd: dates[1] ?? null,
    priceVndM2Year: price,
    accuracy: 'error' in acc ? 'approximate' : acc.value,
    sourceId: sourceFrom(values.sourceId, ctx, push),
    ...(toText(values.note) ? { note: toText(values.note)! } : {}),
  };
  if (!LEASABLE_LAND_USES.includes(props.landUse) && (props.status === 'leased' || props.status === 'available')) {
    push('error', 'rule', `a plot of land use "${props.landUse}" cannot be ${props.status}: roads, infrastructure and green space are not leasable (use reserved or not_developed)`);
  }
  if (props.status === 'leased' && !props.tenant) push('warning', 'rule', 'leased, but no tenant is named');
  return props;
}

function zoneProps(values: Record<string, unknown>, raw: Record<string, unknown>, ctx: ImportContext, push: Push): ZoneProperties | null {
  // A GeoJSON with the full property model (e.g. our own export) is taken as it is.
  const { land: _l, progress: _p, plotCount: _c, version: _v, ...nested } = raw;
  const full = zonePropertiesSchema.safeParse(nested);
  if (full.success) return full.data;
  const id0 = toText(values.id);
  if (!id0) {
    push('error', 'missing', 'no id');
    return null;
  }
  const id = /^[a-z0-9-]+$/.test(id0) ? id0 : slug(id0);
  const existing = ctx.zones.get(id);
  const next: ZoneProperties = existing
    ? structuredClone(existing.props)
    : {
        id, kind: 'CCN', name: { vi: id, en: id }, status: 'planned', statusHistory: [], accuracy: 'approximate',
        geometrySourceId: ctx.importSourceId, totalAreaHa: { value: null, sourceId: null, asOf: null }, industrialLandHa: { value: null, sourceId: null, asOf: null },
        developer: null, tenants: [], sectors: [], addressOld: { commune: null, district: '', province: 'Bắc Kạn' }, addressNew: { commune: null, province: 'Thái Nguyên' },
        infrastructure: INFRA_ITEMS.map((item) => ({ item, progressPct: null, sourceId: null, asOf: null })), occupancyClaim: null, hasLayout: false, decision: null,
      };
  if (values.kind !== undefined && values.kind !== null && values.kind !== '') {
    const k = zoneKind(values.kind);
    if ('error' in k) push('error', 'unknown_value', k.error);
    else next.kind = k.value;
  } else if (!existing) push('error', 'missing', 'a new zone needs its kind (KCN or CCN)');
  const nameVi = values.nameVi && typeof values.nameVi === 'object' ? (values.nameVi as { vi?: string }).vi : toText(values.nameVi);
  const nameEn = values.nameVi && typeof values.nameVi === 'object' ? (values.nameVi as { en?: string }).en : toText(values.nameEn);
  if (nameVi) next.name = { vi: nameVi, en: nameEn || next.name.en || nameVi };
  else if (!existing) push('error', 'missing', 'a new zone needs a name (name_vi)');
  if (values.status !== undefined && values.status !== null && values.status !== '') {
    const s = zoneStatus(values.status);
    if ('error' in s) push('error', 'unknown_value', s.error);
    else if (s.value !== next.status || !existing) {
      next.status = s.value;
      next.statusHistory = [...next.statusHistory, { status: s.value, date: ctx.today, sourceId: ctx.importSourceId, note: 'imported' }];
    }
  } else if (!existing) push('error', 'missing', 'a new zone needs its status');
  if (values.accuracy) {
    const a = accuracyOf(values.accuracy);
    if ('error' in a) push('error', 'unknown_value', a.error);
    else next.accuracy = a.value;
  }
  if (values.totalAreaHa !== undefined && values.totalAreaHa !== null && values.totalAreaHa !== '') {
    const f = figureFrom(values.totalAreaHa, 'total_ha', ctx, push);
    if (f.value !== next.totalAreaHa.value) next.totalAreaHa = f;
  }
  const district = toText(values.district);
  if (district) next.addressOld = { ...next.addressOld, district };
  else if (!existing) push('error', 'missing', 'a new zone needs its former district (district)');
  if (toText(values.commune)) next.addressOld = { ...next.addressOld, commune: toText(values.commune) };
  if (toText(values.communeNew)) next.addressNew = { ...next.addressNew, commune: toText(values.communeNew) };
  if (toText(values.note)) next.note = toText(values.note)!;
  const geomSrc = toText(values.geometrySourceId);
  next.geometrySourceId = geomSrc && ctx.sourceIds.has(geomSrc) ? geomSrc : ctx.importSourceId;
  return next;
}

function contextProps(values: Record<string, unknown>, ctx: ImportContext, push: Push): ContextProperties | null {
  const id0 = toText(values.id);
  if (!id0) {
    push('error', 'missing', 'no id');
    return null;
  }
  const k = contextKind(values.kind);
  if ('error' in k) {
    push('error', values.kind ? 'unknown_value' : 'missing', k.error);
    return null;
  }
  const nested = values.nameVi && typeof values.nameVi === 'object' ? (values.nameVi as { vi?: string; en?: string }) : null;
  const vi = nested?.vi ?? toText(values.nameVi);
  if (!vi) {
    push('error', 'missing', 'no name (name_vi)');
    return null;
  }
  const acc = values.accuracy ? accuracyOf(values.accuracy) : { value: 'approximate' as const };
  if ('error' in acc) push('error', 'unknown_value', acc.error);
  return {
    id: /^[a-z0-9-]+$/.test(id0) ? id0 : slug(id0),
    kind: k.value,
    name: { vi, en: nested?.en ?? toText(values.nameEn) ?? vi },
    ref: toText(values.ref),
    accuracy: 'error' in acc ? 'approximate' : acc.value,
    sourceId: sourceFrom(values.sourceId, ctx, push),
  };
}

const SCHEMAS = { plots: plotPropertiesSchema, zones: zonePropertiesSchema, context: contextPropertiesSchema } as const;

export function analyse(raw: RawLayer, opts: ImportOptions, ctx: ImportContext): Analysis {
  const issues = new IssueList();
  const notes = [...raw.notes];
  const kinkBudget = { left: IMPORT_LIMITS.segmentPairs };
  if (opts.layer === 'plots' && opts.zone && !ctx.zones.has(opts.zone)) throw new ImportFileError(`No zone with id "${opts.zone}".`, 'unsupported');
  const decision = decideCrs(raw, opts, ctx, issues);
  const plotZone = new Map([...ctx.plotIds].flatMap(([zoneId, ids]) => ids.map((id) => [id, zoneId] as const)));
  const t = toWgs84(decision.crs);
  let zDropped = false;
  const project = (p: Position): Position => {
    if (p.length > 2) zDropped = true;
    const q = decision.swap ? [p[1]!, p[0]!] : [p[0]!, p[1]!];
    const [x, y] = t(q);
    return [round7(x!), round7(y!)];
  };
  const features: (NormalisedFeature & { index: number })[] = [];
  const rejected = new Set<number>();
  const featureIds = new Map<string, number>();

  for (const rf of raw.features as RawFeature[]) {
    const rawId = rf.properties.id ?? rf.properties.ID ?? rf.properties.Id ?? null;
    let id: string | null = rawId === null || rawId === undefined ? null : asText(rawId);
    const push: Push = (level, code, message, fixed, suggestion) => {
      issues.push({ level, index: rf.index, id, code, message, ...(fixed ? { fixed } : {}), ...(suggestion ? { suggestion } : {}) });
      if (level === 'error') rejected.add(rf.index);
    };
    if (typeof rf.properties.__geometryError === 'string') push('error', 'no_geometry', rf.properties.__geometryError);
    if (!rf.geometry) {
      if (!rf.properties.__geometryError) push('error', 'no_geometry', 'the feature has no geometry');
      continue;
    }
    const bad = positions(rf.geometry).find((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
    if (bad) {
      push('error', 'no_geometry', `coordinate [${bad.join(', ')}] is not a pair of finite numbers`);
      continue;
    }
    const projected = mapPositions(rf.geometry, project);
    const unplaced = positions(projected).findIndex((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]));
    if (unplaced >= 0) {
      push('error', 'no_geometry', `coordinate [${positions(rf.geometry)[unplaced]!.join(', ')}] cannot be placed in WGS 84 from ${decision.crs.code}`);
      continue;
    }
    const geometry = normaliseGeometry(projected, opts.layer, push, raw.format === 'shp', kinkBudget);
    // Attributes: legacy encodings first, then the property model.
    const clean = withoutControls(rf.properties);
    if (clean.dropped) push('warning', 'attribute_type', 'control characters (NUL and the rest of U+0000–U+001F but tab and line breaks, or U+007F) removed from the text', true);
    const props = legacyFields(clean.value as Record<string, unknown>, push);
    const { values, unknown } = canonicalKeys(props);
    if (unknown.length && rf.index === 0) notes.push(`columns not used: ${unknown.join(', ')}`);
    const mapped =
      opts.layer === 'plots' ? plotProps(values, opts, ctx, push)
      : opts.layer === 'zones' ? zoneProps(values, props, ctx, push)
      : contextProps(values, ctx, push);
    if (mapped) id = mapped.id;
    if (!geometry || !mapped) {
      if (!geometry && !rejected.has(rf.index)) rejected.add(rf.index);
      continue;
    }
    const schema = SCHEMAS[opts.layer].safeParse(mapped);
    if (!schema.success) {
      for (const i of schema.error.issues) push('error', 'schema', `${i.path.join('.') || 'properties'}: ${i.message}`);
      continue;
    }
    if (featureIds.has(mapped.id)) {
      push('error', 'duplicate_id', `id "${mapped.id}" is also feature ${featureIds.get(mapped.id)}'s`);
      continue;
    }
    // A plots import replaces the plots of the zones it names; an id held by another zone's plot would collide with it.
    const holder = opts.layer === 'plots' ? plotZone.get(mapped.id) : undefined;
    if (holder !== undefined && holder !== (mapped as PlotProperties).zoneId) {
      push('error', 'duplicate_id', `id "${mapped.id}" belongs to a plot of zone "${holder}"; give this plot another id`);
      continue;
    }
    featureIds.set(mapped.id, rf.index);
    // Where it lies: the province, and for plots their zone.
    if (ctx.province && mapped.id !== 'province' && !(opts.layer === 'context' && (mapped as ContextProperties).kind === 'province')) {
      const out = outsideProvince(geometry, ctx.province);
      if (out) {
        const swapped = mapPositions(geometry, (p) => [p[1]!, p[0]!]);
        const swapHint = decision.crs.kind === 'geographic' && positions(swapped).every((p) => Math.abs(p[1]!) <= 90 && inProvince(p, ctx.province)) ? ' This feature is [lat, lon]: swap its coordinates.' : '';
        push(opts.layer === 'context' ? 'warning' : 'error', 'outside_province', out + swapHint);
        if (opts.layer !== 'context') continue;
      }
    }
    if (opts.layer === 'plots') {
      const zone = ctx.zones.get((mapped as PlotProperties).zoneId);
      if (zone) {
        const problem = outsideZone(geometry as Polygon, zone.geometry, zone.props.id);
        if (problem) {
          push('error', 'outside_zone', problem);
          continue;
        }
      }
    }
    if (rejected.has(rf.index)) continue;
    features.push({ type: 'Feature', id: mapped.id, geometry, properties: mapped, index: rf.index } as NormalisedFeature & { index: number });
  }

  if (zDropped) issues.push({ level: 'warning', index: null, id: null, code: 'z_dropped', message: 'Heights (Z) were dropped: the map is 2-D.', fixed: true });
  // Overlaps between plots double-count land; between zones they are worth a look.
  // Only pairs whose boxes meet are compared (geodata's grid), convex pairs with a separating axis
  // share nothing, and at most IMPORT_LIMITS.overlapClips pairs are clipped.
  if (opts.layer !== 'context') {
    const level = opts.layer === 'plots' ? 'error' : 'warning';
    const areas = features.filter((f) => isArea(f.geometry as Geometry)) as (NormalisedFeature & { index: number; geometry: Area })[];
    const convex = areas.map((f): Ring | null => (f.geometry.type === 'Polygon' && f.geometry.coordinates.length === 1 ? convexRing(f.geometry.coordinates[0]!) : null));
    const found: { i: number; j: number; shared: number }[] = [];
    let clips = 0;
    const stop = new Error('overlap budget');
    try {
      candidatePairs(areas.map((f) => bbox(f.geometry)), (i, j) => {
        if (convex[i] && convex[j] && separatedConvex(convex[i]!, convex[j]!)) return;
        if (++clips > IMPORT_LIMITS.overlapClips) throw stop;
        const shared = overlapM2(areas[i]!.geometry, areas[j]!.geometry);
        if (shared > TOLERANCE_M2) found.push({ i, j, shared });
      });
    } catch (err) {
      if (err !== stop) throw err;
      issues.push({
        level, index: null, id: null, code: 'overlap',
        message: `Stopped looking for overlaps after ${IMPORT_LIMITS.overlapClips} pairs of ${opts.layer} whose extents meet (${found.length} overlaps found so far): the file has too many ${opts.layer} on top of each other to check.`,
      });
    }
    found.sort((p, q) => p.j - q.j || p.i - q.i);
    for (const { i, j, shared } of found) {
      const b = areas[j]!;
      issues.push({ level, index: b.index, id: b.id, code: 'overlap', message: `overlaps ${opts.layer === 'plots' ? 'plot' : 'zone'} ${areas[i]!.id} by ${Math.round(shared)} m²` });
      if (level === 'error') rejected.add(b.index);
    }
  }
  if (issues.omitted > 0) notes.push(`${issues.omitted} more issues are not listed: the report lists the first ${IMPORT_LIMITS.issuesListed}.`);

  const kept = features.filter((f) => !rejected.has(f.index)).map(({ index: _i, ...f }) => f as NormalisedFeature);
  return {
    layer: opts.layer,
    crs: { code: decision.crs.code, name: decision.crs.name, source: decision.source, detail: decision.detail },
    features: kept,
    issues: issues.items,
    counts: issues.counts,
    notes,
    rejected: [...rejected].sort((a, b) => a - b),
  };
}

export const toFeatureCollection = (features: NormalisedFeature[]) => ({ type: 'FeatureCollection' as const, features: features as Feature[] });
