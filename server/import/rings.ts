/**
 * Geometry repair and checks, feature by feature: the geometry type each layer takes, rings closed
 * and wound as the file's convention says, too-short rings and self-intersections refused.
 */
import { booleanClockwise, unkinkPolygon } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { Layer } from './attributes.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';
import type { Push } from './issues.ts';
import { selfIntersectionsBounded } from './kinks.ts';

/** Rings: drop repeated positions, close open rings, wind exteriors counter-clockwise and holes clockwise. */
function fixRings(rings: Position[][], part: number | null, push: Push, shapefileOrder: boolean): Position[][] | null {
  const out: Position[][] = [];
  let ok = true;
  rings.forEach((ring0, ri) => {
    // Which ring, as the message table names it: the exterior or hole `ri`, in part `part` (from 1) of a multipolygon.
    const said = (outer: Reason, hole: Reason, partOuter: Reason, partHole: Reason): Reason => {
      const [code, params] = ri === 0 ? [part ? partOuter.code : outer.code, outer.params] : [part ? partHole.code : hole.code, { ...hole.params, hole: ri }];
      const all = { ...params, ...(part ? { part } : {}) };
      return Object.keys(all).length ? { code, params: all } : { code };
    };
    const ring = ring0.filter((p, i) => i === 0 || p[0] !== ring0[i - 1]![0] || p[1] !== ring0[i - 1]![1]);
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (first && last && (first[0] !== last[0] || first[1] !== last[1])) {
      ring.push([...first]);
      push('warning', 'ring_closed', said({ code: 'importRingNotClosed' }, { code: 'importHoleNotClosed' }, { code: 'importPartRingNotClosed' }, { code: 'importPartHoleNotClosed' }), true);
    }
    if (ring.length < 4) {
      const n = ring.length;
      push('error', 'ring_short', said({ code: 'importRingShort', params: { n } }, { code: 'importHoleShort', params: { n } }, { code: 'importPartRingShort' }, { code: 'importPartHoleShort' }));
      ok = false;
      return;
    }
    const clockwise = booleanClockwise(ring);
    // The file's own convention: Shapefiles wind exteriors clockwise, GeoJSON/KML/WKB counter-clockwise.
    if ((clockwise !== ri > 0) !== shapefileOrder) {
      const rule = shapefileOrder ? 'Shapefile' : 'RFC 7946';
      push('warning', 'ring_winding', said({ code: 'importRingWinding', params: { rule } }, { code: 'importHoleWinding', params: { rule } }, { code: 'importPartRingWinding' }, { code: 'importPartHoleWinding' }), true);
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
export function normaliseGeometry(g: Geometry, layer: Layer, push: Push, shapefileOrder: boolean, kinkBudget: { left: number }): Geometry | null {
  let geom = g;
  if (geom.type === 'MultiPolygon' && geom.coordinates.length === 1 && layer !== 'zones') geom = { type: 'Polygon', coordinates: geom.coordinates[0]! };
  if (geom.type === 'MultiLineString' && geom.coordinates.length === 1) geom = { type: 'LineString', coordinates: geom.coordinates[0]! };
  if (geom.type === 'MultiPoint' && geom.coordinates.length === 1) geom = { type: 'Point', coordinates: geom.coordinates[0]! };
  if (!allowed[layer].includes(geom.type)) {
    const params = { type: geom.type, allowed: allowed[layer].join(' / ') };
    push('error', 'geometry_type', { code: geom.type === 'MultiPolygon' ? 'importSplitMulti' : 'importGeometryType', params });
    return null;
  }
  if (geom.type === 'Polygon') {
    const rings = fixRings(geom.coordinates, null, push, shapefileOrder);
    if (!rings) return null;
    geom = { type: 'Polygon', coordinates: rings };
  } else if (geom.type === 'MultiPolygon') {
    const polys: Position[][][] = [];
    for (const [i, p] of geom.coordinates.entries()) {
      const rings = fixRings(p, i + 1, push, shapefileOrder);
      if (!rings) return null;
      polys.push(rings);
    }
    geom = { type: 'MultiPolygon', coordinates: polys };
  } else if (geom.type === 'LineString' && geom.coordinates.length < 2) {
    push('error', 'geometry_type', { code: 'importLineShort' });
    return null;
  }
  const kinks = selfIntersectionsBounded(geom, kinkBudget);
  if ('tooComplex' in kinks) {
    push('error', 'self_intersection', { code: 'importTooComplex', params: { n: kinks.tooComplex } }, false, { code: 'importSimplify' });
    return null;
  }
  if (kinks.crossings) {
    let parts: number | null = null;
    if (geom.type === 'Polygon') {
      try {
        parts = unkinkPolygon(geom).features.length;
      } catch {
        parts = null;
      }
    }
    push('error', 'self_intersection', { code: 'importSelfIntersects', params: kinks.crossings }, false,
      parts === null ? { code: 'importKinkRepair' } : { code: 'importKinkRepairParts', params: { n: parts } });
    return null;
  }
  return geom;
}
