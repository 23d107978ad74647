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
import { crsFromGeoJsonMember, crsFromWkt, findCrs, type CrsInfo } from '../../geodata/crs/index.ts';
import { codePageLabel, decodeUnknown, isUtf8 } from './vn-encoding.ts';

import { IMPORT_FORMATS, type ImportFileErrorKind, type ImportFormat } from '../../geodata/exchange.ts';

export const FORMATS = IMPORT_FORMATS;
export type { ImportFormat };

/** A file that cannot be read at all: the import stops before anything is checked or written. */
export class ImportFileError extends Error {
  constructor(
    message: string,
    readonly kind: ImportFileErrorKind,
  ) {
    super(message);
  }
}

/** Where the CRS came from; `crs` null when the file says nothing. */
export type DeclaredCrs = { crs: CrsInfo | null; source: 'prj' | 'geojson-crs' | 'gpkg' | 'kml' | 'rfc7946' | 'csv' | 'none'; detail: string };

export type RawFeature = { index: number; geometry: Geometry | null; properties: Record<string, unknown> };

export type RawLayer = {
  format: ImportFormat;
  layerName: string | null;
  features: RawFeature[];
  declared: DeclaredCrs;
  /** Text encoding of attribute values, when the format has one to choose. */
  encoding: string | null;
  notes: string[];
};

const ext = (name: string) => /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase() ?? '';
const startsWith = (b: Uint8Array, s: string) => s.split('').every((ch, i) => b[i] === ch.charCodeAt(0));

/** The format, from the file name where it has a known extension, else from the first bytes. */
export async function detectFormat(bytes: Uint8Array, name: string | null): Promise<ImportFormat> {
  const e = name ? ext(name) : '';
  const byName: Record<string, ImportFormat> = { geojson: 'geojson', json: 'geojson', kml: 'kml', kmz: 'kmz', gpkg: 'gpkg', csv: 'csv', txt: 'csv', zip: 'shp' };
  if (['shp', 'shx', 'dbf', 'prj'].includes(e)) {
    throw new ImportFileError('A Shapefile is several files: zip the .shp, .shx, .dbf, .prj (and .cpg) together and import the .zip.', 'unsupported');
  }
  if (e && !byName[e] && name) {
    throw new ImportFileError(`Unsupported file type ".${e}". Supported: GeoJSON, KML, KMZ, zipped Shapefile, GeoPackage, CSV.`, 'unsupported');
  }
  if (startsWith(bytes, 'PK')) {
    let zip: JSZip;
    try {
      zip = await JSZip.loadAsync(bytes);
    } catch (err) {
      throw new ImportFileError(`The zip file is corrupt or incomplete (${(err as Error).message}).`, 'corrupt');
    }
    const files = Object.keys(zip.files).map((f) => f.toLowerCase());
    if (files.some((f) => f.endsWith('.shp'))) return 'shp';
    if (files.some((f) => f.endsWith('.kml'))) return 'kmz';
    if (files.some((f) => f.endsWith('.gpkg'))) throw new ImportFileError('Import the .gpkg file itself, not zipped.', 'unsupported');
    if (files.includes('[content_types].xml')) throw new ImportFileError('This is an Office document (e.g. Excel): save the sheet as CSV and import that.', 'unsupported');
    throw new ImportFileError(`The zip holds no .shp or .kml file (found: ${files.slice(0, 8).join(', ') || 'nothing'}).`, 'unsupported');
  }
  if (e === 'zip') throw new ImportFileError('The file is named .zip but is not a zip archive.', 'corrupt');
  if (startsWith(bytes, 'SQLite format 3\0')) return 'gpkg';
  if (e === 'gpkg') throw new ImportFileError('The file is named .gpkg but is not a SQLite database.', 'corrupt');
  if (e === 'kmz') throw new ImportFileError('The file is named .kmz but is not a zip archive.', 'corrupt');
  if (byName[e]) return byName[e]!;
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('{') || head.startsWith('[')) return 'geojson';
  if (head.startsWith('<') && /<kml[\s>]/i.test(new TextDecoder().decode(bytes.subarray(0, 4096)))) return 'kml';
  if (bytes.subarray(0, 4096).includes(0)) throw new ImportFileError('Unsupported binary file. Supported: GeoJSON, KML, KMZ, zipped Shapefile, GeoPackage, CSV.', 'unsupported');
  return 'csv';
}

