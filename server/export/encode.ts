/**
 * Export of zones, plots or context as GeoJSON, CSV, KML, GeoPackage or zipped Shapefile, in
 * WGS 84 or VN-2000 / TM-3 (any system of geodata/crs). Every export carries its as-of date
 * (the latest change to a zone or plot) and the sources its features cite:
 *   GeoJSON  foreign members `asOf`, `sources` (full records) and `query`;
 *   CSV      columns as_of and sources (source ids; one file, so no side file);
 *   KML      the same ExtendedData columns, plus the folder description listing the sources;
 *   GPKG     the same columns, plus an `iz_sources` attribute table (id, title, publisher, url, date);
 *   SHP      the same columns, plus sources.csv and README.txt in the zip.
 *
 * This file encodes (no database): ./index.ts reads the features, ./worker.ts runs this off the main thread.
 */
import { foldersToKML } from '@placemarkio/tokml';
import type { FeatureCollection, Geometry, Position } from 'geojson';
import JSZip from 'jszip';
import Papa from 'papaparse';
import shpwrite from '@mapbox/shp-write';
import wkx from 'wkx';
import { findCrs, fromWgs84, wkt1, type CrsInfo } from '../../geodata/crs/index.ts';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { Source } from '../../geodata/schema.ts';
import type { Layer } from '../import/attributes.ts';
import { DBF_NAMES, EXPORT_COLUMNS, PLOT_COLUMNS, ZONE_COLUMNS } from '../../geodata/flat.ts';
import { loadSqlJs } from '../import/readers.ts';

import { EXPORT_FORMATS, type ExportFormat } from '../../geodata/exchange.ts';

export { EXPORT_FORMATS, type ExportFormat };

import { type AnyFeature, citedSources, ExportError, type ExportFile, type ExportInput, type ExportQuery } from './request.ts';

const round = (n: number, d: number) => Math.round(n * 10 ** d) / 10 ** d;

function reproject(g: Geometry, crs: CrsInfo): Geometry {
  const t = fromWgs84(crs);
  const d = crs.kind === 'geographic' ? 7 : 3;
  const f = (p: Position): Position => t(p).map((n) => round(n, d));
  switch (g.type) {
    case 'Point': return { type: 'Point', coordinates: f(g.coordinates) };
    case 'LineString': return { type: 'LineString', coordinates: g.coordinates.map(f) };
    case 'Polygon': return { type: 'Polygon', coordinates: g.coordinates.map((r) => r.map(f)) };
    case 'MultiPolygon': return { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map((r) => r.map(f))) };
    case 'MultiLineString': return { type: 'MultiLineString', coordinates: g.coordinates.map((l) => l.map(f)) };
    case 'MultiPoint': return { type: 'MultiPoint', coordinates: g.coordinates.map(f) };
    default: return g;
  }
}

/** Zone and plot columns by name: the same definitions as the OGC collections (geodata/flat.ts). */
const ZONE_BY_NAME = new Map(ZONE_COLUMNS.map((c) => [c.name, c]));
const PLOT_BY_NAME = new Map(PLOT_COLUMNS.map((c) => [c.name, c]));

/** The columns of a layer's flat files, in order. */
export const FLAT_COLUMNS: Record<Layer, readonly string[]> = {
  zones: ['id', ...EXPORT_COLUMNS.zones, 'as_of', 'sources'],
  plots: ['id', ...EXPORT_COLUMNS.plots, 'as_of', 'sources'],
  context: ['id', 'kind', 'name_vi', 'name_en', 'ref', 'accuracy', 'source_id', 'as_of', 'sources'],
};

/** The flat attribute row of a feature (FLAT_COLUMNS order). */
function flatRow(layer: Layer, f: AnyFeature, asOf: string): Record<string, string | number | boolean | null> {
  // biome-ignore lint/suspicious/noExplicitAny: context rows are the stored JSON, read defensively with ?.
  const p = f.properties as Record<string, any>;
  const sources = [...citedSources(p)].sort().join(';');
  if (layer === 'plots') {
    const plot = f as unknown as PlotApiFeature;
    return { id: p.id, ...Object.fromEntries(EXPORT_COLUMNS.plots.map((n) => [n, PLOT_BY_NAME.get(n)!.get(plot) ?? null])), as_of: asOf, sources };
  }
  if (layer === 'zones') {
    const zone = f as unknown as ZoneApiFeature;
    return { id: p.id, ...Object.fromEntries(EXPORT_COLUMNS.zones.map((n) => [n, ZONE_BY_NAME.get(n)!.get(zone) ?? null])), as_of: asOf, sources };
  }
  return { id: p.id, kind: p.kind, name_vi: p.name?.vi ?? null, name_en: p.name?.en ?? null, ref: p.ref ?? null, accuracy: p.accuracy, source_id: p.sourceId, as_of: asOf, sources };
}

