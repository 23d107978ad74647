import { describe, expect, it } from 'vitest';
import { tourProblems } from '../../geodata/rules/tour-rules.ts';
import { reasonMessage } from '../../geodata/rules/reasons.ts';

const tour = (vi: string, en = vi) => ({ title: { vi: 't', en: 't' }, stops: [{ target: 'province', caption: { vi, en }, figures: [] }] });

describe('tour captions are templates over known placeholders', () => {
  it('accepts the placeholders the captions are filled from, and plain text', () => {
    expect(tourProblems(tour('{name}: {occupancy}; {tenants}', 'Province: KCN {kcn-occupancy}, CCN {ccn-occupancy}'), new Set())).toEqual([]);
    expect(tourProblems(tour('Toàn tỉnh: kết thúc'), new Set())).toEqual([]);
  });

  it('refuses an unknown placeholder in either language, naming the caption, with a message in both languages', () => {
    const problems = tourProblems(tour('{name}: {occupation}', '{name}'), new Set());
    expect(problems).toEqual([{ field: 'stops.0.caption', reason: { code: 'tourPlaceholder' } }]);
    expect(reasonMessage('vi', problems[0]!.reason)).toContain('occupancy');
    expect(reasonMessage('en', problems[0]!.reason)).toContain('occupancy');
    expect(tourProblems(tour('{name}', '{tenant}'), new Set()).map((p) => p.reason.code)).toEqual(['tourPlaceholder']);
  });
});
