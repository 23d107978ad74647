/**
 * The plot edit form's values and what Save sends. The form checks the whole resulting plot with
 * the same rules the server applies (geodata/rules/plot-rules.ts), so it refuses exactly what the
 * server would refuse, with the same reason codes.
 */
import type { PlotApiFeature } from '../../geodata/api.ts';
import { plotPatchBody, type PlotPatch } from '../../geodata/requests.ts';
import { isHeld, plotEditProblems } from '../../geodata/rules/plot-rules.ts';
import type { PlotStatus } from '../../geodata/vocabulary.ts';
import { fromZod, type FieldErrors } from '../lib/form-errors.ts';
import type { Built } from '../lib/use-versioned-form.ts';

export type PlotFormValues = { status: PlotStatus; tenant: string; sector: string; leaseStart: string; leaseEnd: string; price: string; reason: string };

export function plotToForm(plot: PlotApiFeature): PlotFormValues {
  const p = plot.properties;
  return {
    status: p.status,
    tenant: p.tenant ?? '',
    sector: p.sector ?? '',
    leaseStart: p.leaseStart ?? '',
    leaseEnd: p.leaseEnd ?? '',
    price: p.priceVndM2Year.value === null ? '' : String(p.priceVndM2Year.value),
    reason: '',
  };
}

const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Only the fields that differ from the record: an untouched price keeps its source and date. */
export function buildPlotPatch(v: PlotFormValues, plot: PlotApiFeature): Built<PlotPatch> {
  const p = plot.properties;
  const held = isHeld(v.status);
  const price = v.price.trim() === '' ? null : Number(v.price.replace(/\s/g, '').replace(',', '.'));
  const wanted = {
    status: v.status,
    tenant: held ? orNull(v.tenant) : null,
    sector: orNull(v.sector),
    leaseStart: held ? orNull(v.leaseStart) : null,
    leaseEnd: held ? orNull(v.leaseEnd) : null,
    priceVndM2Year: price,
  };
  const current = { status: p.status, tenant: p.tenant, sector: p.sector, leaseStart: p.leaseStart, leaseEnd: p.leaseEnd, priceVndM2Year: p.priceVndM2Year.value };
  const body: PlotPatch = {};
  for (const k of Object.keys(wanted) as (keyof typeof wanted)[]) {
    if (wanted[k] !== current[k]) (body as Record<string, unknown>)[k] = wanted[k];
  }

  const errors: FieldErrors = {};
  if (price !== null && !Number.isFinite(price)) errors.priceVndM2Year = { code: 'number' };
  // The whole resulting record is checked, so a new end date is compared with the unchanged start.
  const whole = plotPatchBody.safeParse({ ...wanted, priceVndM2Year: Number.isFinite(price) ? price : null, reason: v.reason || undefined });
  if (!whole.success) for (const [k, m] of Object.entries(fromZod(whole.error))) errors[k] ??= m;
  for (const { field, reason } of plotEditProblems({ landUse: p.landUse, status: wanted.status, tenant: wanted.tenant }, body)) errors[field] ??= reason;
  if (Object.keys(errors).length) return { ok: false, errors };

  if (Object.keys(body).length === 0) return { ok: true, body: null };
  if (v.reason.trim()) body.reason = v.reason.trim();
  return { ok: true, body };
}
