import { describe, expect, it } from 'vitest';
import { buildPlotPatch, plotToForm } from '../../client/components/plot-edit-values.ts';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { landUseAllows, plotEditProblems, statusesAllowed } from '../../geodata/rules/plot-rules.ts';
import type { LandUse, PlotStatus } from '../../geodata/vocabulary.ts';
import { LAND_USE_STATUS_CASES } from '../support/land-use-status.ts';

/** A plot as the API sends it; only what the form and the rules read matters. */
function plot(landUse: LandUse, status: PlotStatus, tenant: string | null = status === 'leased' ? 'Cty TNHH Có Sẵn' : null): PlotApiFeature {
  return {
    type: 'Feature',
    id: 'p',
    geometry: { type: 'Polygon', coordinates: [] },
    properties: {
      id: 'p', zoneId: 'z', code: 'P', landUse, status, tenant, sector: null, leaseStart: null, leaseEnd: null,
      priceVndM2Year: { value: null, sourceId: null, asOf: null }, accuracy: 'approximate', sourceId: 's', areaHa: 1, openEnquiries: 0, version: 1,
    },
  } as unknown as PlotApiFeature;
}

describe('what a land use allows: one table for the shared rule and the edit form', () => {
  it.each(LAND_USE_STATUS_CASES)('$landUse plot, status $status: allowed $allowed', ({ landUse, status, allowed }) => {
    // The shared rule itself.
    expect(landUseAllows(landUse, status)).toBe(allowed);
    expect(statusesAllowed(landUse).includes(status)).toBe(allowed);
    expect(plotEditProblems({ landUse, status, tenant: 'Cty TNHH Mới' }, { status }).map((p) => p.field)).toEqual(allowed ? [] : ['status']);

    // The edit form, from every other status to this one (a lease with its tenant).
    for (const from of (['leased', 'reserved', 'available', 'not_developed'] as const).filter((s) => s !== status)) {
      const record = plot(landUse, from);
      const built = buildPlotPatch({ ...plotToForm(record), status, tenant: 'Cty TNHH Mới' }, record);
      expect(built.ok, `${from} → ${status}`).toBe(allowed);
      if (!built.ok) expect(built.errors.status).toEqual({ code: 'landUseStatus', params: { landUse, status } });
    }
  });

  it.each(LAND_USE_STATUS_CASES.filter((c) => c.allowed))('saves any other change to a $landUse plot that is $status', ({ landUse, status }) => {
    // The bundled "reserved" green and infrastructure plots were refused here however they were edited.
    const record = plot(landUse, status);
    const built = buildPlotPatch({ ...plotToForm(record), sector: 'Cây xanh cách ly' }, record);
    expect(built).toEqual({ ok: true, body: { sector: 'Cây xanh cách ly' } });
  });
});

describe('what an edit may leave', () => {
  it('asks a new lease for its tenant, and leaves an old lease without one alone', () => {
    const newLease = plot('industrial', 'available');
    const refused = buildPlotPatch({ ...plotToForm(newLease), status: 'leased', tenant: '' }, newLease);
    expect(refused).toEqual({ ok: false, errors: { tenant: { code: 'tenantRequired' } } });

    const oldLease = plot('industrial', 'leased', null);
    expect(buildPlotPatch({ ...plotToForm(oldLease), sector: 'Chế biến gỗ' }, oldLease)).toEqual({ ok: true, body: { sector: 'Chế biến gỗ' } });
    expect(plotEditProblems({ landUse: 'industrial', status: 'leased', tenant: null }, { tenant: null })).toEqual([{ field: 'tenant', reason: { code: 'tenantRequired' } }]);
  });
});
