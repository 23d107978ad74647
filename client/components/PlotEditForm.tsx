import type { PlotApiFeature } from '../../geodata/api.ts';
import { plotPatchBody, type PlotPatch } from '../../geodata/requests.ts';
import { LEASABLE_LAND_USES, PLOT_STATUSES, PLOT_STATUS_LABELS, type PlotStatus } from '../../geodata/vocabulary.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fromZod, unshownErrors, type FieldErrors } from '../lib/form-errors.ts';
import { useVersionedForm, type Built } from '../lib/use-versioned-form.ts';
import { useSession } from '../session/session.tsx';
import { EditFormFrame, rowsFrom } from './forms/EditFormFrame.tsx';
import { Field } from './forms/Field.tsx';
import { FormFooter } from './forms/FormFooter.tsx';

type Values = { status: PlotStatus; tenant: string; sector: string; leaseStart: string; leaseEnd: string; price: string; reason: string };

/** Statuses in which someone holds the plot: only these have a tenant and lease dates. */
const HELD: readonly PlotStatus[] = ['leased', 'reserved'];
const FIELDS = ['status', 'tenant', 'sector', 'leaseStart', 'leaseEnd', 'priceVndM2Year', 'reason'] as const;
/** The rules the server applies on top of the schema, with the server's own wording (translated on display). */
const TENANT_REQUIRED = 'a leased plot needs a tenant';
const NOT_LEASABLE = 'cannot be leased, reserved or offered';

function toForm(plot: PlotApiFeature): Values {
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
function build(v: Values, plot: PlotApiFeature): Built<PlotPatch> {
  const p = plot.properties;
  const held = HELD.includes(v.status);
  const price = v.price.trim() === '' ? null : Number(v.price.replace(/\s/g, '').replace(',', '.'));
  const wanted = {
    status: v.status,
    tenant: held ? orNull(v.tenant) : null,
    sector: orNull(v.sector),
    leaseStart: held ? orNull(v.leaseStart) : null,
    leaseEnd: held ? orNull(v.leaseEnd) : null,
    priceVndM2Year: price,
  };
  const errors: FieldErrors = {};
  if (price !== null && !Number.isFinite(price)) errors.priceVndM2Year = 'not a number';
  // The whole resulting record is checked, so a new end date is compared with the unchanged start.
  const whole = plotPatchBody.safeParse({ ...wanted, priceVndM2Year: Number.isFinite(price) ? price : null, reason: v.reason || undefined });
  if (!whole.success) for (const [k, m] of Object.entries(fromZod(whole.error))) errors[k] ??= m;
  if (wanted.status === 'leased' && !wanted.tenant) errors.tenant ??= TENANT_REQUIRED;
  if (!LEASABLE_LAND_USES.includes(p.landUse) && wanted.status !== 'not_developed') errors.status ??= NOT_LEASABLE;
  if (Object.keys(errors).length) return { ok: false, errors };

  const current = { status: p.status, tenant: p.tenant, sector: p.sector, leaseStart: p.leaseStart, leaseEnd: p.leaseEnd, priceVndM2Year: p.priceVndM2Year.value };
  const body: PlotPatch = {};
  for (const k of Object.keys(wanted) as (keyof typeof wanted)[]) {
    if (wanted[k] !== current[k]) (body as Record<string, unknown>)[k] = wanted[k];
  }
  if (Object.keys(body).length === 0) return { ok: true, body: null };
  if (v.reason.trim()) body.reason = v.reason.trim();
  return { ok: true, body };
}

export function PlotEditForm({ plotId, onSaved, onCancel }: { plotId: string; onSaved: (p: PlotApiFeature) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const { editor } = useSession();
  const f = useVersionedForm<PlotApiFeature, Values, PlotPatch>({
    load: () => api.plot(plotId),
    toForm,
    build,
    save: (etag, body) => editor!.patchPlot(plotId, etag, body),
    onSaved,
  });
  if (!f.values || !f.record) {
    return f.error ? <FormFooter saving={false} error={f.error} unchanged={false} onCancel={onCancel} /> : <p className="form-notice">{t('loading')}</p>;
  }
  const v = f.values;
  const set = (patch: Partial<Values>) => {
    f.setValues({ ...v, ...patch });
    f.clearErrors(...Object.keys(patch).map((k) => (k === 'price' ? 'priceVndM2Year' : k)));
  };
  const leasable = LEASABLE_LAND_USES.includes(f.record.properties.landUse);
  const held = HELD.includes(v.status);
  const show = (x: Values) => ({
    [t('status')]: PLOT_STATUS_LABELS[x.status][lang],
    [t('tenant')]: x.tenant || '—',
    [t('sector')]: x.sector || '—',
    [t('leaseStart')]: x.leaseStart || '—',
    [t('leaseEnd')]: x.leaseEnd || '—',
    [t('price')]: x.price || '—',
  });

  return (
    <EditFormFrame form={f} testId="plot-edit-form" label={t('editPlot')} title={t('editPlot')} conflictRows={() => rowsFrom(show, toForm(f.conflict!.current), v)}>
      <Field label={t('status')} error={f.errors.status}>
        {(p) => (
          <select {...p} name="status" value={v.status} onChange={(e) => set({ status: e.target.value as PlotStatus })}>
            {PLOT_STATUSES.map((s) => (
              <option key={s} value={s} disabled={!leasable && s !== 'not_developed'}>
                {PLOT_STATUS_LABELS[s][lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('tenant')} error={f.errors.tenant} hint={held ? undefined : t('tenantOnlyWhenHeld')}>
        {(p) => <input {...p} name="tenant" value={held ? v.tenant : ''} disabled={!held} maxLength={200} onChange={(e) => set({ tenant: e.target.value })} />}
      </Field>
      <Field label={t('sector')} error={f.errors.sector}>
        {(p) => <input {...p} name="sector" value={v.sector} maxLength={200} onChange={(e) => set({ sector: e.target.value })} />}
      </Field>
      <div className="field-row">
        <Field label={t('leaseStart')} error={f.errors.leaseStart}>
          {(p) => <input {...p} name="leaseStart" placeholder={t('datePlaceholder')} inputMode="numeric" value={held ? v.leaseStart : ''} disabled={!held} onChange={(e) => set({ leaseStart: e.target.value })} />}
        </Field>
        <Field label={t('leaseEnd')} error={f.errors.leaseEnd}>
          {(p) => <input {...p} name="leaseEnd" placeholder={t('datePlaceholder')} inputMode="numeric" value={held ? v.leaseEnd : ''} disabled={!held} onChange={(e) => set({ leaseEnd: e.target.value })} />}
        </Field>
      </div>
      <Field label={t('priceInput')} error={f.errors.priceVndM2Year} hint={t('priceHint')}>
        {(p) => <input {...p} name="price" type="number" min={0} step={1000} value={v.price} onChange={(e) => set({ price: e.target.value })} />}
      </Field>
      <Field label={t('reason')} error={f.errors.reason}>
        {(p) => <textarea {...p} name="reason" rows={2} maxLength={500} value={v.reason} onChange={(e) => set({ reason: e.target.value })} />}
      </Field>
      <FormFooter saving={f.saving} error={f.error} unchanged={f.unchanged} extra={unshownErrors(f.errors, FIELDS)} onCancel={onCancel} />
    </EditFormFrame>
  );
}
