/**
 * File readers: bytes in, features in the file's own coordinates out, with what the file says
 * about its CRS and text encoding. Each format is parsed by its library; nothing here writes.
 */
import { kml as kmlToGeoJson } from '@tmcw/togeojson';
import { DOMParser } from '@xmldom/xmldom';
import type { Feature, Geometry } from 'geojson';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import Papa from 'papaparse';
import * as shapefile from 'shapefile';
import initSqlJs from 'sql.js';
import wkx from 'wkx';
import { createRequire } from 'node:module';
import type { Reason } from '../../geodata/rules/reasons.ts';
import { crsFromGeoJsonMember, crsFromWkt, findCrs, type CrsInfo } from '../../geodata/crs/index.ts';
import { codePageLabel, decodeUnknown, isUtf8 } from './vn-encoding.ts';
import { csvFailure, jsonFailure, type LibraryFailure, sqliteFailure, zipFailure } from './library-causes.ts';
import { countAnyOf, countBytes, dbfFieldCount, geometryShape, IMPORT_LIMITS, importMaxBytes, inflateBounded, jsonShape, shpShape, zipEntriesAtMost } from './limits.ts';

import type { ImportFileErrorKind, ImportFormat } from '../../geodata/exchange.ts';
export type { ImportFormat };

import { ImportFileError } from './file-error.ts';
export { ImportFileError };

/** A library's failure, refused with its code and its own words kept apart. */
const libraryError = ({ reason, cause }: LibraryFailure, kind: ImportFileErrorKind = 'corrupt') => new ImportFileError(reason, kind, undefined, cause);

/** Where the CRS came from; `crs` null when the file says nothing. */
export type DeclaredCrs = { crs: CrsInfo | null; source: 'prj' | 'geojson-crs' | 'gpkg' | 'kml' | 'rfc7946' | 'csv' | 'none'; detail: Reason };

/** `geometryError`: why the reader could not take the feature's geometry (it is then null). */
export type RawFeature = { index: number; geometry: Geometry | null; properties: Record<string, unknown>; geometryError?: Reason };

export type RawLayer = {
  format: ImportFormat;
  layerName: string | null;
  features: RawFeature[];
  declared: DeclaredCrs;
  /** Text encoding of attribute values, when the format has one to choose. */
  encoding: string | null;
  notes: Reason[];
};

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const startsWith = (b: Uint8Array, s: string) => s.split('').every((ch, i) => b[i] === ch.charCodeAt(0));

/** The format, from the file name where it has a known extension, else from the first bytes. */
export async function detectFormat(bytes: Uint8Array, name: string | null): Promise<ImportFormat> {
  const e = name ? ext(name) : '';
  const byName: Record<string, ImportFormat> = { geojson: 'geojson', json: 'geojson', kml: 'kml', kmz: 'kmz', gpkg: 'gpkg', csv: 'csv', txt: 'csv', zip: 'shp' };
  if (['shp', 'shx', 'dbf', 'prj'].includes(e)) {
    throw new ImportFileError({ code: 'fileShpUnzipped' }, 'unsupported');
  }
  if (e && !byName[e] && name) {
    throw new ImportFileError({ code: 'fileUnsupportedType', params: { ext: e } }, 'unsupported');
  }
  if (startsWith(bytes, 'PK')) {
    const zip = await loadZip(bytes);
    const files = Object.keys(zip.files).map((f) => f.toLowerCase());
    if (files.some((f) => f.endsWith('.shp'))) return 'shp';
    if (files.some((f) => f.endsWith('.kml'))) return 'kmz';
    if (files.some((f) => f.endsWith('.gpkg'))) throw new ImportFileError({ code: 'fileZippedGpkg' }, 'unsupported');
    if (files.includes('[content_types].xml')) throw new ImportFileError({ code: 'fileOffice' }, 'unsupported');
    throw new ImportFileError(files.length ? { code: 'fileZipNoShp', params: { files: files.slice(0, 8).join(', ') } } : { code: 'fileZipEmpty' }, 'unsupported');
  }
  if (e === 'zip') throw new ImportFileError({ code: 'fileNotZip', params: { ext: 'zip' } }, 'corrupt');
  if (startsWith(bytes, 'SQLite format 3\0')) return 'gpkg';
  if (e === 'gpkg') throw new ImportFileError({ code: 'fileNotSqlite' }, 'corrupt');
  if (e === 'kmz') throw new ImportFileError({ code: 'fileNotZip', params: { ext: 'kmz' } }, 'corrupt');
  if (byName[e]) return byName[e]!;
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)))) return 'kml';
  if (bytes.subarray(0, 4096).includes(0)) throw new ImportFileError({ code: 'fileBinary' }, 'unsupported');
  return 'csv';
}

