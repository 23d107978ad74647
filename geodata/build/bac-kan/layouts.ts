/**
 * Schematic plot layouts for the five zones with an approved detailed plan. The real 1/500 plans
 * were not available, so plots are a grid clipped to the sketched outline; what is sourced is the
 * totals the grid is held to (occupancy, the 13.89 ha still to level in Thanh Bình I).
 */
import type { PlotFeature } from '../../schema.ts';
import type { LandUse, PlotStatus, Sector } from '../../vocabulary.ts';
import { gridCells, shrink, type GridCell, type GridSpec, type LonLat, type SketchPolygon } from '../shapes.ts';

const LAYOUT_SOURCE = 'iz-atlas-schematic-layout';
const SCHEMATIC = 'Schematic plot: the approved 1/500 plan was not available, so shape, position and area are illustrative.';
/** Keeps plots strictly inside the zone even after rounding; the rim reads as boundary roads. */
const INSET = 0.96;
const ROAD_GAP_M = 14;
const MIN_PLOT_HA = 0.15;

type Draft = {
  cell: GridCell;
  landUse: LandUse;
  status: PlotStatus;
  tenant: string | null;
  sector: Sector | null;
  note: string;
};

type UsePlan = {
  grid: GridSpec;
  infrastructureAt: { row: number; col: number; note: string }[];
  serviceAt: { row: number; col: number }[];
  greenAt?: { row: number; col: number }[];
  /** Edge slivers below this share of a full cell become green buffer, except in `fullRows`. */
  greenBelowFill: number;
  /** Rows where every piece stays leasable land (the Thanh Bình I band still to be levelled). */
  fullRows?: number[];
};

const at = (c: GridCell, rc: { row: number; col: number }) => c.row === rc.row && c.col === rc.col;

/** Land use per cell; status, tenant and notes are filled in by the zone's own rule. */
function draftUses(zone: SketchPolygon, center: LonLat, plan: UsePlan): Draft[] {
  const cells = gridCells(shrink(zone, center, INSET), center, plan.grid);
  for (const want of [...plan.infrastructureAt, ...plan.serviceAt, ...(plan.greenAt ?? [])]) {
    if (!cells.some((c) => at(c, want))) throw new Error(`layout cell ${want.row},${want.col} is empty`);
  }
  return cells.map((cell) => {
    const infra = plan.infrastructureAt.find((i) => at(cell, i));
    const base = { cell, status: 'not_developed' as PlotStatus, tenant: null, sector: null };
    if (infra) return { ...base, landUse: 'infrastructure', note: infra.note };
    if (plan.serviceAt.some((s) => at(cell, s))) return { ...base, landUse: 'service', note: '' };
    if (plan.greenAt?.some((g) => at(cell, g))) return { ...base, landUse: 'green', note: 'Green buffer.' };
    if (cell.fill < plan.greenBelowFill && !plan.fullRows?.includes(cell.row)) {
      return { ...base, landUse: 'green', note: 'Green buffer at the zone edge.' };
    }
    return { ...base, landUse: 'industrial', note: '' };
  });
}

const leasable = (d: Draft) => d.landUse === 'industrial' || d.landUse === 'service';
const CODE_PREFIX: Record<LandUse, string> = { industrial: 'CN', service: 'DV', infrastructure: 'HT', green: 'CX' };

function toFeatures(zoneId: string, drafts: Draft[]): PlotFeature[] {
  const counters: Partial<Record<LandUse, number>> = {};
  return drafts.map((d) => {
    const n = (counters[d.landUse] ?? 0) + 1;
    counters[d.landUse] = n;
    const code = `${CODE_PREFIX[d.landUse]}-${String(n).padStart(2, '0')}`;
    return {
      type: 'Feature',
      geometry: d.cell.polygon,
      properties: {
        id: `${zoneId}-${code.toLowerCase()}`,
        zoneId,
        code,
        landUse: d.landUse,
        status: d.status,
        tenant: d.tenant,
        sector: d.sector,
        leaseStart: null,
        leaseEnd: null,
        priceVndM2Year: { value: null, sourceId: null, asOf: null, gap: 'not_found', note: 'NOT FOUND: no source states a land rent.' },
        accuracy: 'approximate',
        sourceId: LAYOUT_SOURCE,
        note: d.note ? `${d.note} ${SCHEMATIC}` : SCHEMATIC,
      },
    };
  });
}

/** Roads, plants and green land are not for lease: "reserved" once built, "not_developed" before. */
function markNonLeasable(drafts: Draft[], built: boolean): void {
  for (const d of drafts) if (!leasable(d)) d.status = built ? 'reserved' : 'not_developed';
}

const THANH_BINH_TENANTS: { name: string; sector: Sector | null }[] = [
  { name: 'Cty CP SAHABAK', sector: 'wood_panels' },
  { name: 'Chi nhánh Cty TNHH SX&TM Hồng Ngọc', sector: null },
  { name: 'Cty TNHH Lechenwood Việt Nam', sector: null },
  { name: 'Cty TNHH Kẻ Gỗ (Ke Go Co., Ltd)', sector: null },
  { name: 'Cty CP Đầu tư Govina', sector: 'plywood' },
];
/** bqlkcn-109: the part of phase I still to be levelled. */
const THANH_BINH_UNLEVELLED_HA = 13.89;

