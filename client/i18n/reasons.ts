/**
 * The API and the shared zod schemas explain a bad field in English. The reasons they are known
 * to give are shown in the interface language; any other reason is shown as sent.
 */
import type { StringKey } from './strings.ts';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

const KNOWN: [RegExp, StringKey][] = [
  [/^required$/i, 'reasonRequired'],
  [/^at most (\d[\d,]*) characters$/, 'reasonMaxChars'],
  [/^at least (\d+) characters$/, 'reasonMinChars'],
  [/^expected YYYY, YYYY-MM or YYYY-MM-DD$/, 'reasonDate'],
  [/^must not be negative$/, 'reasonNegative'],
  [/^not a number$/, 'reasonNumber'],
  [/^between 0 and 100$/, 'reasonPct'],
  [/^the lease cannot end before it starts$/, 'reasonLeaseOrder'],
  [/^a leased plot needs a tenant$/, 'reasonTenantRequired'],
  [/cannot be leased/, 'reasonLandUse'],
  [/^say where the figure comes from$/, 'reasonSourceNote'],
  [/lowercase letters, digits/, 'reasonUsername'],
  [/username is taken/, 'reasonUsernameTaken'],
  [/line must cross/, 'reasonSplitLine'],
  [/not adjacent/, 'reasonNotAdjacent'],
  [/different zones/, 'reasonDifferentZones'],
  [/same land use, status and tenant/, 'reasonMergeSame'],
  [/lock yourself out/, 'reasonSelfLockout'],
];

export function reasonText(reason: string, t: T): string {
  for (const [re, key] of KNOWN) {
    const m = re.exec(reason);
    if (m) return t(key, { n: m[1] ?? '' });
  }
  return reason;
}