const textOf = (bytes: Uint8Array) => decodeUnknown(bytes);

function flattenGeometry(g: Geometry | null): Geometry | null {
  if (g?.type !== 'GeometryCollection') return g;
  const parts = g.geometries.map(flattenGeometry).filter((x): x is Geometry => !!x);
  if (parts.length === 1) return parts[0]!;
  if (parts.length && parts.every((p) => p.type === 'Polygon' || p.type === 'MultiPolygon')) {
    return { type: 'MultiPolygon', coordinates: parts.flatMap((p) => (p.type === 'Polygon' ? [p.coordinates] : p.type === 'MultiPolygon' ? p.coordinates : [])) };
  }
  if (parts.length && parts.every((p) => p.type === 'LineString')) {
    return { type: 'MultiLineString', coordinates: parts.map((p) => (p as GeoJSON.LineString).coordinates) };
  }
  return g;
}

const isRecord = (x: unknown): x is Record<string, unknown> => !!x && typeof x === 'object' && !Array.isArray(x);

function readGeoJson(bytes: Uint8Array): RawLayer {
  const shape = jsonShape(bytes, IMPORT_LIMITS.jsonDepth, IMPORT_LIMITS.jsonNodes);
  if (shape.depth > IMPORT_LIMITS.jsonDepth) throw new ImportFileError({ code: 'fileJsonDepth', params: { max: IMPORT_LIMITS.jsonDepth } }, 'corrupt');
  if (shape.nodes > IMPORT_LIMITS.jsonNodes) {
    throw new ImportFileError({ code: 'fileJsonNodes', params: { max: IMPORT_LIMITS.jsonNodes } }, 'too_large');
  }
  const { text, encoding } = textOf(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw libraryError(jsonFailure(err, text));
  }
  const obj = data as { type?: string; features?: unknown[]; crs?: unknown; geometry?: unknown; name?: unknown };
  let feats: Feature[];
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) feats = obj.features as Feature[];
  else if (obj?.type === 'Feature') feats = [obj as unknown as Feature];
  else throw new ImportFileError({ code: 'fileNotGeoJson' }, 'corrupt');
  const member = crsFromGeoJsonMember(obj.crs);
  const declared: DeclaredCrs = member
    ? { crs: member.crs, source: 'geojson-crs', detail: { code: 'crsMember', params: { name: member.name } } }
    : { crs: findCrs('EPSG:4326'), source: 'rfc7946', detail: { code: 'crsRfc7946' } };
  return {
    format: 'geojson',
    layerName: typeof obj.name === 'string' ? obj.name : null,
    features: feats.map((f, index) => ({
      index,
      geometry: (f?.geometry as Geometry) ?? null,
      properties: { ...(f?.id !== undefined && f?.id !== null ? { id: f.id } : {}), ...(isRecord(f?.properties) ? f.properties : {}) },
    })),
    declared,
    encoding,
    notes: member && !member.crs ? [{ code: 'importNoteUnknownCrsMember', params: { name: member.name } }] : [],
  };
}

function readKmlText(text: string, format: 'kml' | 'kmz'): RawLayer {
  const errors: string[] = [];
  let dom: ReturnType<DOMParser['parseFromString']>;
  try {
    dom = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  } catch (err) {
    // xmldom throws on fatal errors (unclosed or mismatched tags) after reporting them.
    errors.push((err as Error).message);
  }
  if (errors.length || !dom!.getElementsByTagName('kml').length && !dom!.getElementsByTagName('Document').length) {
    throw errors.length ? libraryError({ reason: { code: 'fileKmlNotXml' }, cause: String(errors[0]) }) : new ImportFileError({ code: 'fileNotKml' }, 'corrupt');
  }
  const fc = kmlToGeoJson(dom! as unknown as Document);
  return {
    format,
    layerName: dom!.getElementsByTagName('name')[0]?.textContent ?? null,
    features: fc.features.map((f, index) => {
      const { styleUrl: _s, ...props } = (f.properties ?? {}) as Record<string, unknown>;
      return { index, geometry: f.geometry as Geometry | null, properties: props };
    }),
    declared: { crs: findCrs('EPSG:4326'), source: 'kml', detail: { code: 'crsKml' } },
    encoding: 'utf8',
    notes: [],
  };
}

