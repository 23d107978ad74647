/**
 * One zone's plots for cutting tiles, packed into a few typed arrays and string lists.
 */
import type { Feature, Polygon } from 'geojson';
import { plotStatusConfidence } from '../../geodata/confidence.ts';
import { mapPlotProps, type MapPlotProps } from '../../geodata/map-props.ts';
import type { LandUse, PlotStatus } from '../../geodata/vocabulary.ts';
import type { BBox } from './tile-math.ts';

export type PlotRow = { id: string; zone_id: string; status: PlotStatus; land_use: LandUse; geometry: Polygon; schematic: boolean };

/**
 * One zone's plots, packed into a few typed arrays and string lists: 200,000 plots as GeoJSON
 * objects would cost ~150 MB of heap, packed they take ~40 MB. Features are made per tile.
 */
export class PlotSet {
  readonly ids: string[];
  readonly statuses: PlotStatus[];
  readonly landUses: LandUse[];
  /** Plots of a schematic layout (their status is drawn with the schematic mark). */
  readonly schematic: boolean[];
  /** west, south, east, north per plot. */
  private readonly boxes: Float64Array;
  /** x, y of every position of every ring. */
  private readonly coords: Float64Array;
  /** Start of each ring in `coords` (in numbers), plus the end. */
  private readonly ringStarts: Uint32Array;
  /** First ring of each plot in `ringStarts`, plus the end. */
  private readonly plotRings: Uint32Array;

  constructor(
    readonly zoneId: string,
    rows: PlotRow[],
  ) {
    const n = rows.length;
    this.ids = rows.map((r) => r.id);
    this.statuses = rows.map((r) => r.status);
    this.landUses = rows.map((r) => r.land_use);
    this.schematic = rows.map((r) => r.schematic);
    let rings = 0;
    let numbers = 0;
    for (const r of rows) {
      rings += r.geometry.coordinates.length;
      for (const ring of r.geometry.coordinates) numbers += 2 * ring.length;
    }
    this.boxes = new Float64Array(4 * n);
    this.coords = new Float64Array(numbers);
    this.ringStarts = new Uint32Array(rings + 1);
    this.plotRings = new Uint32Array(n + 1);
    let c = 0;
    let k = 0;
    rows.forEach((r, i) => {
      this.plotRings[i] = k;
      let [w, so, e, no] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const ring of r.geometry.coordinates) {
        this.ringStarts[k++] = c;
        for (const p of ring) {
          const x = p[0]!;
          const y = p[1]!;
          this.coords[c++] = x;
          this.coords[c++] = y;
          if (x < w) w = x;
          if (y < so) so = y;
          if (x > e) e = x;
          if (y > no) no = y;
        }
      }
      this.boxes.set([w, so, e, no], 4 * i);
    });
    this.ringStarts[k] = c;
    this.plotRings[n] = k;
  }

  get size() {
    return this.ids.length;
  }

  /** The plots whose bounding box meets `b`, as GeoJSON with their tile properties. */
  featuresIn(b: BBox): Feature<Polygon, MapPlotProps>[] {
    const out: Feature<Polygon, MapPlotProps>[] = [];
    const box = this.boxes;
    for (let i = 0; i < this.ids.length; i++) {
      if (box[4 * i]! > b[2] || box[4 * i + 2]! < b[0] || box[4 * i + 1]! > b[3] || box[4 * i + 3]! < b[1]) continue;
      const coordinates: number[][][] = [];
      for (let k = this.plotRings[i]!; k < this.plotRings[i + 1]!; k++) {
        const ring: number[][] = [];
        for (let c = this.ringStarts[k]!; c < this.ringStarts[k + 1]!; c += 2) ring.push([this.coords[c]!, this.coords[c + 1]!]);
        coordinates.push(ring);
      }
      out.push({
        type: 'Feature',
        geometry: { type: 'Polygon', coordinates },
        properties: mapPlotProps({
          id: this.ids[i]!,
          zoneId: this.zoneId,
          status: this.statuses[i]!,
          landUse: this.landUses[i]!,
          statusConfidence: plotStatusConfidence({ schematic: this.schematic[i]! }, null).code,
        }),
      });
    }
    return out;
  }
}
