/**
 * Which coordinate system a file is in: what it declares, what the planner asked for, or what its
 * coordinates fit (degrees or metres, [lat, lon] or (northing, easting), the VN-2000 zone that
 * puts them inside the province). Throws ImportFileError when they cannot be placed.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { Area } from '../../geodata/check-geometry.ts';
import { positions } from '../../geodata/check-geometry.ts';
import { CRS_TABLE, findCrs, toWgs84, type CrsInfo } from '../../geodata/crs/index.ts';
import type { ImportContext, ImportOptions } from './analysis-types.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';
import { issueText, type IssueList } from './issues.ts';
import { ImportFileError } from './file-error.ts';
import type { RawLayer } from './readers.ts';

/** Every position of a geometry through f. */
export function mapPositions(g: Geometry, f: (p: Position) => Position): Geometry {
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


export const inProvince = (p: Position, province: Area | null) => !!province && booleanPointInPolygon([p[0]!, p[1]!], province);
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

export type CrsDecision = { crs: CrsInfo; source: string; detail: Reason; swap: boolean };

/** Settles the CRS, or throws ImportFileError when the file's coordinates cannot be placed. */
export function decideCrs(raw: RawLayer, opts: ImportOptions, ctx: ImportContext, issues: IssueList): CrsDecision {
  const pts = raw.features.flatMap((f) => (f.geometry ? positions(f.geometry) : [])).filter((p) => Number.isFinite(p[0]) && Number.isFinite(p[1]));
  if (!pts.length) throw new ImportFileError({ code: 'fileNoCoordinates' }, 'no_features');
  let crs: CrsInfo | null;
  let source: string;
  let detail: Reason;
  if (opts.crs) {
    crs = findCrs(opts.crs);
    if (!crs) throw new ImportFileError({ code: 'fileUnknownCrs', params: { crs: opts.crs, known: CRS_TABLE.map((c) => c.code).join(', ') } }, 'no_crs');
    source = 'option';
    detail = { code: 'crsOption', params: { code: opts.crs } };
    if (raw.declared.crs && raw.declared.crs.code !== crs.code) {
      issues.push({ level: 'warning', index: null, id: null, code: 'crs', ...issueText({ code: 'importCrsOverridden', params: { declared: raw.declared.crs.code, name: raw.declared.crs.name, used: crs.code } }) });
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
    detail = { code: 'crsCsvAssumed' };
    issues.push({ level: 'warning', index: null, id: null, code: 'crs', ...issueText({ code: 'importCsvAssumedWgs84' }) });
  }
  if (!crs) {
    const guesses = geographicValues ? [] : guessProjected(pts, ctx.province?.geometry ?? null, false);
    const fit = guesses[0];
    throw new ImportFileError(fit ? { code: 'fileCrsUnknownFits', params: { fit: fit.code, fitName: fit.name } } : { code: 'fileCrsUnknown' }, 'no_crs', detail);
  }
  if (crs.kind === 'geographic' && !geographicValues) {
    const guesses = guessProjected(pts, ctx.province?.geometry ?? null, false);
    const swapped = guesses.length ? [] : guessProjected(pts, ctx.province?.geometry ?? null, true);
    const hint = guesses[0] ?? swapped[0];
    const said = { sample: pts[0]!.slice(0, 2).join(', '), crs: crs.code, name: crs.name };
    const code = !hint ? 'fileMetresNotDegrees' : swapped.length ? 'fileMetresNotDegreesSwapped' : 'fileMetresNotDegreesFits';
    throw new ImportFileError({ code, params: hint ? { ...said, fit: hint.code, fitName: hint.name } : said }, 'no_crs');
  }
  if (crs.kind === 'projected' && geographicValues) {
    throw new ImportFileError({ code: 'fileDegreesNotMetres', params: { sample: pts[0]!.slice(0, 2).join(', '), crs: crs.code, name: crs.name } }, 'no_crs');
  }
  let swap = false;
  const province = ctx.province?.geometry ?? null;
  if (province) {
    const t = toWgs84(crs);
    const sample = pts.filter((_, i) => i % Math.max(1, Math.floor(pts.length / 200)) === 0);
    const inside = sample.filter((p) => inProvince(t(p), province)).length;
    const insideSwapped = sample.filter((p) => Math.abs(p[0]!) <= 90 || crs!.kind === 'projected' ? inProvince(t([p[1]!, p[0]!]), province) : false).length;
    if (inside === 0 && insideSwapped >= 0.9 * sample.length) {
      swap = true;
      issues.push({
        level: 'warning', index: null, id: null, code: 'axis_swapped', fixed: true,
        ...issueText({ code: crs.kind === 'geographic' ? 'importAxisSwapped' : 'importAxisSwappedProjected' }),
      });
    }
  }
  return { crs, source, detail, swap };
}
