import { describe, expect, it } from 'vitest';
import { CONFIDENCE_LABEL, confidence } from '../../client/i18n/messages/confidence.ts';
import { figureWithConfidence } from '../../client/lib/confidence-text.ts';
import {
  CONFIDENCE_CODES,
  OLD_AFTER_YEARS,
  classifyFigure,
  occupancyConfidence,
  plotStatusConfidence,
  progressConfidence,
  referenceDateOf,
} from '../../geodata/confidence.ts';
import { summarizeProgress } from '../../geodata/metrics.ts';
import type { Infrastructure } from '../../geodata/schema.ts';

const REF = '2025-10-14';
const dated = (asOf: string | null) => ({ hasValue: true, asOf });

describe('classifyFigure', () => {
  it('gives every class, strongest caveat first', () => {
    expect(classifyFigure({ hasValue: false, asOf: '2025', schematic: true }, REF).code).toBe('none');
    expect(classifyFigure({ hasValue: true, asOf: '2010', schematic: true, coverage: 0.1 }, REF).code).toBe('schematic');
    expect(classifyFigure({ hasValue: true, asOf: '2010', coverage: 0.1 }, REF).code).toBe('partial');
    expect(classifyFigure(dated('2010'), REF).code).toBe('old');
    expect(classifyFigure(dated('2025-05'), REF).code).toBe('sourced');
  });

  it('calls a figure old only beyond the threshold, counted in calendar years from the data, not the clock', () => {
    expect(OLD_AFTER_YEARS).toBe(3);
    expect(classifyFigure(dated('2022'), REF)).toEqual({ code: 'sourced', year: 2022, coveragePct: null });
    expect(classifyFigure(dated('2022-01-01'), REF).code).toBe('sourced');
    expect(classifyFigure(dated('2021-12-31'), REF)).toEqual({ code: 'old', year: 2021, coveragePct: null });
    expect(classifyFigure(dated('2015'), '2018').code).toBe('sourced');
    expect(classifyFigure(dated('2015'), '2019').code).toBe('old');
    // No reference date: nothing to be old against.
    expect(classifyFigure(dated('1990'), null).code).toBe('sourced');
    // A value without a date is never "sourced and dated".
    expect(classifyFigure(dated(null), REF)).toEqual({ code: 'old', year: null, coveragePct: null });
  });

  it('calls a combination partial below half its weight, not at half', () => {
    expect(classifyFigure({ hasValue: true, asOf: '2025', coverage: 0.49 }, REF)).toEqual({ code: 'partial', year: 2025, coveragePct: 49 });
    expect(classifyFigure({ hasValue: true, asOf: '2025', coverage: 0.5 }, REF)).toEqual({ code: 'sourced', year: 2025, coveragePct: 50 });
    expect(classifyFigure({ hasValue: true, asOf: '2025', coverage: 1 }, REF).code).toBe('sourced');
  });

  it('takes the latest date as the reference date', () => {
    expect(referenceDateOf(['2021', null, '2025-10-14', undefined, '2025-05'])).toBe('2025-10-14');
    expect(referenceDateOf([null])).toBeNull();
  });
});

describe('the figures it classifies', () => {
  const item = (item: Infrastructure['item'], progressPct: number | null, asOf: string | null): Infrastructure => ({ item, progressPct, sourceId: 's', asOf });

  it('progress of 60 % on 20 % of the weight is partial, with its coverage', () => {
    const p = summarizeProgress([item('levelling', 60, '2025'), item('power', null, null)]);
    expect(progressConfidence(p, REF)).toEqual({ code: 'partial', year: 2025, coveragePct: 20 });
    expect(progressConfidence(summarizeProgress([]), REF).code).toBe('none');
    const old = summarizeProgress([item('levelling', 95.5, '2015'), item('internal_roads', 95.5, '2015'), item('site_clearance', 95.5, '2015')]);
    expect(progressConfidence(old, REF)).toEqual({ code: 'old', year: 2015, coveragePct: 55 });
  });

  it('occupancy from plots a planner changed on a schematic layout is schematic; a stated figure is dated', () => {
    expect(occupancyConfidence({ valuePct: 40, asOf: '2026-01-02T00:00:00Z', origin: 'edit' }, 'schematic', REF).code).toBe('schematic');
    expect(occupancyConfidence({ valuePct: 40, asOf: '2026-01-02T00:00:00Z', origin: 'edit' }, 'sourced', REF).code).toBe('sourced');
    expect(occupancyConfidence({ valuePct: 100, asOf: '2023-04-30', origin: 'source' }, 'schematic', REF).code).toBe('sourced');
    expect(occupancyConfidence({ valuePct: 95.5, asOf: '2015', origin: 'source' }, 'none', REF)).toMatchObject({ code: 'old', year: 2015 });
    expect(occupancyConfidence({ valuePct: null, asOf: null, origin: null }, 'none', REF).code).toBe('none');
  });

  it('a plot on a schematic layout is schematic, a surveyed one sourced', () => {
    expect(plotStatusConfidence({ schematic: true }, REF).code).toBe('schematic');
    expect(plotStatusConfidence({ schematic: false }, REF).code).toBe('sourced');
  });
});

describe('its words', () => {
  it('names a message with both languages for every class', () => {
    for (const code of CONFIDENCE_CODES) {
      const m = confidence[CONFIDENCE_LABEL[code]];
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
    }
  });

  it('never shows a partial or old figure bare', () => {
    expect(figureWithConfidence('vi', '60 %', { code: 'partial', year: 2025, coveragePct: 20 })).toBe('một phần: 60 % trên 20 % khối lượng');
    expect(figureWithConfidence('en', '60 %', { code: 'partial', year: 2025, coveragePct: 20 })).toBe('partial: 60 % on 20 % of the work');
    expect(figureWithConfidence('vi', '95,5 %', { code: 'old', year: 2015, coveragePct: null })).toBe('95,5 % (2015)');
    expect(figureWithConfidence('en', '12 ha', { code: 'schematic', year: null, coveragePct: null })).toBe('12 ha (schematic layout — not surveyed)');
    expect(figureWithConfidence('en', '80 %', { code: 'sourced', year: 2025, coveragePct: 100 })).toBe('80 %');
  });
});
