import { useEffect } from 'react';
import { ApiError, type AuditQuery } from '../api.ts';
import { useAudit } from '../data/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { actionLabel, describeChanges, entityLabel } from '../lib/audit-format.ts';
import { errorMessage } from '../lib/error-message.ts';
import { useSession } from '../session/session.tsx';

type Props = {
  query: AuditQuery;
  plotCode: (id: string) => string | null;
  zoneName: (id: string) => string | null;
};

/** Who changed what and when, newest first (planners only: the log names people). */
export function AuditList({ query, plotCode, zoneName }: Props) {
  const i18n = useI18n();
  const { t, when } = i18n;
  const { expired } = useSession();
  // Refetched by the cache after every edit (data/updates.ts), so the list follows the data.
  const { data, error } = useAudit(query);
  const entries = data?.entries ?? null;
  useEffect(() => {
    if (error instanceof ApiError && error.status === 401) expired();
  }, [error]);

  if (error) return <p className="form-error" role="alert">{errorMessage(error, t)}</p>;
  if (!entries) return <p className="form-notice">{t('loading')}</p>;
  if (entries.length === 0) return <p className="nodata">{t('noChanges')}</p>;
  return (
    <ol className="audit" data-testid="audit-list">
      {entries.map((e) => (
        <li key={e.id} data-testid="audit-entry">
          <p className="audit-head">
            <time dateTime={e.at}>{when(e.at)}</time> · <strong className="who">{e.username}</strong>
          </p>
          <p className="audit-what">
            {entityLabel(e, { plotCode, zoneName }, i18n)} · {actionLabel(e.action, i18n)}
          </p>
          <ul className="changes">
            {describeChanges(e, i18n).map((c) => (
              <li key={c.field}>
                <span className="field-name">{c.field}</span>: <del>{c.before}</del> → <ins>{c.after}</ins>
              </li>
            ))}
          </ul>
          {e.reason && (
            <p className="reason">
              {t('reason')}: {e.reason}
            </p>
          )}
        </li>
      ))}
    </ol>
  );
}
