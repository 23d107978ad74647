/**
 * Coordinate reference systems: look-up by EPSG code, recognition of a .prj / GeoJSON `crs`
 * member, and transforms to and from WGS 84 through proj4js. The definitions are built from
 * table.ts, whose values come from PROJ; tests/unit/crs.test.ts holds them to cs2cs within 0.5 m.
 */
import proj4 from 'proj4';
import type { Position } from 'geojson';
import { CRS_TABLE, TOWGS84_VN2000, type CrsInfo } from './table.ts';

export { CRS_TABLE, EPSG_6960, type CrsInfo } from './table.ts';

export const WGS84 = 'EPSG:4326';

/** The PROJ.4 string of a system; identical to `projinfo EPSG:N -o PROJ` for every entry. */
export function proj4String(c: CrsInfo, towgs84: string = TOWGS84_VN2000): string {
  const datum = c.datum === 'VN2000' ? `+ellps=WGS84 +towgs84=${towgs84}` : '+datum=WGS84';
  if (c.kind === 'geographic') return `+proj=longlat ${datum} +no_defs`;
  return `+proj=tmerc +lat_0=0 +lon_0=${c.lon0} +k=${c.k0} +x_0=${c.falseEasting} +y_0=0 ${datum} +units=m +no_defs`;
}

for (const c of CRS_TABLE) if (c.code !== WGS84) proj4.defs(c.code, proj4String(c));

/** "EPSG:9213", "epsg:9213", "9213", "EPSG::9213", "urn:ogc:def:crs:EPSG::9213", "CRS84" → the table entry. */
export function findCrs(input: string | number): CrsInfo | null {
  const s = String(input).trim();
  if (/^(urn:ogc:def:crs:OGC:(1\.3)?:)?CRS:?84$/i.test(s) || /ogc.*crs84$/i.test(s)) return CRS_TABLE[0]!;
  const m = /(?:^|EPSG[:/]+(?:[\d.]*:)?)(\d{4,5})$/i.exec(s);
  if (!m) return null;
  return CRS_TABLE.find((c) => c.epsg === Number(m[1])) ?? null;
}

export type Transform = (p: Position) => Position;

const identity: Transform = (p) => p;

/** Transform between two systems of the table; extra ordinates (z) are kept as they are. */
export function transformer(from: CrsInfo, to: CrsInfo): Transform {
  if (from.code === to.code) return identity;
  const conv = proj4(from.code, to.code);
  return (p) => {
    const [x, y] = conv.forward([p[0]!, p[1]!]) as [number, number];
    return p.length > 2 ? [x, y, ...p.slice(2)] : [x, y];
  };
}

export const toWgs84 = (from: CrsInfo): Transform => transformer(from, CRS_TABLE[0]!);
export const fromWgs84 = (to: CrsInfo): Transform => transformer(CRS_TABLE[0]!, to);

const SPHEROID = 'SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]]';
const PRIMEM_UNIT = 'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]]';

/**
 * WKT1 in GDAL's flavour, as `projinfo EPSG:N -o WKT1_GDAL` prints it (without the axis order of
 * geographic systems, which .prj readers take as lon/lat anyway). Used for .prj files and for the
 * GeoPackage spatial reference table.
 */
export function wkt1(c: CrsInfo): string {
  const geog =
    c.datum === 'WGS84'
      ? `GEOGCS["WGS 84",DATUM["WGS_1984",${SPHEROID},AUTHORITY["EPSG","6326"]],${PRIMEM_UNIT},AUTHORITY["EPSG","4326"]]`
      : `GEOGCS["VN-2000",DATUM["Vietnam_2000",${SPHEROID},AUTHORITY["EPSG","6756"]],${PRIMEM_UNIT},AUTHORITY["EPSG","4756"]]`;
  if (c.kind === 'geographic') return geog;
  return (
    `PROJCS["${c.name}",${geog},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],` +
    `PARAMETER["central_meridian",${c.lon0}],PARAMETER["scale_factor",${c.k0}],PARAMETER["false_easting",${c.falseEasting}],` +
    `PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],AXIS["Easting",EAST],AXIS["Northing",NORTH],AUTHORITY["EPSG","${c.epsg}"]]`
  );
}

