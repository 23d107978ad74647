import { describe, expect, it } from 'vitest';
import type { PlotApiFeature, Problem } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { LAND_USE_ALLOWS } from '../support/land-use-status.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { api, planner } = await signedInAppForFile();

const plotsOf = async (zone: string) => ((await (await api.call(ANON, 'GET', `/api/zones/${zone}/plots`)).json()) as { features: PlotApiFeature[] }).features;
const etagOf = async (id: string) => (await api.call(ANON, 'GET', `/api/plots/${id}`)).headers.get('etag')!;

describe('the server answers every land use × status as the shared table says', () => {
  it.each(Object.entries(LAND_USE_ALLOWS))('a %s plot of Huyền Tụng', async (landUse, row) => {
    const plot = (await plotsOf('ccn-huyen-tung')).find((p) => p.properties.landUse === landUse)!;
    for (const [status, allowed] of Object.entries(row)) {
      const body = status === 'leased' ? { status, tenant: 'Cty TNHH Bảng Quy Tắc' } : { status };
      const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, body, { 'If-Match': await etagOf(plot.id) });
      expect(res.status, `${landUse} → ${status}`).toBe(allowed ? 200 : 400);
      if (allowed) expect(((await res.json()) as PlotApiFeature).properties.status).toBe(status);
      else {
        expect(((await res.json()) as Problem)['invalid-params']).toEqual([
          { name: 'status', reason: 'Infrastructure and green land can only be reserved or not developed, never leased or offered', code: 'landUseStatus', params: { landUse, status } },
        ]);
      }
    }
  });

  it('saves a sector on the bundled reserved green and infrastructure plots', async () => {
    for (const zone of ['kcn-thanh-binh-1']) {
      for (const plot of (await plotsOf(zone)).filter((p) => !['industrial', 'service'].includes(p.properties.landUse))) {
        expect(plot.properties.status).toBe('reserved');
        const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { sector: 'Cây xanh cách ly' }, { 'If-Match': await etagOf(plot.id) });
        expect(res.status).toBe(200);
      }
    }
  });
});

describe('reason codes in invalid-params', () => {
  it('names each refused field with its code and params next to the English reason', async () => {
    const plot = (await plotsOf('ccn-vang-muoi')).find((p) => p.properties.status === 'available')!;
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { tenant: 'x'.repeat(201), leaseStart: '2026-13', priceVndM2Year: -1, colour: 'red' }, { 'If-Match': await etagOf(plot.id) });
    expect(res.status).toBe(400);
    const params = ((await res.json()) as Problem)['invalid-params']!;
    expect(params).toEqual(
      expect.arrayContaining([
        { name: 'tenant', reason: 'At most 200 characters', code: 'maxChars', params: { n: 200 } },
        { name: 'leaseStart', reason: 'A date as YYYY, YYYY-MM or YYYY-MM-DD', code: 'date' },
        { name: 'priceVndM2Year', reason: 'Must not be negative', code: 'negative' },
        { name: 'colour', reason: 'Unknown parameter', code: 'unknownField' },
      ]),
    );
  });

  it('gives a new lease without a tenant the tenantRequired code', async () => {
    const plot = (await plotsOf('ccn-vang-muoi')).find((p) => p.properties.status === 'available')!;
    const res = await api.call(planner, 'PATCH', `/api/plots/${plot.id}`, { status: 'leased' }, { 'If-Match': await etagOf(plot.id) });
    expect(res.status).toBe(400);
    expect(((await res.json()) as Problem)['invalid-params']).toEqual([{ name: 'tenant', reason: 'A leased plot needs a tenant', code: 'tenantRequired' }]);
  });
});
