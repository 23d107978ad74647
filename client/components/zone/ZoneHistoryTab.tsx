import { useI18n } from '../../i18n/i18n.tsx';
import { AuditList } from '../AuditList.tsx';
import { HistoryTable } from '../HistoryTable.tsx';

type Props = {
  zoneId: string;
  /** Planners also see who changed what (the log names people). */
  showChanges: boolean;
  plotCode: (id: string) => string | null;
  zoneName: (id: string) => string | null;
};

/** The zone's dated series, and for planners its change log. */
export function ZoneHistoryTab({ zoneId, showChanges, plotCode, zoneName }: Props) {
  const { t } = useI18n();
  return (
    <div role="tabpanel" id="zone-tabpanel-history" aria-labelledby="zone-tab-history" data-testid="zone-history">
      <h3>{t('historySeries')}</h3>
      <HistoryTable zoneId={zoneId} />
      {showChanges && (
        <>
          <h3>{t('changeLog')}</h3>
          <AuditList query={{ zone: zoneId, limit: 100 }} plotCode={plotCode} zoneName={zoneName} />
        </>
      )}
    </div>
  );
}