const squash = (s: string) => s.toLowerCase().replace(/[^a-z0-9]/g, '');
const num = (wkt: string, names: string[]): number | null => {
  for (const n of names) {
    const m = new RegExp(`PARAMETER\\[\\s*"${n}"\\s*,\\s*([-+\\d.eE]+)`, 'i').exec(wkt);
    if (m) return Number(m[1]);
  }
  return null;
};
const near = (a: number | null, b: number | undefined, tol: number) => a !== null && b !== undefined && Math.abs(a - b) <= tol;

export type WktMatch = { crs: CrsInfo | null; name: string | null; reason: string };

/**
 * Recognises the system a WKT (WKT1, ESRI WKT1 or WKT2) describes: by its EPSG id when it carries
 * one, by its name, else by datum and Transverse Mercator parameters. ESRI .prj files carry no
 * TOWGS84, so matching to the table is what gives them the EPSG:6960 datum shift.
 */
export function crsFromWkt(wkt: string): WktMatch {
  const text = wkt.trim();
  const name = /^\s*\w+\[\s*"([^"]*)"/.exec(text)?.[1] ?? null;
  if (!text) return { crs: null, name, reason: 'empty CRS definition' };
  const ids = [...text.matchAll(/(?:AUTHORITY|ID)\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const topId = ids.length ? ids[ids.length - 1]![1] : null;
  if (topId) {
    const byId = findCrs(topId);
    if (byId) return { crs: byId, name, reason: `EPSG id ${topId}` };
  }
  if (name) {
    const byName = CRS_TABLE.find((c) => squash(c.name) === squash(name));
    if (byName) return { crs: byName, name, reason: `name "${name}"` };
  }
  const projected = /^\s*(PROJCS|PROJCRS|PROJECTEDCRS)\[/i.test(text);
  const datumName = /DATUM\[\s*"([^"]*)"/i.exec(text)?.[1] ?? '';
  const datum = /vn[-_ ]?2000|vietnam/i.test(datumName) || /vn[-_ ]?2000/i.test(name ?? '')
    ? 'VN2000'
    : /wgs[-_ ]?(19)?84/i.test(datumName) && !/towgs84\[\s*-?[1-9]/i.test(text)
      ? 'WGS84'
      : null;
  if (!datum) return { crs: null, name, reason: `unknown datum "${datumName}"` };
  if (!projected) {
    const c = CRS_TABLE.find((x) => x.kind === 'geographic' && x.datum === datum)!;
    return { crs: c, name, reason: `geographic, datum ${datumName}` };
  }
  if (!/transverse[_ ]mercator|"tmerc"|UTM/i.test(text)) return { crs: null, name, reason: 'not a Transverse Mercator projection' };
  const lon0 = num(text, ['central_meridian', 'Longitude of natural origin']);
  const k0 = num(text, ['scale_factor', 'Scale factor at natural origin']);
  const fe = num(text, ['false_easting', 'False easting']);
  const c = CRS_TABLE.find(
    (x) => x.kind === 'projected' && x.datum === datum && near(lon0, x.lon0, 1e-6) && near(k0, x.k0, 1e-7) && near(fe, x.falseEasting, 1e-3),
  );
  if (!c) return { crs: null, name, reason: `no ${datum} system with central meridian ${lon0}, scale ${k0}, false easting ${fe}` };
  return { crs: c, name, reason: `datum ${datumName}, central meridian ${lon0}, scale ${k0}` };
}

/** The GeoJSON 2008 `crs` member ({type: "name", properties: {name}}); RFC 7946 files have none. */
export function crsFromGeoJsonMember(member: unknown): { crs: CrsInfo | null; name: string } | null {
  if (!member || typeof member !== 'object') return null;
  const props = (member as { properties?: { name?: unknown; code?: unknown } }).properties;
  const name = typeof props?.name === 'string' ? props.name : typeof props?.code === 'number' ? `EPSG:${props.code}` : null;
  if (!name) return { crs: null, name: JSON.stringify(member) };
  return { crs: findCrs(name), name };
}
