import { describe, expect, it } from 'vitest';
import { ApiError } from '../../client/api.ts';
import { translate, type StringKey } from '../../client/i18n/strings.ts';
import { errorMessage } from '../../client/lib/error-message.ts';
import { fromZod } from '../../client/lib/form-errors.ts';
import { enquiryBody, infrastructurePatchBody, plotPatchBody, userCreateBody } from '../../geodata/requests.ts';
import { REASON_MESSAGES, reasonMessage, type ReasonCode } from '../../geodata/rules/reasons.ts';
import { tourProblems } from '../../geodata/rules/tour-rules.ts';
import type { Label } from '../../geodata/vocabulary.ts';
import { placeholdersOf } from '../../geodata/message-format.ts';

const placeholders = placeholdersOf;

describe('the reason table', () => {
  it('has both languages for every code, naming the same params', () => {
    for (const [code, m] of Object.entries(REASON_MESSAGES)) {
      expect(m.vi.trim(), code).not.toBe('');
      expect(m.en.trim(), code).not.toBe('');
      expect(placeholders(m.vi), code).toEqual(placeholders(m.en));
    }
  });

  it('refuses, at compile time, a code without both languages', () => {
    // @ts-expect-error: the Vietnamese text is missing
    const missing = { onlyEn: { en: 'English only' } } satisfies Record<string, Label>;
    expect(missing.onlyEn.en).toBe('English only');
  });

  it('fills params, writing numbers the language’s way', () => {
    expect(reasonMessage('vi', { code: 'atMost', params: { n: 10_000 } })).toBe('Tối đa 10.000');
    expect(reasonMessage('en', { code: 'atMost', params: { n: 10_000 } })).toBe('At most 10,000');
    expect(reasonMessage('en', { code: 'noSuchPlot', params: { id: 'cn-03' } })).toBe('No plot with id "cn-03"');
  });
});

describe('a request schema refusal, read as a code from the issue (never from its message)', () => {
  const codes = (r: { success: boolean; error?: Parameters<typeof fromZod>[0] }) => (r.success ? {} : fromZod(r.error!));
  it.each<[string, object, Record<string, { code: ReasonCode; params?: object }>]>([
    ['plot', { tenant: 'x'.repeat(201), leaseStart: '2026-02', leaseEnd: '2025' }, { tenant: { code: 'maxChars', params: { n: 200 } }, leaseEnd: { code: 'leaseOrder' } }],
    ['plot', { sector: 'a\u0000b', leaseStart: '31/12/2025', priceVndM2Year: -5 }, { sector: { code: 'notStorable' }, leaseStart: { code: 'date' }, priceVndM2Year: { code: 'negative' } }],
    ['infrastructure', { progressPct: 120, asOf: '2026', sourceNote: '' }, { progressPct: { code: 'atMost', params: { n: 100 } }, sourceNote: { code: 'required' } }],
    ['user', { username: 'Lan Nguyen', role: 'planner', password: 'short' }, { username: { code: 'username' }, password: { code: 'minChars', params: { n: 12 } } }],
    ['enquiry', { zoneId: 'Not An Id', name: '', phone: 'call me', areaHa: 0 }, { zoneId: { code: 'recordId' }, name: { code: 'required' }, phone: { code: 'phone' }, areaHa: { code: 'positive' } }],
  ])('%s body %j', (schema, body, expected) => {
    const s = { plot: plotPatchBody, infrastructure: infrastructurePatchBody, user: userCreateBody, enquiry: enquiryBody }[schema]!;
    expect(codes(s.safeParse(body) as never)).toMatchObject(expected);
  });
});

describe('a leaders’ tour typed as JSON', () => {
  const zones = new Set(['ccn-huyen-tung']);
  const stop = { target: 'ccn-huyen-tung', caption: { vi: 'Huyền Tụng', en: 'Huyen Tung' }, figures: ['occupancy'] };
  it('is checked by the rule the server applies, field by field, with codes', () => {
    expect(tourProblems({ title: { vi: 'T', en: 'T' }, stops: [stop] }, zones)).toEqual([]);
    expect(tourProblems({ title: { vi: 'T', en: 'T' }, stops: [stop, { ...stop, target: 'atlantis' }] }, zones)).toEqual([{ field: 'stops.1.target', reason: { code: 'tourTarget' } }]);
    expect(tourProblems({ title: { vi: 'T', en: 'T' }, stops: [{ ...stop, caption: { vi: 'x', en: '' } }] }, zones)).toEqual([{ field: 'stops.0.caption.en', reason: { code: 'required' } }]);
    expect(tourProblems({ title: { vi: 'T', en: 'T' }, stops: [] }, zones)).toEqual([{ field: 'stops', reason: { code: 'minItems', params: { n: 1 } } }]);
  });
});

describe('a refused request, in the interface language', () => {
  const t = (k: StringKey, v?: Record<string, string | number>) => translate('vi', k, v);
  const refused = (param: object) =>
    new ApiError(400, { type: 'about:blank', title: 'Invalid request body', status: 400, detail: 'tenant: A leased plot needs a tenant', 'invalid-params': [{ name: 'tenant', ...param } as never] });
  it('leaves out the English detail when every field has a code the table explains', () => {
    expect(errorMessage(refused({ reason: 'A leased plot needs a tenant', code: 'tenantRequired' }), t)).toBe('Dữ liệu không hợp lệ.');
  });
  it('keeps it when a field has no code or only the generic one', () => {
    expect(errorMessage(refused({ reason: 'A leased plot needs a tenant' }), t)).toBe('Dữ liệu không hợp lệ. (tenant: A leased plot needs a tenant)');
    expect(errorMessage(refused({ reason: 'bad', code: 'invalid' }), t)).toBe('Dữ liệu không hợp lệ. (tenant: A leased plot needs a tenant)');
  });
});
