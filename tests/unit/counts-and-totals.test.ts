/**
 * Counts are written with the language's plural forms (one mechanism: geodata/message-format.ts),
 * and a province total carries the confidence class of the figures it rests on.
 */
import { describe, expect, it } from 'vitest';
import { STRINGS, translate } from '../../client/i18n/strings.ts';
import { aggregateText } from '../../client/lib/occupancy-text.ts';
import { CAVEAT_MESSAGES } from '../../geodata/caveat-messages.ts';
import { totalConfidence } from '../../geodata/confidence.ts';
import { aggregateOccupancy, type AggregateZoneInput } from '../../geodata/metrics.ts';
import { REASON_MESSAGES, reasonMessage } from '../../geodata/rules/reasons.ts';

describe('plural forms', () => {
  it('writes "1 working day" and "2 working days", and leaves Vietnamese, which has one form, alone', () => {
    expect(translate('en', 'enqWorkingDays', { n: 1 })).toBe('1 working day');
    expect(translate('en', 'enqWorkingDays', { n: 2 })).toBe('2 working days');
    expect(translate('vi', 'enqWorkingDays', { n: 1 })).toBe('1 ngày làm việc');
    expect(translate('en', 'findCount', { n: 1, ha: '2' })).toBe('1 plot · 2 ha available');
    expect(translate('en', 'findCount', { n: 1234, ha: '2' })).toBe('1,234 plots · 2 ha available');
    expect(reasonMessage('en', { code: 'maxChars', params: { n: 1 } })).toBe('At most 1 character');
    expect(reasonMessage('en', { code: 'maxChars', params: { n: 200 } })).toBe('At most 200 characters');
  });

  it('no English message writes a count straight before a plural noun, or "(s)"', () => {
    const english = {
      ...STRINGS.en,
      ...Object.fromEntries(Object.entries(REASON_MESSAGES).map(([k, m]) => [k, m.en])),
      ...Object.fromEntries(Object.entries(CAVEAT_MESSAGES).map(([k, m]) => [k, m.en])),
    };
    // A count placeholder, then a word ending in s ("{n} zones"), outside a plural block.
    const bare = /\{(n|total|count|years|days|met|named)\}\s+(?!is\b|has\b|was\b)[a-z]+s\b/;
    const offenders = Object.entries(english).filter(([, text]) => bare.test(text) || text.includes('(s)'));
    expect(offenders).toEqual([]);
  });
});

describe('the confidence of a province total', () => {
  const label = { vi: 'x', en: 'x' };
  const zone = (id: string, totalAreaHa: number, confidence: AggregateZoneInput['confidence'], asOf = '2025-05'): AggregateZoneInput => ({
    id,
    name: label,
    totalAreaHa,
    occupancy: { valuePct: 100, basis: 'industrial_land', origin: 'source', asOf, sourceId: 's', editedBy: null, leasedHa: null, baseHa: null, gap: null },
    confidence,
  });

  it('is as sure as its weakest part, and says how much rests on each class', () => {
    const a = aggregateOccupancy([zone('a', 73.5, 'sourced'), zone('b', 16, 'schematic')]);
    expect(a.valuePct).toBe(100);
    expect(a.confidence.code).toBe('schematic');
    expect(a.confidence.shares).toEqual([
      { code: 'schematic', zones: 1, ha: 16 },
      { code: 'sourced', zones: 1, ha: 73.5 },
    ]);
    expect(aggregateOccupancy([zone('a', 10, 'sourced'), zone('b', 5, 'old', '2015')]).confidence).toMatchObject({ code: 'old', year: 2015 });
    expect(aggregateOccupancy([zone('a', 10, 'sourced')]).confidence.code).toBe('sourced');
  });

  it('has no class without a figure, but still the shares', () => {
    expect(totalConfidence([{ confidence: 'sourced', asOf: '2025', totalAreaHa: 16 }], false)).toEqual({
      code: 'none', year: null, coveragePct: null, shares: [{ code: 'sourced', zones: 1, ha: 16 }],
    });
  });

  it('in words: the figure carries its mark, the short line the shares, with plural forms', () => {
    const mixed = aggregateText('en', aggregateOccupancy([zone('a', 73.5, 'sourced'), zone('b', 16, 'schematic'), zone('c', 4, 'schematic')]));
    expect(mixed.value).toBe('~100 %');
    expect(mixed.detail).toContain('2 zones from a schematic layout (20 ha)');
    expect(mixed.detail).toContain('1 zone sourced (73.5 ha)');
    const old = aggregateText('vi', aggregateOccupancy([zone('a', 73.5, 'old', '2015')]));
    expect(old.value).toBe('100 % (2015)');
    expect(old.detail).toContain('1 khu/cụm số liệu cũ hơn 3 năm (73,5 ha)');
    const one = aggregateText('en', aggregateOccupancy([zone('a', 73.5, 'sourced')]));
    expect(one.value).toBe('100 %');
    expect(one.full).toContain('rests on 1 zone (73.5 ha): x');
    expect(one.detail).not.toContain(': x');
  });
});