/**
 * Spreadsheet formula injection (OWASP "CSV Injection"): a cell that starts with = + - @, a tab
 * or a carriage return is run as a formula when the CSV is opened in Excel or LibreOffice. Such
 * cells get a leading single quote, which the spreadsheet shows as text. Cells that already start
 * with quotes before one of those characters get one more, so the import can take exactly one off
 * (server/import/readers.ts) and a CSV round trip gives the text back unchanged.
 */
export const CSV_FORMULA = /^'*[=+\-@\t\r]/;

/**
 * XML 1.0 cannot hold "]]>" in text, nor C0 controls other than tab and newlines, nor U+FFFE/FFFF
 * (not even as character references); the KML writer escapes < and & only. The KML has no CDATA
 * sections, so every "]]>" in it is text (or an attribute value) and may be written "]]&gt;".
 */
export function wellFormedXml(xml: string): string {
  return xml.replaceAll(']]>', ']]&gt;').replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

const baseName = (q: ExportQuery, crs: CrsInfo) => `iz-atlas-${q.layer}${q.zone ? `-${q.zone}` : ''}-${crs.code.replace(':', '')}`;

const sourcesCsv = (sources: Source[]) =>
  Papa.unparse(sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, url: s.url, date: s.date, note: s.note ?? '' })), { newline: '\n', escapeFormulae: CSV_FORMULA });

function readme(q: ExportQuery, crs: CrsInfo, asOf: string, count: number, sources: Source[]) {
  return [
    `iz-atlas export: ${count} ${q.layer}, as of ${asOf}.`,
    `Coordinate system: ${crs.code} ${crs.name}${crs.datum === 'VN2000' ? ' (datum shift to WGS 84: EPSG:6960)' : ''}.`,
    `Filter: ${[q.zone && `zone=${q.zone}`, q.status?.length && `status=${q.status.join(',')}`, q.ids?.length && `ids=${q.ids.join(',')}`].filter(Boolean).join(' ') || 'none (everything)'}.`,
    'Columns as_of and sources give each feature\'s as-of date and the ids of the sources it cites; sources.csv lists them.',
    'All geometry is approximate unless a feature\'s accuracy says "surveyed".',
    'Shapefile only: a .dbf text field holds 254 bytes, so longer notes end with "…"; the GeoJSON export has them whole.',
    '',
    ...sources.map((s) => `- ${s.id}: ${s.title}${s.publisher ? ` (${s.publisher})` : ''}${s.url ? ` ${s.url}` : ''}`),
    '',
  ].join('\n');
}

/** GeoPackage geometry blob: "GP", version 0, flags (little-endian, no envelope), srs_id, then WKB. */
function gpkgBlob(g: Geometry, srsId: number): Uint8Array {
  const head = Buffer.alloc(8);
  head.write('GP', 0, 'ascii');
  head.writeUInt8(0, 2);
  head.writeUInt8(0x01, 3);
  head.writeInt32LE(srsId, 4);
  return Buffer.concat([head, wkx.Geometry.parseGeoJSON(g).toWkb()]);
}