/** KML text, refused before the DOM is built when it has more tags than an import may hold. */
function readKmlBytes(bytes: Uint8Array, format: 'kml' | 'kmz'): RawLayer {
  if (countBytes(bytes, [0x3c], IMPORT_LIMITS.xmlTags) > IMPORT_LIMITS.xmlTags) {
    throw new ImportFileError({ code: 'fileKmlTags', params: { max: IMPORT_LIMITS.xmlTags } }, 'too_large');
  }
  return readKmlText(textOf(bytes).text, format);
}

async function readKmz(bytes: Uint8Array, maxBytes: number): Promise<RawLayer> {
  const zip = await loadZip(bytes);
  const names = Object.keys(zip.files).filter((n) => n.toLowerCase().endsWith('.kml'));
  const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (!main) throw new ImportFileError({ code: 'fileKmzNoKml' }, 'corrupt');
  const [kml] = await inflate(zip, [main], maxBytes);
  return readKmlBytes(kml!, 'kmz');
}

async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  // JSZip parses every central-directory entry up front: count them first.
  if (zipEntriesAtMost(bytes, IMPORT_LIMITS.zipEntries) > IMPORT_LIMITS.zipEntries) {
    throw new ImportFileError({ code: 'fileZipEntries', params: { max: IMPORT_LIMITS.zipEntries } }, 'too_large');
  }
  try {
    return await JSZip.loadAsync(bytes);
  } catch (err) {
    throw libraryError(zipFailure(err));
  }
}

/**
 * Entries of a zip, inflated with one budget: together at most maxBytes (IMPORT_MAX_BYTES), the
 * same limit as an upload, so a zip bomb is refused after inflating at most that much.
 */
async function inflate(zip: JSZip, names: (string | undefined)[], maxBytes: number): Promise<(Uint8Array | undefined)[]> {
  const budget = { left: maxBytes };
  const out: (Uint8Array | undefined)[] = [];
  for (const name of names) {
    if (name === undefined) {
      out.push(undefined);
      continue;
    }
    let bytes: Uint8Array | null;
    try {
      bytes = await inflateBounded(zip.file(name)!, budget);
    } catch (err) {
      throw libraryError({ reason: { code: 'fileZipEntryCorrupt', params: { name } }, cause: (err as Error).message });
    }
    if (!bytes) throw new ImportFileError({ code: 'fileZipUnpacksOver', params: { max: maxBytes } }, 'too_large');
    out.push(bytes);
  }
  return out;
}

/** Bytes read through the x-user-defined decoder come back as U+F780.. for 0x80..; undo that. */
const rawBytes = (s: string) => Uint8Array.from(s, (ch) => {
  const c = ch.charCodeAt(0);
  return c >= 0xf780 ? c - 0xf700 : c;
});

