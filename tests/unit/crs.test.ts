import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { CRS_TABLE, crsFromGeoJsonMember, crsFromWkt, EPSG_6960, findCrs, fromWgs84, proj4String, toWgs84, wkt1 } from '../../geodata/crs/index.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/import');

/** Lines of proj-points.txt: code, WGS 84 lat/lon, and what cs2cs gave in that system (x/lon, y/lat). */
const points = readFileSync(join(FIXTURES, 'proj-points.txt'), 'utf8')
  .split('\n')
  .filter((l) => l && !l.startsWith('#'))
  .map((l) => {
    const [code, lat, lon, x, y] = l.split(/\s+/);
    return { code: code!, lat: Number(lat), lon: Number(lon), x: Number(x), y: Number(y) };
  });

/** Distance in metres between two positions of a system: metres, or degrees near 22° N. */
const metres = (geographic: boolean, a: number[], b: number[]) => {
  const dx = a[0]! - b[0]!;
  const dy = a[1]! - b[1]!;
  return geographic ? Math.hypot(dx * 111_320 * Math.cos((22 * Math.PI) / 180), dy * 110_750) : Math.hypot(dx, dy);
};

describe('CRS table', () => {
  it('covers WGS 84, VN-2000, its UTM 48N/49N and every TM-3 zone EPSG:5896–5899, 9205–9218', () => {
    const codes = CRS_TABLE.map((c) => c.epsg);
    for (const c of [4326, 4756, 3405, 3406, 5896, 5897, 5898, 5899]) expect(codes).toContain(c);
    for (let c = 9205; c <= 9218; c++) expect(codes).toContain(c);
  });

  it('writes the PROJ.4 string PROJ itself gives for EPSG:9213 (rotations sign-flipped from EPSG:6960)', () => {
    expect(proj4String(findCrs('EPSG:9213')!)).toBe(
      '+proj=tmerc +lat_0=0 +lon_0=106.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=-191.90441429,-39.30318279,-111.45032835,0.00928836,-0.01975479,0.00427372,0.252906278 +units=m +no_defs',
    );
  });

  it('has the fixture generated for every system of the table', () => {
    expect(new Set(points.map((p) => p.code))).toEqual(new Set(CRS_TABLE.map((c) => c.code)));
  });
});

describe('transforms agree with PROJ (cs2cs, EPSG:6960) within 0.5 m', () => {
  let worst = { code: '', m: 0 };
  it.each(CRS_TABLE.map((c) => [c.code, c] as const))('%s both ways', (_, crs) => {
    const fwd = fromWgs84(crs);
    const inv = toWgs84(crs);
    for (const p of points.filter((q) => q.code === crs.code)) {
      const e1 = metres(crs.kind === 'geographic', fwd([p.lon, p.lat]), [p.x, p.y]);
      const e2 = metres(true, inv([p.x, p.y]), [p.lon, p.lat]);
      expect(e1).toBeLessThan(0.5);
      expect(e2).toBeLessThan(0.5);
      worst = Math.max(e1, e2) > worst.m ? { code: crs.code, m: Math.max(e1, e2) } : worst;
    }
  });
  it('reports the largest error', () => {
    console.log(`max error vs PROJ: ${worst.m.toFixed(4)} m (${worst.code}) over ${points.length} point pairs`);
    expect(worst.m).toBeLessThan(0.5);
  });

  it('would be ~0.8 m off with the coordinate-frame rotation signs copied unchanged', () => {
    const e = EPSG_6960;
    const wrong = `+proj=tmerc +lat_0=0 +lon_0=106.5 +k=0.9999 +x_0=500000 +y_0=0 +ellps=WGS84 +towgs84=${e.tx},${e.ty},${e.tz},${e.rx},${e.ry},${e.rz},${e.ds} +units=m +no_defs`;
    const p = points.find((q) => q.code === 'EPSG:9213')!;
    const off = metres(false, proj4('EPSG:4326', wrong, [p.lon, p.lat]), [p.x, p.y]);
    expect(off).toBeGreaterThan(0.5);
    expect(off).toBeLessThan(1.2);
  });
});

describe('recognising a CRS', () => {
  const prj = (f: string) => readFileSync(join(FIXTURES, 'prj', f), 'utf8');
  it.each(readdirSync(join(FIXTURES, 'prj')).filter((f) => f.endsWith('.prj')))('matches %s to the table', (file) => {
    const code = /(\d+)\.prj$/.exec(file)![1];
    expect(crsFromWkt(prj(file)).crs?.code).toBe(`EPSG:${code}`);
  });

  it('matches by parameters when neither id nor name is known', () => {
    const renamed = prj('wkt2-noid-9213.prj').replace('VN-2000 / TM-3 106-30', 'Ban do dia chinh Bac Kan');
    expect(crsFromWkt(renamed).crs?.code).toBe('EPSG:9213');
    const esri = prj('esri-9213.prj').replace('VN-2000_TM-3_106-30', 'custom');
    expect(crsFromWkt(esri).crs?.code).toBe('EPSG:9213');
  });

  it('refuses a system it does not know', () => {
    const k9996 = prj('esri-9213.prj').replace('VN-2000_TM-3_106-30', 'x').replace('0.9999', '0.9996');
    expect(crsFromWkt(k9996).crs).toBeNull();
    expect(crsFromWkt('GEOGCS["Indian 1960",DATUM["Indian_1960",SPHEROID["Everest",6377276.345,300.8017]]]').crs).toBeNull();
  });

  it('reads its own WKT back', () => {
    for (const c of CRS_TABLE) expect(crsFromWkt(wkt1(c)).crs?.code).toBe(c.code);
  });

  it('reads the GeoJSON crs member', () => {
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::9213' } })?.crs?.code).toBe('EPSG:9213');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })?.crs?.code).toBe('EPSG:4326');
    expect(crsFromGeoJsonMember({ type: 'name', properties: { name: 'EPSG:3405' } })?.crs?.code).toBe('EPSG:3405');
    expect(crsFromGeoJsonMember(undefined)).toBeNull();
  });
});