const textOf = (bytes: Uint8Array) => decodeUnknown(bytes);

function flattenGeometry(g: Geometry | null): Geometry | null {
  if (!g || g.type !== 'GeometryCollection') return g;
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

function readGeoJson(bytes: Uint8Array): RawLayer {
  const { text, encoding } = textOf(bytes);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new ImportFileError(`Not valid JSON: ${(err as Error).message}`, 'corrupt');
  }
  const obj = data as { type?: string; features?: unknown[]; crs?: unknown; geometry?: unknown; name?: unknown };
  let feats: Feature[];
  if (obj?.type === 'FeatureCollection' && Array.isArray(obj.features)) feats = obj.features as Feature[];
  else if (obj?.type === 'Feature') feats = [obj as unknown as Feature];
  else throw new ImportFileError('Not a GeoJSON FeatureCollection or Feature.', 'corrupt');
  const member = crsFromGeoJsonMember(obj.crs);
  const declared: DeclaredCrs = member
    ? { crs: member.crs, source: 'geojson-crs', detail: `crs member "${member.name}"` }
    : { crs: findCrs('EPSG:4326'), source: 'rfc7946', detail: 'no crs member: WGS 84 longitude/latitude (RFC 7946)' };
  return {
    format: 'geojson',
    layerName: typeof obj.name === 'string' ? obj.name : null,
    features: feats.map((f, index) => ({
      index,
      geometry: flattenGeometry((f?.geometry as Geometry) ?? null),
      properties: { ...(f?.id !== undefined && f?.id !== null ? { id: f.id } : {}), ...((f?.properties as Record<string, unknown>) ?? {}) },
    })),
    declared,
    encoding,
    notes: member && !member.crs ? [`unknown crs member "${member.name}"`] : [],
  };
}

function readKmlText(text: string, format: 'kml' | 'kmz'): RawLayer {
  const errors: string[] = [];
  const dom = new DOMParser({ onError: (level, msg) => void (level !== 'warning' && errors.push(msg)) }).parseFromString(text, 'text/xml');
  if (errors.length || !dom.getElementsByTagName('kml').length && !dom.getElementsByTagName('Document').length) {
    throw new ImportFileError(`Not a readable KML document${errors.length ? `: ${errors[0]}` : ''}.`, 'corrupt');
  }
  const fc = kmlToGeoJson(dom as unknown as Document);
  return {
    format,
    layerName: dom.getElementsByTagName('name')[0]?.textContent ?? null,
    features: fc.features.map((f, index) => {
      const { styleUrl: _s, ...props } = (f.properties ?? {}) as Record<string, unknown>;
      return { index, geometry: flattenGeometry(f.geometry as Geometry | null), properties: props };
    }),
    declared: { crs: findCrs('EPSG:4326'), source: 'kml', detail: 'KML is always WGS 84' },
    encoding: 'utf8',
    notes: [],
  };
}

async function readKmz(bytes: Uint8Array): Promise<RawLayer> {
  const zip = await loadZip(bytes);
  const names = Object.keys(zip.files).filter((n) => n.toLowerCase().endsWith('.kml'));
  const main = names.find((n) => n.toLowerCase() === 'doc.kml') ?? names[0];
  if (!main) throw new ImportFileError('The KMZ holds no .kml file.', 'corrupt');
  return readKmlText(textOf(await zip.file(main)!.async('uint8array')).text, 'kmz');
}

async function loadZip(bytes: Uint8Array): Promise<JSZip> {
  try {
    return await JSZip.loadAsync(bytes);
  } catch (err) {
    throw new ImportFileError(`The zip file is corrupt or incomplete (${(err as Error).message}).`, 'corrupt');
  }
}

/** Bytes read through the x-user-defined decoder come back as U+F780.. for 0x80..; undo that. */
const rawBytes = (s: string) => Uint8Array.from(s, (ch) => {
  const c = ch.charCodeAt(0);
  return c >= 0xf780 ? c - 0xf700 : c;
});

