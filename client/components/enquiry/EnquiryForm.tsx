import { useState, type FormEvent } from 'react';
import type { EnquiryReceipt } from '../../../geodata/api.ts';
import { HONEYPOT_FIELD } from '../../../geodata/requests.ts';
import { api, ApiError } from '../../api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';
import { fromProblem, unshownErrors, type FieldErrors } from '../../lib/form-errors.ts';
import { Field } from '../forms/Field.tsx';
import { checkEnquiry, EMPTY_ENQUIRY, type EnquiryTarget, type EnquiryValues } from './enquiry-values.ts';
import { EnquiryReceiptView } from './EnquiryReceiptView.tsx';

const SHOWN = ['name', 'organisation', 'email', 'phone', 'sector', 'areaHa', 'timeline', 'message'] as const;

/**
 * An investor's enquiry about a plot or a zone. Checked with the same zod schema the server uses
 * before anything is sent; the server's own 400 names fields the same way, and a 429 says how
 * long to wait. No account and no CSRF token: the API takes JSON only, which a cross-site form
 * cannot send.
 */
export function EnquiryForm({ target, about, onDone }: { target: EnquiryTarget; about: string; onDone?: () => void }) {
  const { t, explain } = useI18n();
  const [v, setV] = useState<EnquiryValues>(EMPTY_ENQUIRY);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<EnquiryReceipt | null>(null);
  const input = (name: keyof EnquiryValues) => ({
    name,
    value: v[name],
    onChange: (e: { target: { value: string } }) => setV((old) => ({ ...old, [name]: e.target.value })),
  });

  async function submit(e: FormEvent) {
    e.preventDefault();
    setFailure(null);
    const checked = checkEnquiry(target, v);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      setSent(await api.sendEnquiry(checked.body));
      setV(EMPTY_ENQUIRY);
      onDone?.();
    } catch (x) {
      if (x instanceof ApiError && x.status === 429) {
        setFailure(t('enqTooMany', { s: x.retryAfter ?? 60 }));
      } else {
        const fields = fromProblem(x);
        setErrors(fields);
        const extra = unshownErrors(fields, SHOWN).map(([, reason]) => explain(reason));
        setFailure([errorMessage(x, t), ...extra].join(' '));
      }
    } finally {
      setBusy(false);
    }
  }

  if (sent) {
    return (
      <div className="enquiry-sent" role="status" data-testid="enquiry-sent">
        <EnquiryReceiptView receipt={sent} />
        <button type="button" className="secondary" onClick={() => setSent(null)}>
          {t('enqAnother')}
        </button>
      </div>
    );
  }

  return (
    <form className="edit-form enquiry-form" aria-label={t('enquiryTitle')} data-testid="enquiry-form" onSubmit={submit} noValidate>
      <h3>{t('enquiryTitle')}</h3>
      <p className="hint">{t('enquiryAbout', { what: about })}</p>
      <Field label={`${t('enqName')} *`} error={errors.name}>
        {(p) => <input {...p} {...input('name')} autoComplete="name" required />}
      </Field>
      <Field label={t('enqOrganisation')} error={errors.organisation}>
        {(p) => <input {...p} {...input('organisation')} autoComplete="organization" />}
      </Field>
      <div className="field-row">
        <Field label={t('enqEmail')} error={errors.email}>
          {(p) => <input {...p} {...input('email')} type="email" autoComplete="email" />}
        </Field>
        <Field label={t('enqPhone')} error={errors.phone}>
          {(p) => <input {...p} {...input('phone')} type="tel" autoComplete="tel" />}
        </Field>
      </div>
      <p className="hint">{t('enqContactHint')}</p>
      <div className="field-row">
        <Field label={t('enqSector')} error={errors.sector}>
          {(p) => <input {...p} {...input('sector')} />}
        </Field>
        <Field label={t('enqArea')} error={errors.areaHa}>
          {(p) => <input {...p} {...input('areaHa')} inputMode="decimal" autoComplete="off" />}
        </Field>
      </div>
      <Field label={t('enqTimeline')} error={errors.timeline} hint={t('enqTimelineHint')}>
        {(p) => <input {...p} {...input('timeline')} />}
      </Field>
      <Field label={t('enqMessage')} error={errors.message}>
        {(p) => <textarea {...p} {...input('message')} rows={3} />}
      </Field>
      {/* The honeypot: off-screen, out of the tab order and of the accessibility tree. */}
      <div className="hp" aria-hidden="true">
        <label>
          Website
          <input type="text" name={HONEYPOT_FIELD} tabIndex={-1} autoComplete="off" value={v.trap} onChange={(e) => setV((old) => ({ ...old, trap: e.target.value }))} />
        </label>
      </div>
      <p className="hint">{t('enqPrivacy')}</p>
      {failure && (
        <p className="form-error" role="alert" data-testid="enquiry-error">
          {failure}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {busy ? t('enqSending') : t('enqSend')}
        </button>
      </div>
    </form>
  );
}
