/**
 * The timeline. A zone snapshot is one sourced observation, dated when its source says it held
 * (never later than the source): each status event, and each stated occupancy figure. Between
 * two snapshots the viewer shows the earlier one; nothing is carried into a later year by the
 * data itself. Province indicators are one row per indicator and year 2021–2025 (the Nghị quyết
 * 16-NQ/TU period).
 */
import type { ProvinceIndicator, YearlyFile, ZoneProperties, ZoneSnapshot } from '../../schema.ts';
import { type OccupancyBasis, summarizeProgress } from '../../metrics.ts';

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

/** A stated occupancy at a date; the date never postdates the source (geodata:check). */
export type Occupancy = { date: string; pct: number; sourceId: string; note: string; basis?: OccupancyBasis };

const OCCUPANCY: Record<string, Occupancy[]> = {
  'kcn-thanh-binh-1': [
    { date: '2015', pct: 97, sourceId: 'baodauthau-8835', note: '97 % with 4 investors in 2015.' },
    {
      date: '2023-04-30',
      pct: 100,
      basis: 'developed_land',
      sourceId: 'lforum-2023',
      note: 'Developed land basis: the industrial land with infrastructure for rent "has been filled", no new project since 2022. No later figure: 8 of 14 projects operating in August 2024 (lforum-2024) says nothing of land.',
    },
  ],
  'ccn-huyen-tung': [
    { date: '2024-12', pct: 100, basis: 'industrial_land', sourceId: 'baobackan-post68856', note: 'All industrial land leased to Chung Jye (January 2025 review of 2024). When the lease was signed is NOT FOUND.' },
    { date: '2025-05', pct: 100, basis: 'industrial_land', sourceId: 'congdoan-936096', note: 'All industrial land leased to Chung Jye; plant operation expected Q2/2025.' },
  ],
};

/** Dates compare as strings: "2024-12" and "2024" both sort before "2024-12-31". */
function snapshotAt(zone: ZoneProperties, date: string, sourceId: string, occ: Occupancy | undefined, note: string | undefined): ZoneSnapshot {
  const events = zone.statusHistory.filter((e) => e.date <= date);
  const event = events[events.length - 1];
  const progress = summarizeProgress(zone.infrastructure.filter((i) => i.asOf !== null && i.asOf <= date));
  const notes = [note, occ?.note].filter((n): n is string => !!n);
  const snap: ZoneSnapshot = {
    zoneId: zone.id,
    date,
    status: event?.status ?? null,
    occupancyPct: occ?.pct ?? null,
    // What the figure is a share of, where the source says (a series never joins two bases).
    ...(occ?.basis ? { occupancyBasis: occ.basis } : {}),
    infraProgressPct: progress.progressPct,
    sourceId,
  };
  if (notes.length) snap.note = [...new Set(notes)].join(' ');
  return snap;
}

