import { describe, expect, it } from 'vitest';
import type { HistoryPoint } from '../../geodata/api.ts';
import { splitByBasis } from '../../geodata/series.ts';
import { stateAt, stepIndexForYear, timelineSteps } from '../../client/lib/timeline.ts';

const point = (date: string, occupancyPct: number | null, status: string | null = 'operating', origin: 'yearly' | 'edit' = 'yearly'): HistoryPoint => ({
  date,
  occupancyPct,
  occupancyBasis: occupancyPct === null ? null : 'industrial_land',
  infraProgressPct: null,
  status,
  origin,
  sourceId: 's',
  auditId: null,
});

describe('timeline steps', () => {
  it('runs from the end of 2021 by year to today, with quarters that have edits', () => {
    const steps = timelineSteps(new Date('2026-11-24T10:00:00Z'), ['2026-02-03T08:00:00Z', '2026-05-01T08:00:00Z', '2026-11-20T08:00:00Z', '2023-12-01T00:00:00Z']);
    expect(steps.map((s) => s.date)).toEqual(['2021-12-31', '2022-12-31', '2023-12-31', '2024-12-31', '2025-12-31', '2026-03-31', '2026-06-30', '2026-11-24']);
    expect(steps.at(-1)!.kind).toBe('today');
    expect(steps[5]).toMatchObject({ kind: 'quarter', quarter: 1, year: 2026 });
    expect(stepIndexForYear(steps, 2021)).toBe(0);
  });
});

describe("timeline steps on the reader's calendar", () => {
  it("ends on the reader's day, not UTC's: 01:00 on 1 January in Vietnam is already the new year", () => {
    const tz = process.env.TZ;
    process.env.TZ = 'Asia/Ho_Chi_Minh';
    try {
      const steps = timelineSteps(new Date('2026-12-31T18:00:00Z'));
      expect(steps.at(-1)).toEqual({ date: '2027-01-01', kind: 'today', year: 2027 });
      expect(steps.at(-2)).toEqual({ date: '2026-12-31', kind: 'year', year: 2026 });
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });
});

describe('state at a date', () => {
  const ht = [point('2021-12-31', null, null), point('2023-12-31', null, 'under_construction'), point('2024-12-31', 100), point('2026-06-02T09:15:00Z', 80, 'operating', 'edit')];
  it('is the last point on or before the date, and null stays null', () => {
    expect(stateAt(ht, '2021-12-31')).toMatchObject({ occupancyPct: null, status: null, from: '2021-12-31' });
    expect(stateAt(ht, '2024-12-31').occupancyPct).toBe(100);
    expect(stateAt(ht, '2026-06-02').occupancyPct).toBe(80);
    expect(stateAt(ht, '2026-06-01').occupancyPct).toBe(100);
    expect(stateAt(ht, '2020-12-31')).toMatchObject({ occupancyPct: null, from: null });
  });
  it('splits a series at nulls so charts draw gaps, not zeros', () => {
    expect(splitByBasis([1, null, 2, 3, null], (v) => v, () => 'one').map((r) => r.points)).toEqual([[1], [2, 3]]);
  });
});
