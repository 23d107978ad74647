import { useZoneHistory } from '../data/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../lib/error-message.ts';

/** A zone's dated series: the yearly figures from the sources, then one row per edit. */
export function HistoryTable({ zoneId }: { zoneId: string }) {
  const { t, pct, when } = useI18n();
  // A dash keeps the columns narrow; its title still says "no data".
  const cell = (n: number | null) => (n === null ? <span className="nodata" title={t('noData')}>—</span> : pct(n));
  // Refetched by the cache after an edit of this zone (data/updates.ts).
  const { data: history, error } = useZoneHistory(zoneId);

  if (error) return <p className="form-error" role="alert">{errorMessage(error, t)}</p>;
  if (!history) return <p className="form-notice">{t('loading')}</p>;
  if (history.points.length === 0) return <p className="nodata">{t('noData')}</p>;
  return (
    <div className="table-scroll">
      <table className="history" data-testid="history-table">
        <thead>
          <tr>
            <th scope="col">{t('date')}</th>
            <th scope="col">{t('occupancy')}</th>
            <th scope="col">{t('progress')}</th>
            <th scope="col">{t('origin')}</th>
          </tr>
        </thead>
        <tbody>
          {history.points.map((p, i) => (
            <tr key={`${p.date}-${p.auditId ?? i}`}>
              <td>
                <time dateTime={p.date}>{when(p.date)}</time>
              </td>
              <td>{cell(p.occupancyPct)}</td>
              <td>{cell(p.infraProgressPct)}</td>
              <td>{t(p.origin === 'edit' ? 'originEdit' : 'originYearly')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