async function toGpkg(q: ExportQuery, crs: CrsInfo, rows: Record<string, unknown>[], geoms: Geometry[], sources: Source[], asOf: string): Promise<Uint8Array> {
  const SQL = await loadSqlJs();
  const db = new SQL.Database();
  const table = q.layer;
  const columns = FLAT_COLUMNS[q.layer];
  const types = new Map([...ZONE_COLUMNS, ...PLOT_COLUMNS].map((c) => [c.name, c.type]));
  const numeric = new Set([...types].filter(([, t]) => t === 'number').map(([n]) => n));
  const integer = new Set([...types].filter(([, t]) => t === 'integer' || t === 'boolean').map(([n]) => n));
  const geomType = geoms.every((g) => g.type === 'Polygon') ? 'POLYGON' : geoms.every((g) => g.type === 'Polygon' || g.type === 'MultiPolygon') ? 'MULTIPOLYGON' : 'GEOMETRY';
  const env = geoms.flatMap(positionsOf);
  const xs = env.map((p) => p[0]!);
  const ys = env.map((p) => p[1]!);
  db.exec(`
    PRAGMA application_id = 1196444487; PRAGMA user_version = 10300;
    CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY, organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
    CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')), min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER, CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
    CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL, CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name), CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name), CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));
  `);
  const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
  srs.run(['Undefined cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined cartesian coordinate reference system']);
  srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
  srs.run(['WGS 84 geodetic', 4326, 'EPSG', 4326, wkt1(findCrs('EPSG:4326')!), 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid']);
  if (crs.epsg !== 4326) srs.run([crs.name, crs.epsg, 'EPSG', crs.epsg, wkt1(crs), crs.area]);
  srs.free();
  const colDefs = columns.map((c) => `"${c}" ${numeric.has(c) ? 'REAL' : integer.has(c) ? 'INTEGER' : 'TEXT'}`).join(', ');
  db.exec(`CREATE TABLE "${table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${geomType}, ${colDefs})`);
  db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)', [
    table, 'features', table, `iz-atlas ${q.layer}, as of ${asOf}; sources in iz_sources`, Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys), crs.epsg,
  ]);
  db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [table, 'geom', geomType, crs.epsg]);
  const ins = db.prepare(`INSERT INTO "${table}" (geom, ${columns.map((c) => `"${c}"`).join(', ')}) VALUES (?, ${columns.map(() => '?').join(', ')})`);
  rows.forEach((r, i) => {
    ins.run([gpkgBlob(geoms[i]!, crs.epsg), ...columns.map((c) => (typeof r[c] === 'boolean' ? (r[c] ? 1 : 0) : ((r[c] ?? null) as string | number | null)))]);
  });
  ins.free();
  db.exec('CREATE TABLE iz_sources (id TEXT PRIMARY KEY, title TEXT, publisher TEXT, url TEXT, date TEXT, note TEXT, as_of TEXT)');
  db.run("INSERT INTO gpkg_contents (table_name, data_type, identifier, description) VALUES ('iz_sources', 'attributes', 'iz_sources', ?)", [`Sources cited by ${table}; data as of ${asOf}`]);
  const s = db.prepare('INSERT INTO iz_sources VALUES (?, ?, ?, ?, ?, ?, ?)');
  for (const x of sources) s.run([x.id, x.title, x.publisher, x.url, x.date, x.note ?? null, asOf]);
  s.free();
  const out = db.export();
  db.close();
  return out;
}

function positionsOf(g: Geometry): Position[] {
  switch (g.type) {
    case 'Point': return [g.coordinates];
    case 'LineString': case 'MultiPoint': return g.coordinates;
    case 'Polygon': case 'MultiLineString': return g.coordinates.flat();
    case 'MultiPolygon': return g.coordinates.flat(2);
    default: return [];
  }
}

/** Shapefile rings: exteriors clockwise, holes counter-clockwise (the reverse of GeoJSON). */
const signedArea = (r: Position[]) => r.reduce((s, p, i) => (i ? s + (r[i - 1]![0]! * p[1]! - p[0]! * r[i - 1]![1]!) : s), 0);
const shpRings = (g: Geometry): Position[][] => {
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  return polys.flatMap((rings) => rings.map((r, i) => ((signedArea(r) < 0) === (i === 0) ? r : [...r].reverse())));
};

/** dbf writes each character's low byte: hand it UTF-8 bytes as a "binary string" (and say so in the .cpg). */
const utf8Binary = (v: unknown) => {
  if (typeof v !== 'string') return v;
  // A .dbf text field holds at most 254 bytes: cut longer text at a character boundary, marked with "…".
  let s = v;
  while (Buffer.byteLength(s, 'utf8') > 254) s = [...s].slice(0, -2).join('') + '…';
  return Buffer.from(s, 'utf8').toString('latin1');
};

