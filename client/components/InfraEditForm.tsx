import type { ZoneApiFeature } from '../../geodata/api.ts';
import { infrastructurePatchBody, type InfrastructurePatch } from '../../geodata/requests.ts';
import { INFRA_LABELS, type InfraItem } from '../../geodata/vocabulary.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fromZod, unshownErrors } from '../lib/form-errors.ts';
import { useVersionedForm, type Built } from '../lib/use-versioned-form.ts';
import { useSession } from '../session/session.tsx';
import { EditFormFrame } from './forms/EditFormFrame.tsx';
import { DateInput } from './forms/DateInput.tsx';
import { Field } from './forms/Field.tsx';
import { FormFooter } from './forms/FormFooter.tsx';

type Values = { progressPct: string; asOf: string; sourceNote: string; reason: string };

const FIELDS = ['progressPct', 'asOf', 'sourceNote', 'reason'] as const;

const entry = (zone: ZoneApiFeature, item: InfraItem) => zone.properties.infrastructure.find((i) => i.item === item);

/**
 * One infrastructure item's progress. The source note starts empty: a new figure must say where
 * it comes from, and the old figure's note would no longer be true of it.
 */
function toFormFor(item: InfraItem) {
  return (zone: ZoneApiFeature): Values => {
    const e = entry(zone, item);
    return { progressPct: e?.progressPct === null || e?.progressPct === undefined ? '' : String(e.progressPct), asOf: e?.asOf ?? '', sourceNote: '', reason: '' };
  };
}

function buildFor(item: InfraItem) {
  return (v: Values, zone: ZoneApiFeature): Built<InfrastructurePatch> => {
    const raw = v.progressPct.trim().replace(',', '.');
    const progressPct = raw === '' ? null : Number(raw);
    if (progressPct !== null && !Number.isFinite(progressPct)) return { ok: false, errors: { progressPct: { code: 'number' } } };
    const parsed = infrastructurePatchBody.safeParse({ progressPct, asOf: v.asOf.trim(), sourceNote: v.sourceNote, reason: v.reason.trim() || undefined });
    if (!parsed.success) return { ok: false, errors: fromZod(parsed.error) };
    const e = entry(zone, item);
    const same = (e?.progressPct ?? null) === progressPct && (e?.asOf ?? '') === parsed.data.asOf && (e?.note ?? '') === parsed.data.sourceNote;
    if (same) return { ok: true, body: null };
    return { ok: true, body: parsed.data };
  };
}

type Props = { zoneId: string; item: InfraItem; onSaved: (z: ZoneApiFeature) => void; onCancel: () => void };

/** Sent with the zone's ETag: the item is part of the zone record. */
export function InfraEditForm({ zoneId, item, onSaved, onCancel }: Props) {
  const { t, lang, when } = useI18n();
  const { editor } = useSession();
  const toForm = toFormFor(item);
  const f = useVersionedForm<ZoneApiFeature, Values, InfrastructurePatch>({
    load: () => api.zone(zoneId),
    toForm,
    build: buildFor(item),
    save: (etag, body) => editor!.patchInfrastructure(zoneId, item, etag, body),
    onSaved,
  });
  if (!f.values) return f.error ? <FormFooter saving={false} error={f.error} unchanged={false} onCancel={onCancel} /> : <p className="form-notice">{t('loading')}</p>;
  const v = f.values;
  const set = (patch: Partial<Values>) => {
    f.setValues({ ...v, ...patch });
    f.clearErrors(...Object.keys(patch));
  };
  const label = INFRA_LABELS[item][lang];
  const current = f.conflict ? entry(f.conflict.current, item) : undefined;

  return (
    <EditFormFrame
      form={f}
      testId="infra-edit-form"
      className="infra-form"
      label={`${t('edit')}: ${label}`}
      conflictRows={() => [
        { label: t('progressPct'), current: current?.progressPct?.toString() ?? '—', yours: v.progressPct || '—' },
        { label: t('asOfDate'), current: current?.asOf ? when(current.asOf) : '—', yours: v.asOf ? when(v.asOf) : '—' },
        { label: t('sourceNote'), current: current?.note ?? '—', yours: v.sourceNote || '—' },
      ]}
    >
      <div className="field-row">
        <Field label={t('progressPct')} error={f.errors.progressPct}>
          {(p) => <input {...p} name="progressPct" type="number" min={0} max={100} step={1} value={v.progressPct} onChange={(e) => set({ progressPct: e.target.value })} />}
        </Field>
        <Field label={t('asOfDate')} error={f.errors.asOf}>
          {(p) => <DateInput {...p} name="asOf" value={v.asOf} onValue={(asOf) => set({ asOf })} />}
        </Field>
      </div>
      <Field label={t('sourceNote')} error={f.errors.sourceNote} hint={t('sourceNoteHint')}>
        {(p) => <input {...p} name="sourceNote" maxLength={500} value={v.sourceNote} onChange={(e) => set({ sourceNote: e.target.value })} />}
      </Field>
      <Field label={t('reason')} error={f.errors.reason}>
        {(p) => <input {...p} name="reason" maxLength={500} value={v.reason} onChange={(e) => set({ reason: e.target.value })} />}
      </Field>
      <FormFooter saving={f.saving} error={f.error} unchanged={f.unchanged} extra={unshownErrors(f.errors, FIELDS)} onCancel={onCancel} />
    </EditFormFrame>
  );
}
