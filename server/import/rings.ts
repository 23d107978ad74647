/**
 * Geometry repair and checks, feature by feature: the geometry type each layer takes, rings closed
 * and wound as the file's convention says, too-short rings and self-intersections refused.
 */
import { booleanClockwise, unkinkPolygon } from '@turf/turf';
import type { Geometry, Position } from 'geojson';
import type { Layer } from './attributes.ts';
import type { Push } from './issues.ts';
import { selfIntersectionsBounded } from './kinks.ts';

/** Rings: drop repeated positions, close open rings, wind exteriors counter-clockwise and holes clockwise. */
function fixRings(rings: Position[][], where: string, push: Push, shapefileOrder: boolean): Position[][] | null {
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
export function normaliseGeometry(g: Geometry, layer: Layer, push: Push, shapefileOrder: boolean, kinkBudget: { left: number }): Geometry | null {
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
