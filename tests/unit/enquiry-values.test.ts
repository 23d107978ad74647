import { describe, expect, it } from 'vitest';
import { checkEnquiry, EMPTY_ENQUIRY } from '../../client/components/enquiry/enquiry-values.ts';
import { enquiryReference } from '../../geodata/enquiry-receipt.ts';
import { parseDecimal } from '../../geodata/rules/number-text.ts';
import { readEnquiryDesk } from '../../server/config.ts';

const filled = { ...EMPTY_ENQUIRY, name: 'Nguyễn Văn A', email: 'a@example.vn' };
const areaError = (areaHa: string) => {
  const r = checkEnquiry({ zoneId: 'ccn-nam-bang-lung' }, { ...filled, areaHa });
  return r.ok ? null : r.errors.areaHa;
};

describe('the enquiry form tells each wrong area what is wrong with it', () => {
  it.each([
    ['-3', { code: 'positive' }],
    ['−3', { code: 'positive' }],
    ['0', { code: 'positive' }],
    ['abc', { code: 'number' }],
    ['2,5 ha', { code: 'number' }],
    ['20000', { code: 'atMost', params: { n: 10_000 } }],
  ])('%s → %j', (typed, reason) => expect(areaError(typed)).toEqual(reason));

  it('accepts a decimal comma and an empty area', () => {
    expect(checkEnquiry({ zoneId: 'z' }, { ...filled, areaHa: '2,5' })).toMatchObject({ ok: true, body: { areaHa: 2.5 } });
    expect(checkEnquiry({ zoneId: 'z' }, { ...filled, areaHa: ' ' })).toMatchObject({ ok: true });
  });
});

describe('parseDecimal', () => {
  it('reads signs and decimal commas, nothing else', () => {
    expect([parseDecimal('-3'), parseDecimal('+1.5'), parseDecimal('2,25'), parseDecimal('.5')]).toEqual([-3, 1.5, 2.25, 0.5]);
    expect([parseDecimal('abc'), parseDecimal('1e9'), parseDecimal(''), parseDecimal('1 000')]).toEqual([null, null, null, null]);
  });
});

describe('the enquiry receipt', () => {
  it('references an enquiry by its year and id', () => {
    expect(enquiryReference(42, '2026-12-05T23:04:00Z')).toBe('YC-2026-0042');
    expect(enquiryReference(123456, '2027-01-01T00:00:00Z')).toBe('YC-2027-123456');
  });

  it('reads the office from ENQUIRY_DESK_*, null for each part not set', () => {
    expect(readEnquiryDesk({})).toEqual({ name: null, email: null, phone: null, responseDays: null });
    expect(readEnquiryDesk({ ENQUIRY_DESK_NAME: ' BQL ', ENQUIRY_DESK_RESPONSE_DAYS: '5' })).toEqual({ name: 'BQL', email: null, phone: null, responseDays: 5 });
    expect(() => readEnquiryDesk({ ENQUIRY_DESK_RESPONSE_DAYS: 'soon' })).toThrow(/ENQUIRY_DESK_RESPONSE_DAYS/);
  });
});