async function toShpZip(q: ExportQuery, crs: CrsInfo, rows: Record<string, unknown>[], geoms: Geometry[], sources: Source[], asOf: string): Promise<Uint8Array> {
  const zip = new JSZip();
  const groups: { name: string; type: 'POLYGON' | 'POLYLINE' | 'POINT'; pick: (g: Geometry) => boolean; coords: (g: Geometry) => unknown }[] = [
    { name: q.layer, type: 'POLYGON', pick: (g) => g.type === 'Polygon' || g.type === 'MultiPolygon', coords: shpRings },
    { name: `${q.layer}_lines`, type: 'POLYLINE', pick: (g) => g.type === 'LineString' || g.type === 'MultiLineString', coords: (g) => (g.type === 'LineString' ? [g.coordinates] : (g as GeoJSON.MultiLineString).coordinates) },
    { name: `${q.layer}_points`, type: 'POINT', pick: (g) => g.type === 'Point', coords: (g) => (g as GeoJSON.Point).coordinates },
  ];
  for (const grp of groups) {
    const idx = geoms.map((g, i) => (grp.pick(g) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    // A .dbf field name holds 10 characters: the longer column names are written shorter.
    const data = idx.map((i) => Object.fromEntries(FLAT_COLUMNS[q.layer].map((c) => [DBF_NAMES[c] ?? c, utf8Binary(rows[i]![c] ?? null)])));
    shpwrite.write(data, grp.type, idx.map((i) => grp.coords(geoms[i]!)) as object[], (err: unknown, files: { shp: DataView; shx: DataView; dbf: DataView }) => {
      if (err) throw err;
      zip.file(`${grp.name}.shp`, files.shp.buffer as ArrayBuffer);
      zip.file(`${grp.name}.shx`, files.shx.buffer as ArrayBuffer);
      zip.file(`${grp.name}.dbf`, files.dbf.buffer as ArrayBuffer);
      zip.file(`${grp.name}.prj`, wkt1(crs));
      zip.file(`${grp.name}.cpg`, 'UTF-8');
    });
  }
  zip.file('sources.csv', sourcesCsv(sources));
  zip.file('README.txt', readme(q, crs, asOf, rows.length, sources));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

/** What the main thread read from the database for one export: plain data, cloned into the encoding worker. */

/** The file of an export from the features read for it: pure CPU work, run in the export worker by the server. */
export async function encodeExport({ q, feats, sources, asOf }: ExportInput): Promise<ExportFile> {
  const crs = findCrs(q.crs);
  if (!crs) throw new ExportError('exportUnknownCrs', { crs: q.crs });
  const geoms = feats.map((f) => reproject(f.geometry, crs));
  const rows = feats.map((f) => flatRow(q.layer, f, asOf));
  const name = baseName(q, crs);
  const query = { layer: q.layer, crs: crs.code, ...(q.zone ? { zone: q.zone } : {}), ...(q.status?.length ? { status: q.status } : {}), ...(q.ids?.length ? { ids: q.ids } : {}) };
  const count = feats.length;
  switch (q.format) {
    case 'geojson': {
      const body: FeatureCollection & Record<string, unknown> = {
        type: 'FeatureCollection',
        name: `iz-atlas ${q.layer}`,
        ...(crs.code !== 'EPSG:4326' ? { crs: { type: 'name', properties: { name: `urn:ogc:def:crs:EPSG::${crs.epsg}` } } } : {}),
        asOf,
        query,
        sources,
        features: feats.map((f, i) => ({ type: 'Feature', id: f.id, properties: f.properties, geometry: geoms[i]! })),
      };
      return { bytes: new TextEncoder().encode(JSON.stringify(body)), contentType: 'application/geo+json; charset=utf-8', fileName: `${name}.geojson`, count };
    }
    case 'csv': {
      const csv = Papa.unparse(
        rows.map((r, i) => ({ WKT: wkx.Geometry.parseGeoJSON(geoms[i]!).toWkt(), ...r })),
        { columns: ['WKT', ...FLAT_COLUMNS[q.layer]], newline: '\r\n', escapeFormulae: CSV_FORMULA },
      );
      return { bytes: new TextEncoder().encode('\uFEFF' + csv), contentType: 'text/csv; charset=utf-8', fileName: `${name}.csv`, count };
    }
    case 'kml': {
      const kml = wellFormedXml(foldersToKML({
        type: 'root',
        children: [
          {
            type: 'folder',
            meta: {
              name: `iz-atlas ${q.layer}`,
              description: `As of ${asOf}. Sources: ${sources.map((s) => `${s.id} — ${s.title}${s.url ? ` (${s.url})` : ''}`).join('; ')}`,
            },
            children: feats.map((f, i) => ({
              type: 'Feature',
              id: f.id,
              geometry: geoms[i]!,
              properties: {
                name: String(rows[i]!.code ?? rows[i]!.name_vi ?? f.id),
                ...Object.fromEntries(Object.entries(rows[i]!).filter(([, v]) => v !== null && v !== '')),
              },
            })),
          },
        ],
      } as never));
      return { bytes: new TextEncoder().encode(kml), contentType: 'application/vnd.google-earth.kml+xml; charset=utf-8', fileName: `${name}.kml`, count };
    }
    case 'gpkg':
      return { bytes: await toGpkg(q, crs, rows, geoms, sources, asOf), contentType: 'application/geopackage+sqlite3', fileName: `${name}.gpkg`, count };
    case 'shp':
      return { bytes: await toShpZip(q, crs, rows, geoms, sources, asOf), contentType: 'application/zip', fileName: `${name}.shp.zip`, count };
  }
}