async function readShapefileZip(bytes: Uint8Array, preferred: string | null, hasCrsOption: boolean): Promise<RawLayer> {
  const zip = await loadZip(bytes);
  const shps = Object.keys(zip.files).filter((n) => n.toLowerCase().endsWith('.shp') && !n.startsWith('__MACOSX'));
  let shpName = shps[0]!;
  if (shps.length > 1) {
    const match = shps.filter((n) => preferred && n.toLowerCase().replace(/^.*\//, '').startsWith(preferred));
    if (match.length !== 1) throw new ImportFileError(`The zip holds ${shps.length} Shapefiles (${shps.join(', ')}): import one at a time.`, 'ambiguous');
    shpName = match[0]!;
  }
  const base = shpName.slice(0, -4).toLowerCase();
  const sibling = (e: string) => Object.values(zip.files).find((f) => f.name.toLowerCase() === `${base}.${e}`);
  const [shp, dbf, prj, cpg] = await Promise.all([
    zip.file(shpName)!.async('uint8array'),
    sibling('dbf')?.async('uint8array'),
    sibling('prj')?.async('string'),
    sibling('cpg')?.async('string'),
  ]);
  const notes: string[] = [];
  let declared: DeclaredCrs;
  if (prj) {
    const m = crsFromWkt(prj);
    declared = { crs: m.crs, source: 'prj', detail: m.crs ? `.prj "${m.name}" recognised by ${m.reason}` : `.prj "${m.name ?? prj.slice(0, 60)}" not recognised (${m.reason})` };
  } else {
    if (!hasCrsOption) throw new ImportFileError('The Shapefile has no .prj, so its coordinate system is unknown: add the .prj to the zip or say the CRS (--crs / crs=EPSG:NNNN; Bắc Kạn\'s VN-2000 zone is EPSG:9213).', 'no_crs');
    declared = { crs: null, source: 'none', detail: 'no .prj' };
  }
  if (!dbf) notes.push('no .dbf: features have no attributes');
  let collection: GeoJSON.FeatureCollection;
  try {
    collection = await shapefile.read(shp, dbf, { encoding: 'x-user-defined' });
  } catch (err) {
    throw new ImportFileError(`The Shapefile could not be read (${(err as Error).message}).`, 'corrupt');
  }
  // Attribute bytes: the .cpg's code page, else UTF-8 when every value is valid UTF-8, else Windows-1258/1252 by score.
  const strings = collection.features.flatMap((f) => Object.values(f.properties ?? {}).filter((v): v is string => typeof v === 'string'));
  const all = rawBytes(strings.join('\n'));
  let encoding: string;
  if (cpg && codePageLabel(cpg)) encoding = codePageLabel(cpg)!;
  else {
    if (cpg) notes.push(`.cpg "${cpg.trim()}" is not a code page we know; guessed the encoding instead`);
    encoding = isUtf8(all) ? 'utf8' : decodeUnknown(all).encoding;
    if (!cpg) notes.push(`no .cpg: attributes read as ${encoding}`);
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
  const SQL = await loadSqlJs();
  let db;
  try {
    db = new SQL.Database(bytes);
    db.exec('SELECT count(*) FROM sqlite_master');
  } catch (err) {
    throw new ImportFileError(`The GeoPackage could not be opened (${(err as Error).message}).`, 'corrupt');
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
    try {
      tables = rows(`SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c JOIN gpkg_geometry_columns g ON g.table_name = c.table_name WHERE c.data_type = 'features'`);
    } catch {
      throw new ImportFileError('This SQLite file is not a GeoPackage (no gpkg_contents / gpkg_geometry_columns).', 'corrupt');
    }
    if (!tables.length) throw new ImportFileError('The GeoPackage has no feature table.', 'no_features');
    let t = tables[0]!;
    if (tables.length > 1) {
      const match = tables.filter((x) => preferred && String(x.table_name).toLowerCase().startsWith(preferred));
      if (match.length !== 1) throw new ImportFileError(`The GeoPackage has ${tables.length} feature tables (${tables.map((x) => x.table_name).join(', ')}): name one after the layer you import.`, 'ambiguous');
      t = match[0]!;
    }
    const srs = rows('SELECT organization, organization_coordsys_id, definition FROM gpkg_spatial_ref_sys WHERE srs_id = ?', [Number(t.srs_id)])[0];
    let declared: DeclaredCrs = { crs: null, source: 'gpkg', detail: `srs_id ${t.srs_id} not described` };
    if (srs) {
      const byId = String(srs.organization).toUpperCase() === 'EPSG' ? findCrs(Number(srs.organization_coordsys_id)) : null;
      const m = byId ? null : crsFromWkt(String(srs.definition ?? ''));
      const crs = byId ?? m?.crs ?? null;
      declared = { crs, source: 'gpkg', detail: crs ? `srs ${srs.organization}:${srs.organization_coordsys_id} (${crs.name})` : `srs ${srs.organization}:${srs.organization_coordsys_id} not recognised` };
    }
    const table = String(t.table_name);
    const geomCol = String(t.column_name);
    const quoted = (s: string) => `"${s.replace(/"/g, '""')}"`;
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

function readCsv(bytes: Uint8Array): RawLayer {
  const { text, encoding } = textOf(bytes);
  // A quote before = + - @ is the export's guard against formula injection (server/export): take one off.
  const unguard = (v: string) => (/^'+[=+\-@\t\r]/.test(v) ? v.slice(1) : v);
  const parsed = Papa.parse<Record<string, string>>(text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: 'greedy', transformHeader: (h) => h.trim(), transform: unguard });
  const fatal = parsed.errors.find((e) => e.type === 'Delimiter' || e.code === 'MissingQuotes');
  if (fatal && !parsed.data.length) throw new ImportFileError(`The CSV could not be read: ${fatal.message}.`, 'corrupt');
  const fields = parsed.meta.fields ?? [];
  const wkt = fields.find((f) => WKT.test(f));
  const lon = fields.find((f) => LON.test(f));
  const lat = fields.find((f) => LAT.test(f));
  const x = fields.find((f) => X.test(f));
  const y = fields.find((f) => Y.test(f));
  const pair = lon && lat ? [lon, lat] : x && y ? [x, y] : null;
  if (!wkt && !pair) {
    throw new ImportFileError(`The CSV needs a WKT geometry column or lon/lat (or X/Y) columns; its columns are: ${fields.join(', ') || 'none'}.`, 'corrupt');
  }
  const used = new Set([wkt, ...(pair ?? [])]);
  const features = parsed.data.map((row, index): RawFeature => {
    let geometry: Geometry | null = null;
    const props = Object.fromEntries(Object.entries(row).filter(([k]) => !used.has(k) && k !== '__parsed_extra'));
    if (wkt && row[wkt]?.trim()) {
      try {
        geometry = wkx.Geometry.parse(row[wkt]!.trim()).toGeoJSON() as Geometry;
      } catch {
        props.__geometryError = `column ${wkt}: not WKT`;
      }
    } else if (pair) {
      const a = Number(String(row[pair[0]!] ?? '').replace(',', '.'));
      const b = Number(String(row[pair[1]!] ?? '').replace(',', '.'));
      if (Number.isFinite(a) && Number.isFinite(b) && row[pair[0]!] !== '' && row[pair[1]!] !== '') geometry = { type: 'Point', coordinates: [a, b] };
    }
    return { index, geometry, properties: props };
  });
  const declared: DeclaredCrs = pair && !wkt && pair[0] === lon
    ? { crs: findCrs('EPSG:4326'), source: 'csv', detail: `columns ${lon}/${lat}: WGS 84 degrees` }
    : { crs: null, source: 'csv', detail: wkt ? `geometry from column ${wkt}; a CSV does not say its CRS` : `columns ${x}/${y}; a CSV does not say its CRS` };
  return { format: 'csv', layerName: null, features, declared, encoding, notes: wkt ? [] : [`points from columns ${pair!.join('/')}`] };
}

export async function readLayerFile(bytes: Uint8Array, name: string | null, opts: { layer: string; hasCrsOption: boolean }): Promise<RawLayer> {
  if (!bytes.length || (bytes.length < 1024 && !new TextDecoder().decode(bytes).trim())) throw new ImportFileError('The file is empty.', 'empty');
  const format = await detectFormat(bytes, name);
  const layer =
    format === 'geojson' ? readGeoJson(bytes)
    : format === 'kml' ? readKmlText(textOf(bytes).text, 'kml')
    : format === 'kmz' ? await readKmz(bytes)
    : format === 'shp' ? await readShapefileZip(bytes, opts.layer, opts.hasCrsOption)
    : format === 'gpkg' ? await readGeoPackage(bytes, opts.layer)
    : readCsv(bytes);
  if (!layer.features.length) throw new ImportFileError('The file holds no features.', 'no_features');
  return layer;
}
