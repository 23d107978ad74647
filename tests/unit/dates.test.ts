import { describe, expect, it } from 'vitest';
import { formatDate } from '../../client/i18n/dates.ts';

describe('one date format per language', () => {
  it.each([
    // [ISO, Vietnamese, English]; a timeline step day (moved here from timeline.test.ts) first
    ['2021-12-31', '31/12/2021', '31 Dec 2021'],
    ['2026-12-05', '05/12/2026', '5 Dec 2026'],
    ['2025-01-09', '09/01/2025', '9 Jan 2025'],
    // Partial dates of the data keep their precision.
    ['2023-11', '11/2023', 'Nov 2023'],
    ['2015', '2015', '2015'],
  ])('%s → %s · %s', (iso, vi, en) => {
    expect(formatDate('vi', iso)).toBe(vi);
    expect(formatDate('en', iso)).toBe(en);
  });

  it('writes a moment with its time of day, in the reader’s time zone', () => {
    expect(formatDate('vi', '2026-12-05T16:04:00Z', 'Asia/Ho_Chi_Minh')).toBe('05/12/2026 23:04');
    expect(formatDate('en', '2026-12-05T16:04:00Z', 'Asia/Ho_Chi_Minh')).toBe('5 Dec 2026, 23:04');
    expect(formatDate('en', '2026-12-31T20:00:00Z', 'Asia/Ho_Chi_Minh')).toBe('1 Jan 2027, 03:00');
  });

  it('leaves what is no date as it was', () => {
    expect(formatDate('vi', 'soon')).toBe('soon');
    expect(formatDate('en', '2026-13')).toBe('2026-13');
  });
});
