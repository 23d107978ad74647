/**
 * The 2021–2025 timeline (the Nghị quyết 16-NQ/TU period). Zone status comes from statusHistory
 * and infrastructure progress from the dated infrastructure items, so the timeline cannot drift
 * from the zones; occupancy appears only for years a source speaks to.
 */
import type { ProvinceIndicator, YearlyFile, ZoneProperties, ZoneSnapshot } from '../../schema.ts';
import { summarizeProgress } from '../../metrics.ts';

export const YEARS = [2021, 2022, 2023, 2024, 2025] as const;

type Occupancy = { pct: number | null; sourceId?: string; note: string };

const THANH_BINH_FULL = 'Developed land basis: no new projects since 2022 because the developed land is filled (lforum-2023, April 2023).';
const NO_TENANT_2025 = 'No tenant reported, early 2025 (baomoi-c51779460).';

const OCCUPANCY: Record<string, Partial<Record<number, Occupancy>>> = {
  'kcn-thanh-binh-1': {
    2021: { pct: null, note: 'NOT FOUND for 2021. Last figure before: 97 % with 4 investors in 2015 (baodauthau-8835).' },
    2022: { pct: 100, sourceId: 'lforum-2023', note: THANH_BINH_FULL },
    2023: { pct: 100, sourceId: 'lforum-2023', note: THANH_BINH_FULL },
    2024: { pct: null, note: 'NOT FOUND for 2024 (8 projects operating in August 2024, lforum-2024).' },
    2025: { pct: null, note: 'NOT FOUND for 2025.' },
  },
  'ccn-huyen-tung': {
    2023: { pct: null, note: 'The date of the Chung Jye lease is NOT FOUND (its plant was built from 6/2024), so 2023 is left unknown.' },
    2024: { pct: 100, sourceId: 'baobackan-post68856', note: 'All industrial land leased to Chung Jye (January 2025 review of 2024).' },
    2025: { pct: 100, sourceId: 'congdoan-936096', note: 'All industrial land leased to Chung Jye; plant operation expected Q2/2025.' },
  },
  'ccn-vang-muoi': { 2025: { pct: 0, sourceId: 'baomoi-c51779460', note: NO_TENANT_2025 } },
  'ccn-nam-bang-lung': { 2025: { pct: 0, sourceId: 'baomoi-c51779460', note: NO_TENANT_2025 } },
  'ccn-cam-giang': { 2025: { pct: 0, sourceId: 'baomoi-c51779460', note: NO_TENANT_2025 } },
  'ccn-quang-chu': {
    2025: { pct: null, note: 'Giấy Hòa An Phước broke ground on 11/10/2025 (vtcnews-ar971131); leased area NOT FOUND.' },
  },
};

/** Dates compare as strings: "2024-12" and "2024" both sort before "2024-12-31". */
function snapshot(zone: ZoneProperties, year: number): ZoneSnapshot {
  const date = `${year}-12-31`;
  const events = zone.statusHistory.filter((e) => e.date <= date);
  const event = events[events.length - 1];
  const progress = summarizeProgress(zone.infrastructure.filter((i) => i.asOf !== null && i.asOf <= date));
  const occ = OCCUPANCY[zone.id]?.[year];
  const notes: string[] = [];
  if (!event) notes.push(`No sourced status on this date; first sourced event ${zone.statusHistory[0]?.date ?? 'none'}.`);
  if (occ) notes.push(occ.note);
  const sourceId = occ?.sourceId ?? event?.sourceId ?? zone.statusHistory[0]?.sourceId;
  if (!sourceId) throw new Error(`${zone.id}: no source for the ${year} snapshot`);
  const snap: ZoneSnapshot = {
    zoneId: zone.id,
    date,
    status: event?.status ?? null,
    occupancyPct: occ?.pct ?? null,
    infraProgressPct: progress.progressPct,
    sourceId,
  };
  if (notes.length) snap.note = notes.join(' ');
  return snap;
}

type Series = {
  indicator: string;
  label: { vi: string; en: string };
  unit: string;
  values: Partial<Record<number, { value: number | null; sourceId: string | null; note?: string }>>;
};

const SERIES: Series[] = [
  {
    indicator: 'industry_grdp_growth_target_pct',
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
      if (v.note) row.note = v.note;
      return row;
    }),
  );
}

export function buildYearly(zones: ZoneProperties[]): YearlyFile {
  return { zones: zones.flatMap((z) => YEARS.map((y) => snapshot(z, y))), province: indicators() };
}
