/**
 * The former-Thái Nguyên timeline: one zone snapshot per sourced observation (each status event,
 * each stated occupancy), dated when its source says it held, as for Bắc Kạn (../bac-kan/yearly.ts).
 * No province indicator rows: the region's province-wide figures are not a yearly series here.
 */
import type { YearlyFile, ZoneProperties } from '../../schema.ts';
import { type Occupancy, zoneSnapshots } from '../bac-kan/yearly.ts';

const MT = 'Machine translation; the basis is not stated, so none is recorded.';

export const TN_OCCUPANCY: Record<string, Occupancy[]> = {
  'kcn-yen-binh': [
    { date: '2024-12', pct: 100, sourceId: 'laodong-es-1530478', note: `100 % at the end of 2024 ("pacíficos" in the Spanish text). ${MT}` },
    { date: '2025-08', pct: 100, sourceId: 'vietnam-vn-ja-yen-binh-2', note: `"Filled"; Samsung occupies 200 ha. ${MT}` },
  ],
  'kcn-diem-thuy': [{ date: '2024-12', pct: 100, sourceId: 'laodong-es-1530478', note: `100 % at the end of 2024. ${MT}` }],
  'kcn-song-cong-2': [{ date: '2024-12', pct: 100, sourceId: 'laodong-es-1530478', note: `100 % at the end of 2024 ("Cong 2"). ${MT}` }],
};

export function buildTnYearly(zones: ZoneProperties[]): YearlyFile {
  return { zones: zones.flatMap((z) => zoneSnapshots(z, TN_OCCUPANCY)), province: [] };
}