async function readShapefileZip(bytes: Uint8Array, preferred: string | null, hasCrsOption: boolean, maxBytes: number): Promise<RawLayer> {
  const zip = await loadZip(bytes);
  const shps = Object.keys(zip.files).filter((n) => n.toLowerCase().endsWith('.shp') && !n.startsWith('__MACOSX'));
  if (!shps.length) throw new ImportFileError({ code: 'fileZipOnlyMacosx' }, 'corrupt');
  let shpName = shps[0]!;
  if (shps.length > 1) {
    const match = shps.filter((n) => preferred && n.toLowerCase().replace(/^.*\//, '').startsWith(preferred));
    if (match.length !== 1) throw new ImportFileError({ code: 'fileZipManyShp', params: { n: shps.length, names: shps.join(', ') } }, 'ambiguous');
    shpName = match[0]!;
  }
  const base = shpName.slice(0, -4).toLowerCase();
  const sibling = (e: string) => Object.values(zip.files).find((f) => f.name.toLowerCase() === `${base}.${e}`)?.name;
  const [shp, dbf, prjBytes, cpgBytes] = await inflate(zip, [shpName, sibling('dbf'), sibling('prj'), sibling('cpg')], maxBytes);
  const prj = prjBytes && new TextDecoder().decode(prjBytes);
  const cpg = cpgBytes && new TextDecoder().decode(cpgBytes);
  // The record headers and the .dbf header say how much the shapefile library would build.
  const shape = shpShape(shp!);
  if ('corrupt' in shape) throw new ImportFileError({ code: 'fileShpDamaged' }, 'corrupt', shape.corrupt);
  const fields = dbf ? dbfFieldCount(dbf) : 0;
  // The first limit the Shapefile passes names the refusal.
  const over = (
    [
      ['fileShpShapes', shape.records, IMPORT_LIMITS.features],
      ['fileShpPoints', shape.points, IMPORT_LIMITS.positions],
      ['fileShpParts', shape.maxParts, IMPORT_LIMITS.parts],
      ['fileShpFields', fields, IMPORT_LIMITS.columns],
      ['fileShpValues', shape.records * fields, IMPORT_LIMITS.cells],
    ] as const
  ).find(([, n, max]) => n > max);
  if (over) throw new ImportFileError({ code: over[0], params: { n: over[1], max: over[2] } }, 'too_large');
  const notes: Reason[] = [];
  let declared: DeclaredCrs;
  if (prj) {
    const m = crsFromWkt(prj);
    declared = { crs: m.crs, source: 'prj', detail: m.crs ? { code: 'crsPrj', params: { name: m.name ?? m.crs.name } } : { code: 'crsPrjUnknown', params: { name: m.name ?? prj.slice(0, 60) } } };
  } else {
    if (!hasCrsOption) throw new ImportFileError({ code: 'fileShpNoPrj' }, 'no_crs');
    declared = { crs: null, source: 'none', detail: { code: 'crsNoPrj' } };
  }
  if (!dbf) notes.push({ code: 'importNoteNoDbf' });
  let collection: GeoJSON.FeatureCollection;
  try {
    collection = await shapefile.read(shp!, dbf, { encoding: 'x-user-defined' });
  } catch (err) {
    throw libraryError({ reason: { code: 'fileShpUnreadable' }, cause: (err as Error).message });
  }
  // Attribute bytes: the .cpg's code page, else UTF-8 when every value is valid UTF-8, else Windows-1258/1252 by score.
  const strings = collection.features.flatMap((f) => Object.values(f.properties ?? {}).filter((v): v is string => typeof v === 'string'));
  const all = rawBytes(strings.join('\n'));
  let encoding: string;
  if (cpg && codePageLabel(cpg)) encoding = codePageLabel(cpg)!;
  else {
    if (cpg) notes.push({ code: 'importNoteUnknownCpg', params: { cpg: cpg.trim() } });
    encoding = isUtf8(all) ? 'utf8' : decodeUnknown(all).encoding;
    if (!cpg) notes.push({ code: 'importNoteNoCpg', params: { encoding } });
  }
  const decode = (s: string) => iconv.decode(Buffer.from(rawBytes(s)), encoding).normalize('NFC');
  return {
    format: 'shp',
    layerName: shpName.replace(/^.*\//, '').slice(0, -4),
    features: collection.features.map((f, index) => ({
      index,
      geometry: f.geometry as Geometry | null,
      properties: Object.fromEntries(Object.entries(f.properties ?? {}).map(([k, v]) => [decode(k), typeof v === 'string' ? decode(v) : v])),
    })),
    declared,
    encoding,
    notes,
  };
}

const require = createRequire(import.meta.url);
let sqlJs: ReturnType<typeof initSqlJs> | null = null;
/** sql.js (SQLite compiled to WebAssembly), loaded once from its package. */
export const loadSqlJs = () => (sqlJs ??= initSqlJs({ locateFile: (f: string) => require.resolve(`sql.js/dist/${f}`) }));

/** GeoPackage geometry blob (GPKG spec §2.1.3): "GP", version, flags, srs_id, envelope, then WKB. */
export function gpkgBlobToGeometry(blob: Uint8Array): Geometry | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('geometry blob without the GP magic');
  const flags = blob[3]!;
  if (flags & 0x10) throw new Error('extended GeoPackage geometry is not supported');
  if (flags & 0x20) return null;
  const envelope = [0, 32, 48, 48, 64][(flags >> 1) & 7] ?? 0;
  const wkb = Buffer.from(blob.buffer, blob.byteOffset + 8 + envelope, blob.byteLength - 8 - envelope);
  return wkx.Geometry.parse(wkb).toGeoJSON() as Geometry;
}

async function readGeoPackage(bytes: Uint8Array, preferred: string | null): Promise<RawLayer> {
  try {
    return await readGeoPackageTables(bytes, preferred);
  } catch (err) {
    if (err instanceof ImportFileError) throw err;
    // SQLite finds damage only when it reaches the page: "database disk image is malformed".
    throw libraryError(sqliteFailure(err, false));
  }
}

/**
 * Only plain tables are read: a view or a generated column is SQL the file brings along, and
 * SQL can loop for ever (WITH RECURSIVE) or allocate a gigabyte (zeroblob) inside sql.js, where
 * nothing can interrupt it.
 */
function plainTable(db: { exec(sql: string, params?: (string | number)[]): { values: unknown[][] }[] }, table: string): Reason | null {
  const kind = db.exec("SELECT type, sql FROM sqlite_master WHERE name = ? COLLATE NOCASE AND type IN ('table', 'view')", [table])[0]?.values[0];
  if (!kind) return { code: 'gpkgNoTable', params: { table } };
  if (kind[0] === 'view') return { code: 'gpkgView', params: { table } };
  if (kind[0] !== 'table' || /^\s*create\s+virtual/i.test(String(kind[1] ?? ''))) return { code: 'gpkgVirtual', params: { table } };
  const cols = db.exec(`PRAGMA table_xinfo("${table.replace(/"/g, '""')}")`)[0]?.values ?? [];
  if (cols.some((c) => Number(c[6]) !== 0)) return { code: 'gpkgHiddenColumns', params: { table } };
  if (cols.length > IMPORT_LIMITS.columns) return { code: 'gpkgColumns', params: { table, n: cols.length, max: IMPORT_LIMITS.columns } };
  return null;
}

async function readGeoPackageTables(bytes: Uint8Array, preferred: string | null): Promise<RawLayer> {
  const SQL = await loadSqlJs();
  let db: InstanceType<typeof SQL.Database>;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (err) {
    throw libraryError(sqliteFailure(err, true));
  }
  try {
    const rows = (sql: string, params: (string | number)[] = []) => {
      const st = db.prepare(sql);
      st.bind(params);
      const out: Record<string, unknown>[] = [];
      while (st.step()) out.push(st.getAsObject() as Record<string, unknown>);
      st.free();
      return out;
    };
    let tables: Record<string, unknown>[];
    for (const t of ['gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys']) {
      const problem = plainTable(db, t);
      if (problem?.code === 'gpkgNoTable') throw new ImportFileError({ code: 'fileNotGpkg' }, 'corrupt');
      if (problem) throw new ImportFileError({ code: 'fileGpkgUnsafe' }, 'unsupported', problem);
    }
    try {
      tables = rows(`SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'`);
    } catch {
      throw new ImportFileError({ code: 'fileNotGpkg' }, 'corrupt');
    }
    if (!tables.length) throw new ImportFileError({ code: 'fileGpkgNoTable' }, 'no_features');
    let t = tables[0]!;
    if (tables.length > 1) {
      const match = tables.filter((x) => preferred && String(x.table_name).toLowerCase().startsWith(preferred));
      if (match.length !== 1) throw new ImportFileError({ code: 'fileGpkgManyTables', params: { n: tables.length, names: tables.map((x) => x.table_name).join(', ') } }, 'ambiguous');
      t = match[0]!;
    }
    const srs = rows('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [Number(t.srs_id)])[0];
    let declared: DeclaredCrs = { crs: null, source: 'gpkg', detail: { code: 'crsGpkgUndescribed', params: { srs: String(t.srs_id) } } };
    if (srs) {
      const byId = String(srs.organization).toUpperCase() === 'EPSG' ? findCrs(Number(srs.organization_coordsys_id)) : null;
      const m = byId ? null : crsFromWkt(String(srs.definition ?? ''));
      const crs = byId ?? m?.crs ?? null;
      declared = { crs, source: 'gpkg', detail: { code: crs ? 'crsGpkg' : 'crsGpkgUnknown', params: { srs: `${srs.organization}:${srs.organization_coordsys_id}` } } };
    }
    const table = String(t.table_name);
    const geomCol = String(t.column_name);
    const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
    const problem = plainTable(db, table);
    if (problem) throw (problem.code === 'gpkgNoTable' ? new ImportFileError({ code: 'fileGpkgLayerBroken' }, 'corrupt', problem) : new ImportFileError({ code: 'fileGpkgLayerUnsafe' }, 'unsupported', problem));
    const count = Number(rows(`SELECT count(*) AS n FROM ${quoted(table)}`)[0]?.n ?? 0);
    const columns = Object.keys(rows(`SELECT * FROM ${quoted(table)} LIMIT 1`)[0] ?? {}).length;
    if (count > IMPORT_LIMITS.features || count * columns > IMPORT_LIMITS.cells) {
      throw new ImportFileError({ code: 'fileGpkgTooBig', params: { table, n: count, columns, max: IMPORT_LIMITS.features, cells: IMPORT_LIMITS.cells } }, 'too_large');
    }
    const features = rows(`SELECT * FROM ${quoted(table)}`).map((r, index) => {
      const { [geomCol]: blob, fid: _fid, ...props } = r;
      let geometry: Geometry | null = null;
      try {
        geometry = blob instanceof Uint8Array ? gpkgBlobToGeometry(blob) : null;
      } catch {
        geometry = null;
      }
      return { index, geometry, properties: props };
    });
    return { format: 'gpkg' as const, layerName: table, features, declared, encoding: 'utf8', notes: [] };
  } finally {
    db.close();
  }
}

const LON = /^(lon|lng|long|longitude|kinh_?do|x_?lon)$/i;
const LAT = /^(lat|latitude|vi_?do|y_?lat)$/i;
const X = /^(x|easting|east|toa_?do_?x|x_?m)$/i;
const Y = /^(y|northing|north|toa_?do_?y|y_?m)$/i;
const WKT = /^(wkt|geometry|geom|the_geom|shape)$/i;

/** Separators papaparse may pick, and line ends: every cell ends at one of them. */
const CSV_BREAKS = [0x2c, 0x3b, 0x09, 0x7c, 0x0a, 0x0d];

function readCsv(bytes: Uint8Array): RawLayer {
  // Each separator or line end may start a cell (papaparse builds them all): bounded before parsing.
  // WKT coordinates bring their own commas, hence the allowance for positions.
  const breaks = IMPORT_LIMITS.cells + 2 * IMPORT_LIMITS.positions;
  if (countAnyOf(bytes, CSV_BREAKS, breaks) > breaks) {
    throw new ImportFileError({ code: 'fileCsvBreaks', params: { max: breaks } }, 'too_large');
  }
  // papaparse splits the whole text into lines before it counts rows (allow for line breaks inside
  // quoted notes), and each doubled quote inside a quoted cell costs it about 200 bytes and 0.5 µs.
  const lines = 10 * IMPORT_LIMITS.features;
  if (countBytes(bytes, [0x0a], lines) > lines) throw new ImportFileError({ code: 'fileCsvLines', params: { n: lines, max: IMPORT_LIMITS.features } }, 'too_large');
  const quotes = 20 * IMPORT_LIMITS.features;
  if (countBytes(bytes, [0x22], quotes) > quotes) throw new ImportFileError({ code: 'fileCsvQuotes', params: { n: quotes, max: IMPORT_LIMITS.features } }, 'too_large');
  const { text, encoding } = textOf(bytes);
  // The header first (from at most 1 MB): the columns bound what every row object costs.
  const header = Papa.parse<string[]>(text.slice(0, 1 << 20).replace(/^\uFEFF/, ''), { preview: 1 }).data[0] ?? [];
  if (header.length > IMPORT_LIMITS.columns) throw new ImportFileError({ code: 'fileCsvColumns', params: { n: header.length, max: IMPORT_LIMITS.columns } }, 'too_large');
  const maxRows = Math.min(IMPORT_LIMITS.features, Math.floor(IMPORT_LIMITS.cells / Math.max(1, header.length)));
  // A quote before = + - @ is the export's guard against formula injection (server/export): take one off.
  const unguard = (v: string) => (/^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim(), transform: unguard, preview: maxRows + 1 });
  if (parsed.data.length > maxRows) throw new ImportFileError({ code: 'fileCsvRows', params: { max: maxRows, columns: header.length } }, 'too_large');
  const fatal = parsed.errors.find((e) => e.type === 'Delimiter' || e.code === 'MissingQuotes');
  if (fatal && !parsed.data.length) throw libraryError(csvFailure(fatal));
  const fields = parsed.meta.fields ?? [];
  const wkt = fields.find((f) => WKT.test(f));
  const lon = fields.find((f) => LON.test(f));
  const lat = fields.find((f) => LAT.test(f));
  const x = fields.find((f) => X.test(f));
  const y = fields.find((f) => Y.test(f));
  const pair = lon && lat ? [lon, lat] : x && y ? [x, y] : null;
  if (!wkt && !pair) {
    throw new ImportFileError(fields.length ? { code: 'fileCsvNoGeometry', params: { columns: fields.join(', ') } } : { code: 'fileCsvNoColumns' }, 'corrupt');
  }
  const used = new Set([wkt, ...(pair ?? [])]);
  const features = parsed.data.map((row, index): RawFeature => {
    let geometry: Geometry | null = null;
    let geometryError: Reason | undefined;
    const props = Object.fromEntries(Object.entries(row).filter(([k]) => !used.has(k) && k !== '__parsed_extra'));
    if (wkt && row[wkt]?.trim()) {
      try {
        geometry = wkx.Geometry.parse(row[wkt]!.trim()).toGeoJSON() as Geometry;
      } catch {
        geometryError = { code: 'importNotWkt', params: { column: wkt } };
      }
    } else if (pair) {
      const a = Number(String(row[pair[0]!] ?? '').replace(',', '.'));
      const b = Number(String(row[pair[1]!] ?? '').replace(',', '.'));
      if (Number.isFinite(a) && Number.isFinite(b) && row[pair[0]!] !== '' && row[pair[1]!] !== '') geometry = { type: 'Point', coordinates: [a, b] };
    }
    return { index, geometry, properties: props, ...(geometryError ? { geometryError } : {}) };
  });
  const declared: DeclaredCrs = pair && !wkt && pair[0] === lon
    ? { crs: findCrs('EPSG:4326'), source: 'csv', detail: { code: 'crsCsvLonLat', params: { columns: `${lon}/${lat}` } } }
    : { crs: null, source: 'csv', detail: wkt ? { code: 'crsCsvWkt', params: { column: wkt } } : { code: 'crsCsvXY', params: { columns: `${x}/${y}` } } };
  return { format: 'csv', layerName: null, features, declared, encoding, notes: wkt ? [] : [{ code: 'importNotePointsFromColumns', params: { columns: pair!.join('/') } }] };
}

export async function readLayerFile(bytes: Uint8Array, name: string | null, opts: { layer: string; hasCrsOption: boolean; maxBytes?: number }): Promise<RawLayer> {
  if (!bytes.length || (bytes.length < 1024 && !new TextDecoder().decode(bytes).trim())) throw new ImportFileError({ code: 'fileEmpty' }, 'empty');
  const maxBytes = opts.maxBytes ?? importMaxBytes();
  const format = await detectFormat(bytes, name);
  const layer =
    format === 'geojson' ? readGeoJson(bytes)
    : format === 'kml' ? readKmlBytes(bytes, 'kml')
    : format === 'kmz' ? await readKmz(bytes, maxBytes)
    : format === 'shp' ? await readShapefileZip(bytes, opts.layer, opts.hasCrsOption, maxBytes)
    : format === 'gpkg' ? await readGeoPackage(bytes, opts.layer)
    : readCsv(bytes);
  if (!layer.features.length) throw new ImportFileError({ code: 'fileNoFeatures' }, 'no_features');
  if (layer.features.length > IMPORT_LIMITS.features) {
    throw new ImportFileError({ code: 'fileFeatures', params: { n: layer.features.length, max: IMPORT_LIMITS.features } }, 'too_large');
  }
  // Every geometry is checked for shape before the engine walks it: a malformed one is that feature's error.
  let positions = 0;
  for (const f of layer.features) {
    if (f.geometry === null || f.geometry === undefined) continue;
    const shape = geometryShape(f.geometry);
    positions += shape.positions;
    const problem: Reason | null = shape.problem ?? (shape.parts > IMPORT_LIMITS.parts ? { code: 'importTooManyParts', params: { n: shape.parts, max: IMPORT_LIMITS.parts } } : null);
    if (problem) {
      f.geometry = null;
      f.geometryError = problem;
    } else f.geometry = flattenGeometry(f.geometry);
  }
  if (positions > IMPORT_LIMITS.positions) {
    throw new ImportFileError({ code: 'filePositions', params: { n: positions, max: IMPORT_LIMITS.positions } }, 'too_large');
  }
  return layer;
}
