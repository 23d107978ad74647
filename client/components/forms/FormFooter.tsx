import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';

/** Save and cancel, with the form-level outcome: a failure, "nothing changed", or extra field errors. */
export function FormFooter({ saving, error, unchanged, extra = [], onCancel }: { saving: boolean; error: unknown; unchanged: boolean; extra?: string[]; onCancel: () => void }) {
  const { t } = useI18n();
  return (
    <>
      {!!error && (
        <p className="form-error" role="alert">
          {errorMessage(error, t)}
        </p>
      )}
      {extra.map((m) => (
        <p key={m} className="form-error" role="alert">
          {m}
        </p>
      ))}
      {unchanged && <p className="form-notice">{t('nothingChanged')}</p>}
      <div className="actions">
        <button type="submit" disabled={saving}>
          {saving ? t('saving') : t('save')}
        </button>
        <button type="button" className="secondary" onClick={onCancel} disabled={saving}>
          {t('cancel')}
        </button>
      </div>
    </>
  );
}
