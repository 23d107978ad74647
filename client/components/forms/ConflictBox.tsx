import { useI18n } from '../../i18n/i18n.tsx';

export type ConflictRow = { label: string; current: string; yours: string };

/**
 * Someone saved first (412). Shows their values next to the user's; nothing is saved until the
 * user picks one side and, for their own, presses Save again.
 */
export function ConflictBox({ rows, onUseCurrent, onKeepMine, canKeep }: { rows: ConflictRow[]; onUseCurrent: () => void; onKeepMine: () => void; canKeep: boolean }) {
  const { t } = useI18n();
  return (
    <div className="conflict" role="alert" data-testid="conflict">
      <h4>{t('conflictTitle')}</h4>
      <p>{t('conflictHelp')}</p>
      <table>
        <thead>
          <tr>
            <th scope="col" />
            <th scope="col">{t('conflictCurrent')}</th>
            <th scope="col">{t('conflictYours')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.label} className={r.current === r.yours ? undefined : 'differs'}>
              <th scope="row">{r.label}</th>
              <td>{r.current}</td>
              <td>{r.yours}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="actions">
        <button type="button" onClick={onUseCurrent}>
          {t('useCurrent')}
        </button>
        {canKeep && (
          <button type="button" className="secondary" onClick={onKeepMine}>
            {t('keepMine')}
          </button>
        )}
      </div>
    </div>
  );
}
