/**
 * A deterministic, valid synthetic national dataset for load tests: `generateNational({zones,
 * plots, seed})` returns the same Dataset for the same arguments, every time and everywhere.
 *
 * - Zones: ~26 % KCN (50–500 ha) and ~74 % CCN (10–75 ha), as Vietnam's ~420 KCN and ~1,200 CCN;
 *   rotated rectangles, most of them scattered around industrial hubs, the rest anywhere on land,
 *   all inside the rough outline of vietnam.ts and none overlapping another.
 * - Plots: a grid in each zone (road gaps between cells), the number per zone proportional to its
 *   area so that the total is exact; statuses follow the zone's: operating zones 60–80 % leased,
 *   zones under construction less, planned and revoked zones nothing.
 * - Every figure cites one of the five synthetic sources; every feature is "approximate".
 */
import { area } from '@turf/area';
import type {
  ContextFeature,
  Dataset,
  Infrastructure,
  PlotFeature,
  PlotProperties,
  Source,
  ZoneFeature,
  ZoneProperties,
} from '../schema.ts';
import { INFRA_ITEMS, LEASABLE_LAND_USES, type LandUse, type PlotStatus, type ZoneKind, type ZoneStatus } from '../vocabulary.ts';
import { seededRandom, type Random } from './random.ts';
import { HUBS, PROVINCES, ROADS, VIETNAM_OUTLINE, type LonLat } from './vietnam.ts';

export type SynthOptions = { zones: number; plots: number; seed: number };

/** Vietnam: ~420 KCN and ~1,200 CCN. */
const KCN_SHARE = 420 / 1620;
const KCN_HA: [number, number] = [50, 500];
const CCN_HA: [number, number] = [10, 75];
/** Share of zones placed around a hub; the rest anywhere on land. */
const HUB_SHARE = 0.7;
/** Minimum distance kept between two zones' bounding boxes. */
const ZONE_GAP_M = 150;

export const SYNTH_SOURCES = {
  geometry: 'synth-geometry',
  layout: 'synth-layout',
  status: 'synth-status',
  figures: 'synth-figures',
  context: 'synth-context',
} as const;

const SYNTH_NOTE = 'Synthetic: made by `npm run geodata:synth` for load tests. Not a real place or figure.';
/** The reason geodata:check asks of every unknown figure. */
const SYNTH_UNSET = 'Synthetic dataset: not generated.';

const M_PER_DEG_LAT = 110_574;
const M_PER_DEG_LON_EQ = 111_320;
const round6 = (x: number) => Math.round(x * 1e6) / 1e6;
const round2 = (x: number) => Math.round(x * 100) / 100;
const pad = (n: number, width: number) => String(n).padStart(width, '0');

// ---- geometry helpers ------------------------------------------------------------------------

