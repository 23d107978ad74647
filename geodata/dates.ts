/**
 * Dates as the data writes them: "2025", "2025-05" or "2025-05-14" (sources often give only a
 * year or a month). A full date must exist in the calendar (no 2024-02-31), and every date lies
 * between 1900 and 2100: the as-of dates of sources and planners' lease dates (a lease runs at
 * most 70 years), so "0000" or "9999-12-31" is a typing slip, not a date.
 */
import { DATE_PATTERN } from './rules/patterns.ts';
import type { Reason } from './rules/reasons.ts';

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2100;

const daysIn = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Why a YYYY[-MM[-DD]] string is not a date, or null when it is one. */
export function dateReason(s: string): Reason | null {
  if (!DATE_PATTERN.test(s)) return { code: 'date' };
  const [y, m, d] = s.split('-').map(Number) as [number, number | undefined, number | undefined];
  if (y < MIN_YEAR || y > MAX_YEAR) return { code: 'yearRange', params: { min: String(MIN_YEAR), max: String(MAX_YEAR) } };
  if (m !== undefined && d !== undefined && d > daysIn(y, m)) return { code: 'calendarDay', params: { date: s } };
  return null;
}

/** The same for an instant (RFC 3339, e.g. ?since=): its date part must be a real date in range. */
export function instantReason(s: string): Reason | null {
  const day = /^(\d{4}-\d{2}-\d{2})T/.exec(s)?.[1];
  return day ? dateReason(day) : { code: 'date' };
}