/** One snapshot per stated occupancy and per status event, in date order (shared with the other regions' builds). */
export function zoneSnapshots(zone: ZoneProperties, occupancy: Record<string, Occupancy[]> = OCCUPANCY): ZoneSnapshot[] {
  const byDate = new Map<string, ZoneSnapshot>();
  for (const occ of occupancy[zone.id] ?? []) byDate.set(occ.date, snapshotAt(zone, occ.date, occ.sourceId, occ, undefined));
  for (const e of zone.statusHistory) {
    if (!byDate.has(e.date)) byDate.set(e.date, snapshotAt(zone, e.date, e.sourceId, undefined, e.note));
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

type Series = {
  indicator: string;
  target?: boolean;
  label: { vi: string; en: string };
  unit: string;
  values: Partial<Record<number, { value: number | null; sourceId: string | null; note?: string }>>;
};

const SERIES: Series[] = [
  {
    indicator: 'industry_grdp_growth_target_pct',
    target: true,
    label: { vi: 'Mục tiêu tăng trưởng GRDP khu vực công nghiệp (NQ 16)', en: 'Industrial GRDP growth target (Resolution 16)' },
    unit: '%',
    values: Object.fromEntries(
      YEARS.map((y) => [y, { value: 13, sourceId: 'backan-gov-259d', note: 'Target: above 13 %/yr on average over 2021–2025.' }]),
    ),
  },
  {
    indicator: 'industry_value_added_growth_pct',
    label: { vi: 'Tăng trưởng giá trị tăng thêm ngành công nghiệp', en: 'Industrial value-added growth' },
    unit: '%',
    values: {
      2024: { value: 11.03, sourceId: 'baobackan-post68856', note: 'Value added ≈642 bn VND at 2010 prices.' },
    },
  },
  {
    indicator: 'industry_construction_value_added_growth_pct',
    label: { vi: 'Tăng trưởng giá trị tăng thêm công nghiệp – xây dựng', en: 'Industry and construction value-added growth' },
    unit: '%',
    values: {
      2021: { value: 5.26, sourceId: 'baobackan-post2305', note: 'Industry and construction combined: 1,285.558 bn VND at 2010 prices.' },
    },
  },
  {
    indicator: 'grdp_growth_pct',
    label: { vi: 'Tăng trưởng GRDP của tỉnh', en: 'Provincial GRDP growth' },
    unit: '%',
    values: { 2021: { value: 3.73, sourceId: 'baobackan-post2305', note: 'Estimate.' } },
  },
  {
    indicator: 'industrial_output_bn_vnd',
    label: { vi: 'Giá trị sản xuất công nghiệp (giá so sánh 2010)', en: 'Industrial gross output (2010 prices)' },
    unit: 'bn VND',
    values: {
      2022: { value: null, sourceId: null, note: 'Annual figure NOT FOUND; January–October ≈1,247 bn VND, 77 % of plan (baobackan-post1524).' },
      2023: {
        value: 1780,
        sourceId: 'congthuong-297008',
        note: 'Approximate; 100.4 % of plan. The price basis is not stated but matches the 2024 growth at 2010 prices.',
      },
      2024: {
        value: 2023.72,
        sourceId: 'baobackan-post68856',
        note: '106.51 % of plan. Another article gives "about 4,800 bn VND", probably at current prices (baobackan-post70526).',
      },
      2025: { value: null, sourceId: null, note: 'Annual figure NOT FOUND; Q1 ≈602 bn VND, 26.46 % of plan (baobackan-post70526).' },
    },
  },
  {
    indicator: 'industrial_output_growth_pct',
    label: { vi: 'Tăng trưởng giá trị sản xuất công nghiệp', en: 'Industrial gross output growth' },
    unit: '%',
    values: {
      2022: { value: 8.2, sourceId: 'baobackan-post1524', note: 'January–October, year on year.' },
      2023: { value: 12.22, sourceId: 'congthuong-297008' },
      2024: { value: 13.38, sourceId: 'baobackan-post68856', note: 'At 2010 prices.' },
    },
  },
  {
    indicator: 'industrial_production_index_growth_pct',
    label: { vi: 'Tăng trưởng chỉ số sản xuất công nghiệp (IIP)', en: 'Industrial production index (IIP) growth' },
    unit: '%',
    values: {
      2024: { value: 11.73, sourceId: 'baobackan-post68856' },
      2025: { value: null, sourceId: null, note: 'Annual figure NOT FOUND; Q1/2025 +22.2 % year on year (baobackan-post70526).' },
    },
  },
];

function indicators(): ProvinceIndicator[] {
  return SERIES.flatMap((s) =>
    YEARS.map((year): ProvinceIndicator => {
      const v = s.values[year] ?? { value: null, sourceId: null, note: 'NOT FOUND' };
      const row: ProvinceIndicator = { indicator: s.indicator, label: s.label, unit: s.unit, year, value: v.value, sourceId: v.sourceId };
      if (s.target) row.target = true;
      if (v.note) row.note = v.note;
      return row;
    }),
  );
}

export function buildYearly(zones: ZoneProperties[]): YearlyFile {
  return { zones: zones.flatMap((z) => zoneSnapshots(z)), province: indicators() };
}
