import type { Reason } from '../../../geodata/rules/reasons.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorMessage } from '../../lib/error-message.ts';

/** Save and cancel, with the form-level outcome: a failure, "nothing changed", or extra field errors. */
export function FormFooter({ saving, error, unchanged, extra = [], onCancel }: { saving: boolean; error: unknown; unchanged: boolean; extra?: [name: string, reason: Reason][]; onCancel: () => void }) {
  const { t, explain } = useI18n();
  return (
    <>
      {!!error && (
        <p className="form-error" role="alert">
          {errorMessage(error, t)}
        </p>
      )}
      {extra.map(([name, reason]) => (
        <p key={name} className="form-error" role="alert">
          {name}: {explain(reason)}
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
