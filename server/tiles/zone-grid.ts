/**
 * Zones found by bounding box: a uniform grid of cells, each listing the zones whose box meets it.
 */
import type { MultiPolygon, Polygon } from 'geojson';
import { bboxesIntersect, type BBox } from './tile-math.ts';

/** The few fields of a zone entry the grid needs. */
type Boxed = { bbox: BBox };

export function geometryBBox(g: Polygon | MultiPolygon): BBox {
  let [w, s, e, n] = [Infinity, Infinity, -Infinity, -Infinity];
  const rings = g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
  for (const ring of rings) {
    for (const p of ring) {
      const x = p[0]!;
      const y = p[1]!;
      if (x < w) w = x;
      if (y < s) s = y;
      if (x > e) e = x;
      if (y > n) n = y;
    }
  }
  return [w, s, e, n];
}

/** Zones by bounding box in a uniform grid of `cell` degrees. */
export class ZoneGrid<Z extends Boxed> {
  private cells = new Map<number, Z[]>();
  constructor(private readonly cell = 0.1) {}
  private range(b: BBox) {
    const c = this.cell;
    return [Math.floor(b[0] / c), Math.floor(b[1] / c), Math.floor(b[2] / c), Math.floor(b[3] / c)] as const;
  }
  private key = (i: number, j: number) => (i + 4000) * 8000 + (j + 4000);
  add(z: Z) {
    const [i0, j0, i1, j1] = this.range(z.bbox);
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const k = this.key(i, j);
        const list = this.cells.get(k);
        if (list) list.push(z);
        else this.cells.set(k, [z]);
      }
    }
  }
  remove(z: Z) {
    const [i0, j0, i1, j1] = this.range(z.bbox);
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        const k = this.key(i, j);
        const list = this.cells.get(k)?.filter((o) => o !== z);
        if (list?.length) this.cells.set(k, list);
        else this.cells.delete(k);
      }
    }
  }
  /** Zones whose box meets `b`; null when `b` spans more cells than a scan of all zones would cost. */
  query(b: BBox, limit: number): Z[] | null {
    const [i0, j0, i1, j1] = this.range(b);
    if ((i1 - i0 + 1) * (j1 - j0 + 1) > limit) return null;
    const found = new Set<Z>();
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) for (const z of this.cells.get(this.key(i, j)) ?? []) if (bboxesIntersect(z.bbox, b)) found.add(z);
    }
    return [...found];
  }
}
