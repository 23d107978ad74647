import type { ZoneApiFeature } from '../../geodata/api.ts';
import { zonePatchBody, type ZonePatch } from '../../geodata/requests.ts';
import { isSector, sectorLabel, ZONE_STATUSES, ZONE_STATUS_LABELS, type ZoneStatus } from '../../geodata/vocabulary.ts';
import { api } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fromZod, unshownErrors, type FieldErrors } from '../lib/form-errors.ts';
import { useVersionedForm, type Built } from '../lib/use-versioned-form.ts';
import { useSession } from '../session/session.tsx';
import { EditFormFrame, rowsFrom } from './forms/EditFormFrame.tsx';
import { Field } from './forms/Field.tsx';
import { SectorChecklist } from './forms/SectorPicker.tsx';
import { FormFooter } from './forms/FormFooter.tsx';

/** Sectors: the vocabulary's codes ticked, and any sector outside it typed (a real one the list lacks). */
type Values = { status: ZoneStatus; nameVi: string; nameEn: string; developer: string; sectorCodes: string[]; sectorsOther: string; note: string; reason: string };

const FIELDS = ['status', 'name', 'developer', 'sectors', 'note', 'reason'] as const;

function toForm(zone: ZoneApiFeature): Values {
  const p = zone.properties;
  return {
    status: p.status,
    nameVi: p.name.vi,
    nameEn: p.name.en,
    developer: p.developer?.text ?? '',
    sectorCodes: p.sectors.filter(isSector),
    sectorsOther: p.sectors.filter((s) => !isSector(s)).join('; '),
    note: p.note ?? '',
    reason: '',
  };
}

/** Sectors outside the list are typed as one list separated by semicolons (a sector name may contain a comma). */
const splitSectors = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

/** Only the changed fields: an untouched developer keeps the source it cites. */
function build(v: Values, zone: ZoneApiFeature): Built<ZonePatch> {
  const p = zone.properties;
  const wanted = {
    status: v.status,
    name: { vi: v.nameVi.trim(), en: v.nameEn.trim() },
    developer: v.developer.trim() || null,
    sectors: [...v.sectorCodes, ...splitSectors(v.sectorsOther)],
    note: v.note.trim() || null,
  };
  const whole = zonePatchBody.safeParse({ ...wanted, reason: v.reason.trim() || undefined });
  if (!whole.success) return { ok: false, errors: fromZod(whole.error) };
  const body: ZonePatch = {};
  if (wanted.status !== p.status) body.status = wanted.status;
  if (wanted.name.vi !== p.name.vi || wanted.name.en !== p.name.en) body.name = wanted.name;
  if (wanted.developer !== (p.developer?.text ?? null)) body.developer = wanted.developer;
  // The same sectors in another order are no change.
  if (JSON.stringify([...wanted.sectors].sort()) !== JSON.stringify([...p.sectors].sort())) body.sectors = wanted.sectors;
  if (wanted.note !== (p.note ?? null)) body.note = wanted.note;
  if (Object.keys(body).length === 0) return { ok: true, body: null };
  if (v.reason.trim()) body.reason = v.reason.trim();
  return { ok: true, body };
}

/** The first error about a list's items ("sectors.2") is shown on the list's field. */
const listError = (errors: FieldErrors, name: string) => errors[name] ?? Object.entries(errors).find(([k]) => k.startsWith(`${name}.`))?.[1];

export function ZoneEditForm({ zoneId, onSaved, onCancel }: { zoneId: string; onSaved: (z: ZoneApiFeature) => void; onCancel: () => void }) {
  const { t, lang } = useI18n();
  const { editor } = useSession();
  const f = useVersionedForm<ZoneApiFeature, Values, ZonePatch>({
    load: () => api.zone(zoneId),
    toForm,
    build,
    save: (etag, body) => editor!.patchZone(zoneId, etag, body),
    onSaved,
  });
  if (!f.values) return f.error ? <FormFooter saving={false} error={f.error} unchanged={false} onCancel={onCancel} /> : <p className="form-notice">{t('loading')}</p>;
  const v = f.values;
  const set = (patch: Partial<Values>) => {
    f.setValues({ ...v, ...patch });
    f.clearErrors(...Object.keys(patch).map((k) => (k === 'nameVi' ? 'name.vi' : k === 'nameEn' ? 'name.en' : k.startsWith('sector') ? 'sectors' : k)));
  };
  const show = (x: Values) => ({
    [t('status')]: ZONE_STATUS_LABELS[x.status][lang],
    [t('nameVi')]: x.nameVi,
    [t('nameEn')]: x.nameEn,
    [t('developer')]: x.developer || '—',
    [t('sectors')]: [...x.sectorCodes.map((c) => sectorLabel(c, lang).text), ...splitSectors(x.sectorsOther)].join('; ') || '—',
    [t('note')]: x.note || '—',
  });

  return (
    <EditFormFrame form={f} testId="zone-edit-form" label={t('editZone')} title={t('editZone')} conflictRows={() => rowsFrom(show, toForm(f.conflict!.current), v)}>
      <Field label={t('status')} error={f.errors.status}>
        {(p) => (
          <select {...p} name="status" value={v.status} onChange={(e) => set({ status: e.target.value as ZoneStatus })}>
            {ZONE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ZONE_STATUS_LABELS[s][lang]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('nameVi')} error={f.errors['name.vi'] ?? f.errors.name}>
        {(p) => <input {...p} name="name.vi" lang="vi" maxLength={200} value={v.nameVi} onChange={(e) => set({ nameVi: e.target.value })} />}
      </Field>
      <Field label={t('nameEn')} error={f.errors['name.en']}>
        {(p) => <input {...p} name="name.en" lang="en" maxLength={200} value={v.nameEn} onChange={(e) => set({ nameEn: e.target.value })} />}
      </Field>
      <Field label={t('developer')} error={f.errors.developer}>
        {(p) => <input {...p} name="developer" maxLength={300} value={v.developer} onChange={(e) => set({ developer: e.target.value })} />}
      </Field>
      <SectorChecklist label={t('sectors')} codes={v.sectorCodes} onCodes={(sectorCodes) => set({ sectorCodes })} />
      <Field label={t('sectorsOther')} error={listError(f.errors, 'sectors')} hint={t('sectorsHint')}>
        {(p) => <input {...p} name="sectorsOther" value={v.sectorsOther} onChange={(e) => set({ sectorsOther: e.target.value })} />}
      </Field>
      <Field label={t('note')} error={f.errors.note}>
        {(p) => <textarea {...p} name="note" rows={3} maxLength={2000} value={v.note} onChange={(e) => set({ note: e.target.value })} />}
      </Field>
      <Field label={t('reason')} error={f.errors.reason}>
        {(p) => <textarea {...p} name="reason" rows={2} maxLength={500} value={v.reason} onChange={(e) => set({ reason: e.target.value })} />}
      </Field>
      <FormFooter saving={f.saving} error={f.error} unchanged={f.unchanged} extra={unshownErrors(f.errors, FIELDS)} onCancel={onCancel} />
    </EditFormFrame>
  );
}