function thanhBinh1(zone: SketchPolygon, center: LonLat): Draft[] {
  const plan = (southWeight: number): UsePlan => ({
    grid: { rowWeights: [1, 1, 1, southWeight], cols: 4, gapM: ROAD_GAP_M, minHa: MIN_PLOT_HA },
    infrastructureAt: [
      { row: 2, col: 0, note: 'Central wastewater treatment plant, 2,500 m³/day (baodauthau-8835); position schematic.' },
    ],
    serviceAt: [{ row: 0, col: 1 }],
    greenBelowFill: 0.45,
    fullRows: [3],
  });
  const unlevelledHa = (w: number) =>
    draftUses(zone, center, plan(w))
      .filter((d) => d.cell.row === 3)
      .reduce((s, d) => s + d.cell.areaHa, 0);
  // The southern band's height is solved so that its plots total the sourced 13.89 ha.
  let lo = 0.2;
  let hi = 3;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (unlevelledHa(mid) < THANH_BINH_UNLEVELLED_HA) lo = mid;
    else hi = mid;
  }
  const drafts = draftUses(zone, center, plan((lo + hi) / 2));
  markNonLeasable(drafts, true);
  let next = 0;
  for (const d of drafts.filter(leasable)) {
    if (d.cell.row === 3) {
      d.status = 'not_developed';
      d.note = `Part of the ${THANH_BINH_UNLEVELLED_HA} ha of phase I still needing levelling (bqlkcn-109, baobackan-post58153).`;
      continue;
    }
    d.status = 'leased';
    const tenant = d.landUse === 'industrial' ? THANH_BINH_TENANTS[next++] : undefined;
    if (tenant) {
      d.tenant = tenant.name;
      d.sector = tenant.sector;
      d.note = 'Named tenant of the park; which plot it holds is not known, so its placement here is schematic.';
    } else {
      d.note = 'Leased: the developed land is fully let (lforum-2023). Tenant not identified: sources name 5 of the 14 projects.';
    }
  }
  return drafts;
}

function huyenTung(zone: SketchPolygon, center: LonLat): Draft[] {
  const drafts = draftUses(zone, center, {
    grid: { rowWeights: [1, 1, 1, 0.6], cols: 2, gapM: ROAD_GAP_M, minHa: MIN_PLOT_HA },
    infrastructureAt: [{ row: 3, col: 1, note: 'Technical infrastructure (substation, water and wastewater works); position schematic.' }],
    serviceAt: [{ row: 0, col: 0 }],
    greenAt: [{ row: 3, col: 0 }],
    greenBelowFill: 0.45,
  });
  markNonLeasable(drafts, true);
  for (const d of drafts.filter(leasable)) {
    d.status = 'leased';
    d.tenant = 'Cty TNHH SX giày Chung Jye Bắc Kạn – Việt Nam';
    d.sector = 'footwear';
    d.note = 'All industrial land of the cluster is leased to Chung Jye (baobackan-post68856).';
  }
  return drafts;
}

/** Vằng Mười and Nam Bằng Lũng: levelling 60–85 % done, no tenant. */
function levellingUnderWay(zone: SketchPolygon, center: LonLat, plan: UsePlan, levelledRows: number[]): Draft[] {
  const drafts = draftUses(zone, center, plan);
  markNonLeasable(drafts, false);
  for (const d of drafts.filter(leasable)) {
    d.status = levelledRows.includes(d.cell.row) ? 'available' : 'not_developed';
    d.note =
      'No tenant reported (baomoi-c51779460). Levelling was at 60–85 % of contract value in early 2025, so which plots are ready ("available") and which are not is schematic.';
  }
  return drafts;
}

function camGiang(zone: SketchPolygon, center: LonLat): Draft[] {
  const drafts = draftUses(zone, center, {
    grid: { rowWeights: [1, 1, 1], cols: 3, gapM: ROAD_GAP_M, minHa: MIN_PLOT_HA },
    infrastructureAt: [{ row: 1, col: 2, note: 'Planned technical infrastructure; position schematic.' }],
    serviceAt: [{ row: 0, col: 1 }],
    greenBelowFill: 0.45,
  });
  markNonLeasable(drafts, false);
  for (const d of drafts.filter(leasable)) d.note = 'The cluster is still at site clearance (baomoi-c51779460); no tenant.';
  return drafts;
}

const LAYOUTS: Record<string, (zone: SketchPolygon, center: LonLat) => Draft[]> = {
  'kcn-thanh-binh-1': thanhBinh1,
  'ccn-huyen-tung': huyenTung,
  'ccn-vang-muoi': (zone, center) =>
    levellingUnderWay(
      zone,
      center,
      {
        grid: { rowWeights: [1, 1, 0.4], cols: 3, gapM: ROAD_GAP_M, minHa: MIN_PLOT_HA },
        infrastructureAt: [{ row: 1, col: 2, note: 'Planned technical infrastructure; position schematic.' }],
        serviceAt: [{ row: 1, col: 0 }],
        greenAt: [0, 1].map((col) => ({ row: 2, col })),
        greenBelowFill: 0.45,
      },
      [0],
    ),
  'ccn-nam-bang-lung': (zone, center) =>
    levellingUnderWay(
      zone,
      center,
      {
        grid: { rowWeights: [0.35, 1, 1, 1], cols: 2, gapM: ROAD_GAP_M, minHa: MIN_PLOT_HA },
        infrastructureAt: [{ row: 3, col: 1, note: 'Planned technical infrastructure; position schematic.' }],
        serviceAt: [{ row: 3, col: 0 }],
        greenAt: [0, 1].map((col) => ({ row: 0, col })),
        greenBelowFill: 0.45,
      },
      [1, 2],
    ),
  'ccn-cam-giang': camGiang,
};

export const LAYOUT_ZONE_IDS = Object.keys(LAYOUTS);

export function buildPlots(zoneId: string, zone: SketchPolygon, center: LonLat): PlotFeature[] {
  const layout = LAYOUTS[zoneId];
  return layout ? toFeatures(zoneId, layout(zone, center)) : [];
}
