import type { PlotApiFeature } from '../../geodata/api.ts';
import type { PlotPatch } from '../../geodata/requests.ts';
import { isHeld, landUseAllows } from '../../geodata/rules/plot-rules.ts';
import { PLOT_STATUSES, PLOT_STATUS_LABELS, sectorLabel, type PlotStatus } from '../../geodata/vocabulary.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { unshownErrors } from '../lib/form-errors.ts';
import { useVersionedForm } from '../lib/use-versioned-form.ts';
import { useSession } from '../session/session.tsx';
import { EditFormFrame, rowsFrom } from './forms/EditFormFrame.tsx';
import { DateInput } from './forms/DateInput.tsx';
import { Field } from './forms/Field.tsx';
import { SectorSelect } from './forms/SectorPicker.tsx';
import { FormFooter } from './forms/FormFooter.tsx';
import { buildPlotPatch, plotToForm, type PlotFormValues } from './plot-edit-values.ts';

type Values = PlotFormValues;

const FIELDS = ['status', 'tenant', 'sector', 'leaseStart', 'leaseEnd', 'priceVndM2Year', 'reason'] as const;

export function PlotEditForm({ plotId, onSaved, onCancel }: { plotId: string; onSaved: (p: PlotApiFeature) => void; onCancel: () => void }) {
  const { t, lang, when } = useI18n();
  const { editor } = useSession();
  const f = useVersionedForm<PlotApiFeature, Values, PlotPatch>({
    load: () => api.plot(plotId),
    toForm: plotToForm,
    build: buildPlotPatch,
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
  const landUse = f.record.properties.landUse;
  const held = isHeld(v.status);
  const show = (x: Values) => ({
    [t('status')]: PLOT_STATUS_LABELS[x.status][lang],
    [t('tenant')]: x.tenant || '—',
    [t('sector')]: x.sector ? sectorLabel(x.sector, lang).text : '—',
    [t('leaseStart')]: x.leaseStart ? when(x.leaseStart) : '—',
    [t('leaseEnd')]: x.leaseEnd ? when(x.leaseEnd) : '—',
    [t('price')]: x.price || '—',
  });

  return (
    <EditFormFrame form={f} testId="plot-edit-form" label={t('editPlot')} title={t('editPlot')} conflictRows={() => rowsFrom(show, plotToForm(f.conflict!.current), v)}>
      <Field label={t('status')} error={f.errors.status}>
        {(p) => (
          <select {...p} name="status" value={v.status} onChange={(e) => set({ status: e.target.value as PlotStatus })}>
            {PLOT_STATUSES.map((s) => (
              <option key={s} value={s} disabled={!landUseAllows(landUse, s)}>
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
        {(p) => <SectorSelect {...p} value={v.sector} onValue={(sector) => set({ sector })} />}
      </Field>
      <div className="field-row">
        <Field label={t('leaseStart')} error={f.errors.leaseStart}>
          {(p) => <DateInput {...p} name="leaseStart" value={held ? v.leaseStart : ''} disabled={!held} onValue={(leaseStart) => set({ leaseStart })} />}
        </Field>
        <Field label={t('leaseEnd')} error={f.errors.leaseEnd}>
          {(p) => <DateInput {...p} name="leaseEnd" value={held ? v.leaseEnd : ''} disabled={!held} onValue={(leaseEnd) => set({ leaseEnd })} />}
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