function pointInRing(p: LonLat, ring: readonly LonLat[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > p[1] !== yj > p[1] && p[0] < ((xj - xi) * (p[1] - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

const OUTLINE_BBOX = VIETNAM_OUTLINE.reduce(
  (b, [x, y]) => [Math.min(b[0], x), Math.min(b[1], y), Math.max(b[2], x), Math.max(b[3], y)] as [number, number, number, number],
  [180, 90, -180, -90] as [number, number, number, number],
);

/** A rectangle of half-sizes a × b metres, rotated by `rot` radians around `center`, in a local equirectangular frame. */
type Frame = { center: LonLat; rot: number; a: number; b: number; mPerDegLon: number };

function toLonLat(f: Frame, x: number, y: number): LonLat {
  const c = Math.cos(f.rot);
  const s = Math.sin(f.rot);
  const ex = x * c - y * s;
  const ny = x * s + y * c;
  return [round6(f.center[0] + ex / f.mPerDegLon), round6(f.center[1] + ny / M_PER_DEG_LAT)];
}

/** Counter-clockwise ring of the local rectangle [x0, x1] × [y0, y1]. */
function rectRing(f: Frame, x0: number, y0: number, x1: number, y1: number): LonLat[] {
  const ring = [toLonLat(f, x0, y0), toLonLat(f, x1, y0), toLonLat(f, x1, y1), toLonLat(f, x0, y1)];
  return [...ring, ring[0]!];
}

const bboxOf = (ring: readonly LonLat[]): [number, number, number, number] => {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of ring) {
    if (x < minX) minX = x;
    if (y < minY) minY = y;
    if (x > maxX) maxX = x;
    if (y > maxY) maxY = y;
  }
  return [minX, minY, maxX, maxY];
};

/** Zone bounding boxes in a uniform grid, to refuse overlaps without comparing every pair. */
class BoxGrid {
  private cells = new Map<number, [number, number, number, number][]>();
  constructor(private size: number) {}
  private *keys([minX, minY, maxX, maxY]: [number, number, number, number]) {
    for (let i = Math.floor(minX / this.size); i <= Math.floor(maxX / this.size); i++) {
      for (let j = Math.floor(minY / this.size); j <= Math.floor(maxY / this.size); j++) yield i * 100_000 + j;
    }
  }
  hits(b: [number, number, number, number]): boolean {
    for (const k of this.keys(b)) {
      for (const o of this.cells.get(k) ?? []) if (b[0] <= o[2] && o[0] <= b[2] && b[1] <= o[3] && o[1] <= b[3]) return true;
    }
    return false;
  }
  add(b: [number, number, number, number]) {
    for (const k of this.keys(b)) {
      const list = this.cells.get(k);
      if (list) list.push(b);
      else this.cells.set(k, [b]);
    }
  }
}

// ---- zones -----------------------------------------------------------------------------------

type Placed = { kind: ZoneKind; frame: Frame; ring: LonLat[] };

function sampleCenter(rand: Random, hubWeights: number[]): LonLat {
  if (rand.next() < HUB_SHARE) {
    const hub = HUBS[rand.weighted(hubWeights)]!;
    const km = hub.spreadKm;
    const dy = (rand.normal() * km * 1000) / M_PER_DEG_LAT;
    const dx = (rand.normal() * km * 1000) / (M_PER_DEG_LON_EQ * Math.cos((hub.at[1] * Math.PI) / 180));
    return [hub.at[0] + dx, hub.at[1] + dy];
  }
  const [minX, minY, maxX, maxY] = OUTLINE_BBOX;
  return [rand.range(minX, maxX), rand.range(minY, maxY)];
}

function zoneAreaHa(rand: Random, kind: ZoneKind): number {
  const [lo, hi] = kind === 'KCN' ? KCN_HA : CCN_HA;
  // Log-uniform: many small zones, few large ones, as in the national lists.
  return lo * (hi / lo) ** (rand.next() ** 1.3);
}

function placeZones(rand: Random, kinds: ZoneKind[]): Placed[] {
  const grid = new BoxGrid(0.05);
  const hubWeights = HUBS.map((h) => h.weight);
  const placed: Placed[] = [];
  for (const kind of kinds) {
    let done = false;
    for (let attempt = 0; attempt < 5000 && !done; attempt++) {
      const areaM2 = zoneAreaHa(rand, kind) * 10_000;
      const aspect = rand.range(1, 2);
      const a = Math.sqrt(areaM2 * aspect) / 2;
      const b = areaM2 / (4 * a);
      const center = sampleCenter(rand, attempt < 200 ? hubWeights : []);
      const frame: Frame = {
        center,
        rot: rand.range(-Math.PI / 4, Math.PI / 4),
        a,
        b,
        mPerDegLon: M_PER_DEG_LON_EQ * Math.cos((center[1] * Math.PI) / 180),
      };
      const ring = rectRing(frame, -a, -b, a, b);
      if (!ring.every((p) => pointInRing(p, VIETNAM_OUTLINE))) continue;
      const box = bboxOf(ring);
      // No corner of the (non-convex) outline may poke into the zone.
      if (VIETNAM_OUTLINE.some(([x, y]) => x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3])) continue;
      const gapLon = ZONE_GAP_M / frame.mPerDegLon;
      const gapLat = ZONE_GAP_M / M_PER_DEG_LAT;
      const padded: [number, number, number, number] = [box[0] - gapLon, box[1] - gapLat, box[2] + gapLon, box[3] + gapLat];
      if (grid.hits(padded)) continue;
      grid.add(padded);
      placed.push({ kind, frame, ring });
      done = true;
    }
    if (!done) throw new Error(`could not place zone ${placed.length + 1} of kind ${kind} without overlap`);
  }
  return placed;
}

// ---- plots -----------------------------------------------------------------------------------

/** Largest-remainder split of `total` in proportion to `weights`, at least one each when there is enough. */
export function apportion(total: number, weights: number[]): number[] {
  const n = weights.length;
  if (!n) return [];
  const base = total >= n ? 1 : 0;
  const rest = total - base * n;
  const sum = weights.reduce((s, w) => s + w, 0);
  const exact = weights.map((w) => (rest * w) / sum);
  const out = exact.map((x) => base + Math.floor(x));
  let left = total - out.reduce((s, x) => s + x, 0);
  const order = exact.map((x, i) => ({ i, frac: x - Math.floor(x) })).sort((p, q) => q.frac - p.frac || p.i - q.i);
  for (let k = 0; left > 0; k = (k + 1) % n, left--) out[order[k]!.i]!++;
  return out;
}

const LAND_USE_WEIGHTS: [LandUse, number][] = [
  ['industrial', 0.82],
  ['service', 0.08],
  ['infrastructure', 0.04],
  ['green', 0.06],
];
const CODE_PREFIX: Record<LandUse, string> = { industrial: 'CN', service: 'DV', infrastructure: 'HT', green: 'CX' };
const SECTORS = ['Dệt may', 'Điện tử', 'Chế biến nông sản', 'Cơ khí', 'Vật liệu xây dựng', 'Chế biến gỗ', 'Logistics', 'Hóa chất'];

type Cell = { ring: LonLat[]; areaM2: number };

function gridCells(frame: Frame, n: number): Cell[] {
  const margin = Math.max(10, 0.03 * frame.b);
  const ia = frame.a - margin;
  const ib = frame.b - margin;
  const cols = Math.min(n, Math.max(1, Math.round(Math.sqrt((n * ia) / (1.5 * ib)))));
  const rows = Math.ceil(n / cols);
  const cellH0 = (2 * ib) / rows;
  const gap = Math.min(12, 0.1 * cellH0, (0.1 * 2 * ia) / cols);
  const cellH = (2 * ib - (rows - 1) * gap) / rows;
  const cells: Cell[] = [];
  for (let r = 0; r < rows; r++) {
    const inRow = r < rows - 1 ? cols : n - (rows - 1) * cols;
    const cellW = (2 * ia - (inRow - 1) * gap) / inRow;
    const yTop = ib - r * (cellH + gap);
    for (let c = 0; c < inRow; c++) {
      const x0 = -ia + c * (cellW + gap);
      cells.push({ ring: rectRing(frame, x0, yTop - cellH, x0 + cellW, yTop), areaM2: cellW * cellH });
    }
  }
  return cells;
}

type StatusPlan = { leased: [number, number]; developed: [number, number] };
const STATUS_PLANS: Record<ZoneStatus, StatusPlan> = {
  operating: { leased: [0.6, 0.8], developed: [1, 1] },
  under_construction: { leased: [0.05, 0.35], developed: [0.4, 0.8] },
  established: { leased: [0, 0.15], developed: [0.1, 0.4] },
  planned: { leased: [0, 0], developed: [0, 0] },
  revoked: { leased: [0, 0], developed: [0, 0] },
};

/** Statuses for one zone's plots: leased up to the zone's target share of leasable area, in a random order. */
function plotStatuses(rand: Random, zoneStatus: ZoneStatus, cells: Cell[], uses: LandUse[]): PlotStatus[] {
  const plan = STATUS_PLANS[zoneStatus];
  const leasedShare = rand.range(...plan.leased);
  const developedShare = Math.max(leasedShare, rand.range(...plan.developed));
  const built = zoneStatus === 'operating' || zoneStatus === 'under_construction';
  const statuses: PlotStatus[] = uses.map((u) => (LEASABLE_LAND_USES.includes(u) ? 'available' : built ? 'reserved' : 'not_developed'));
  const leasable = cells.map((_, i) => i).filter((i) => LEASABLE_LAND_USES.includes(uses[i]!));
  const total = leasable.reduce((s, i) => s + cells[i]!.areaM2, 0);
  let leasedSum = 0;
  let developedSum = 0;
  for (const i of rand.shuffle(leasable)) {
    const share = cells[i]!.areaM2 / total;
    // A plot goes to a class when that brings the class closer to its target share.
    if (leasedSum + share / 2 <= leasedShare) {
      statuses[i] = 'leased';
      leasedSum += share;
      developedSum += share;
    } else if (developedSum + share / 2 <= developedShare) {
      statuses[i] = rand.next() < 0.08 ? 'reserved' : 'available';
      developedSum += share;
    } else {
      statuses[i] = 'not_developed';
    }
  }
  return statuses;
}

// ---- properties ------------------------------------------------------------------------------

const ZONE_STATUS_WEIGHTS: Record<ZoneKind, [ZoneStatus, number][]> = {
  KCN: [['operating', 0.7], ['under_construction', 0.12], ['established', 0.1], ['planned', 0.06], ['revoked', 0.02]],
  CCN: [['operating', 0.6], ['under_construction', 0.15], ['established', 0.12], ['planned', 0.1], ['revoked', 0.03]],
};

function date(rand: Random, year: number): string {
  return `${year}-${pad(rand.int(1, 12), 2)}-${pad(rand.int(1, 28), 2)}`;
}

function history(rand: Random, status: ZoneStatus): ZoneProperties['statusHistory'] {
  const sourceId = SYNTH_SOURCES.status;
  const y = rand.int(2000, 2019);
  const ev = (s: ZoneStatus, year: number) => ({ status: s, date: date(rand, year), sourceId });
  switch (status) {
    case 'planned':
      return [ev('planned', rand.int(2021, 2025))];
    case 'established':
      return [ev('planned', y), ev('established', y + 2)];
    case 'under_construction':
      return [ev('established', y), ev('under_construction', y + 2)];
    case 'operating':
      return [ev('established', y), ev('under_construction', y + 1), ev('operating', y + 3)];
    case 'revoked':
      return [ev('established', y), ev('revoked', y + 5)];
  }
}

function infrastructure(rand: Random, status: ZoneStatus): Infrastructure[] {
  return INFRA_ITEMS.map((item): Infrastructure => {
    const known = (progressPct: number): Infrastructure => ({ item, progressPct, sourceId: SYNTH_SOURCES.figures, asOf: '2025' });
    if (status === 'operating') return known(rand.next() < 0.85 ? 100 : rand.int(60, 99));
    if (status === 'under_construction') return known(rand.int(5, 95));
    if (status === 'established' && (item === 'site_clearance' || item === 'levelling')) return known(rand.int(0, 40));
    return { item, progressPct: null, sourceId: null, asOf: null, note: SYNTH_UNSET };
  });
}

function nearestProvince(p: LonLat) {
  let best = PROVINCES[0]!;
  let bestD = Infinity;
  const cos = Math.cos((p[1] * Math.PI) / 180);
  for (const pr of PROVINCES) {
    const d = ((pr.at[0] - p[0]) * cos) ** 2 + (pr.at[1] - p[1]) ** 2;
    if (d < bestD) [best, bestD] = [pr, d];
  }
  return best;
}

// ---- context and sources ---------------------------------------------------------------------

const CITIES: { id: string; vi: string; en: string; at: LonLat }[] = [
  { id: 'synth-seat-ha-noi', vi: 'Hà Nội', en: 'Hanoi', at: [105.85, 21.03] },
  { id: 'synth-seat-hai-phong', vi: 'Hải Phòng', en: 'Hai Phong', at: [106.68, 20.86] },
  { id: 'synth-seat-da-nang', vi: 'Đà Nẵng', en: 'Da Nang', at: [108.2, 16.05] },
  { id: 'synth-seat-tp-hcm', vi: 'TP Hồ Chí Minh', en: 'Ho Chi Minh City', at: [106.66, 10.76] },
  { id: 'synth-seat-can-tho', vi: 'Cần Thơ', en: 'Can Tho', at: [105.77, 10.03] },
];

function context(): ContextFeature[] {
  const sourceId = SYNTH_SOURCES.context;
  const base = { accuracy: 'approximate' as const, sourceId };
  return [
    {
      type: 'Feature',
      geometry: { type: 'Polygon', coordinates: [VIETNAM_OUTLINE.map(([x, y]) => [x, y])] },
      properties: { id: 'synth-vietnam', kind: 'province', name: { vi: 'Việt Nam (phác họa)', en: 'Vietnam (rough outline)' }, ref: null, ...base },
    },
    ...ROADS.map(
      (r): ContextFeature => ({
        type: 'Feature',
        geometry: { type: 'LineString', coordinates: r.path.map(([x, y]) => [x, y]) },
        properties: { id: r.id, kind: 'road', name: { vi: r.vi, en: r.en }, ref: r.ref, ...base },
      }),
    ),
    ...CITIES.map(
      (c): ContextFeature => ({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [...c.at] },
        properties: { id: c.id, kind: 'district_seat', name: { vi: c.vi, en: c.en }, ref: null, ...base },
      }),
    ),
  ];
}

function sources(seed: number): Source[] {
  const s = (id: string, title: string): Source => ({ id, title, url: null, publisher: 'iz-atlas', date: '2025', note: `${SYNTH_NOTE} Seed ${seed}.` });
  return [
    s(SYNTH_SOURCES.geometry, 'Synthetic zone outlines (rotated rectangles placed around industrial hubs)'),
    // Grids, not plans: marked schematic, so (as for any illustrative layout) their sums never make a headline figure.
    { ...s(SYNTH_SOURCES.layout, 'Synthetic plot grids'), schematic: true },
    s(SYNTH_SOURCES.status, 'Synthetic zone status histories'),
    s(SYNTH_SOURCES.figures, 'Synthetic zone figures and infrastructure progress'),
    s(SYNTH_SOURCES.context, 'Rough outline of mainland Vietnam, a few national roads and cities, hand-placed'),
  ];
}

// ---- the dataset -----------------------------------------------------------------------------

export function generateNational(opts: SynthOptions): Dataset {
  const { zones: zoneCount, plots: plotCount, seed } = opts;
  if (!Number.isInteger(zoneCount) || zoneCount < 1) throw new Error('--zones must be a positive integer');
  if (!Number.isInteger(plotCount) || plotCount < 0) throw new Error('--plots must be a non-negative integer');
  if (!Number.isInteger(seed)) throw new Error('--seed must be an integer');
  const rand = seededRandom(seed);

  const kcnCount = Math.round(zoneCount * KCN_SHARE);
  // The large KCNs first: they are the hardest to fit.
  const kinds: ZoneKind[] = [...Array<ZoneKind>(kcnCount).fill('KCN'), ...Array<ZoneKind>(zoneCount - kcnCount).fill('CCN')];
  const placed = placeZones(rand, kinds);
  const perZone = apportion(plotCount, placed.map((p) => p.frame.a * p.frame.b));

  const zones: ZoneFeature[] = [];
  const plots: PlotFeature[] = [];
  const numberByName = new Map<string, number>();
  const kindCounter: Record<ZoneKind, number> = { KCN: 0, CCN: 0 };
  placed.forEach((z, zi) => {
    const id = `${z.kind.toLowerCase()}-s${pad(++kindCounter[z.kind], 4)}`;
    const weights = ZONE_STATUS_WEIGHTS[z.kind];
    const status = weights[rand.weighted(weights.map(([, w]) => w))]![0];
    const province = nearestProvince(z.frame.center);
    const nameKey = `${z.kind} ${province.old}`;
    const k = (numberByName.get(nameKey) ?? 0) + 1;
    numberByName.set(nameKey, k);
    const geometry: ZoneFeature['geometry'] = { type: 'Polygon', coordinates: [z.ring] };
    const n = perZone[zi]!;

    const properties: ZoneProperties = {
      id,
      kind: z.kind,
      name:
        z.kind === 'KCN'
          ? { vi: `KCN ${province.old} ${k}`, en: `${province.old} Industrial Park ${k}` }
          : { vi: `CCN ${province.old} ${k}`, en: `${province.old} Industrial Cluster ${k}` },
      status,
      statusHistory: history(rand, status),
      accuracy: 'approximate',
      geometrySourceId: SYNTH_SOURCES.geometry,
      totalAreaHa: { value: round2(area(geometry) / 10_000), sourceId: SYNTH_SOURCES.figures, asOf: '2025' },
      industrialLandHa: { value: null, sourceId: null, asOf: null, note: SYNTH_UNSET },
      developer: null,
      tenants: [],
      sectors: [],
      addressOld: { commune: null, district: '', province: province.old },
      addressNew: { commune: null, province: province.now },
      infrastructure: infrastructure(rand, status),
      occupancyClaim: null,
      hasLayout: n > 0,
      decision: null,
      note: SYNTH_NOTE,
    };
    zones.push({ type: 'Feature', geometry, properties });
    if (!n) return;

    const cells = gridCells(z.frame, n);
    const uses = cells.map(() => LAND_USE_WEIGHTS[rand.weighted(LAND_USE_WEIGHTS.map(([, w]) => w))]![0]);
    const statuses = plotStatuses(rand, status, cells, uses);
    const codeCount: Record<LandUse, number> = { industrial: 0, service: 0, infrastructure: 0, green: 0 };
    cells.forEach((cell, ci) => {
      const landUse = uses[ci]!;
      const plotStatus = statuses[ci]!;
      const code = `${CODE_PREFIX[landUse]}-${pad(++codeCount[landUse], 3)}`;
      const held = plotStatus === 'leased';
      const start = held ? rand.int(2005, 2025) : null;
      const p: PlotProperties = {
        id: `${id}-${code.toLowerCase()}`,
        zoneId: id,
        code,
        landUse,
        status: plotStatus,
        tenant: held ? `DN ${id.slice(0, 3).toUpperCase()}${id.slice(5)}-${code}` : null,
        sector: held ? SECTORS[rand.int(0, SECTORS.length - 1)]! : null,
        leaseStart: start === null ? null : String(start),
        leaseEnd: start === null ? null : String(start + 50),
        priceVndM2Year: { value: null, sourceId: null, asOf: null, note: SYNTH_UNSET },
        accuracy: 'approximate',
        sourceId: SYNTH_SOURCES.layout,
      };
      plots.push({ type: 'Feature', geometry: { type: 'Polygon', coordinates: [cell.ring] }, properties: p });
    });
  });

  return { zones, plots, context: context(), sources: sources(seed), yearly: { zones: [], province: [] } };
}

// ---- files -----------------------------------------------------------------------------------

/** A FeatureCollection with one feature per line: compact, diffable, and the same bytes for the same data. */
export function featureCollectionText(features: readonly unknown[]): string {
  if (!features.length) return '{"type":"FeatureCollection","features":[]}\n';
  return `{"type":"FeatureCollection","features":[\n${features.map((f) => JSON.stringify(f)).join(',\n')}\n]}\n`;
}

/** The five geodata files, by file name, as the bytes to write. */
export function datasetFiles(ds: Dataset): Record<'zones.geojson' | 'plots.geojson' | 'context.geojson' | 'sources.json' | 'yearly.json', string> {
  return {
    'zones.geojson': featureCollectionText(ds.zones),
    'plots.geojson': featureCollectionText(ds.plots),
    'context.geojson': featureCollectionText(ds.context),
    'sources.json': `${JSON.stringify(ds.sources, null, 2)}\n`,
    'yearly.json': `${JSON.stringify(ds.yearly, null, 2)}\n`,
  };
}
