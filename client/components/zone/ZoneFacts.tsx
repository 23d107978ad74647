import type { ZoneApiFeature } from '../../../geodata/api.ts';
import type { Figure } from '../../../geodata/schema.ts';
import { ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SourceRef } from '../SourceRef.tsx';
import type { Cited } from './cited-sources.ts';

/** Status, both addresses (before and after the 2025 merger), area, developer and decision. */
export function ZoneFacts({ zone, cited }: { zone: ZoneApiFeature; cited: Cited }) {
  const { t, lang, num } = useI18n();
  const p = zone.properties;
  const lastStatus = p.statusHistory.at(-1);
  const fig = (f: Figure, unit: string) =>
    f.value === null ? (
      <span className="nodata">{t('noData')}</span>
    ) : (
      <>
        {num(f.value)} {unit} <SourceRef id={f.sourceId} sources={cited} asOf={f.asOf} />
      </>
    );
  return (
    <dl className="facts">
      <dt>{t('status')}</dt>
      <dd data-testid="zone-status">
        {ZONE_STATUS_LABELS[p.status][lang]}{' '}
        {lastStatus && <SourceRef id={lastStatus.sourceId} sources={cited} asOf={lastStatus.date} />}
      </dd>
      <dt>{t('addressOld')}</dt>
      <dd>{p.addressOld ? [p.addressOld.commune, p.addressOld.district, `tỉnh ${p.addressOld.province}`].filter(Boolean).join(', ') : t('noData')}</dd>
      <dt>{t('addressNew')}</dt>
      <dd>
        {[p.addressNew.commune ?? t('noData'), `tỉnh ${p.addressNew.province}`].join(', ')}
      </dd>
      <dt>{t('totalArea')}</dt>
      <dd>{fig(p.totalAreaHa, t('ha'))}</dd>
      {p.developer && (
        <>
          <dt>{t('developer')}</dt>
          <dd>
            {p.developer.text} <SourceRef id={p.developer.sourceId} sources={cited} />
          </dd>
        </>
      )}
      {p.decision && (
        <>
          <dt>{t('decision')}</dt>
          <dd>
            {p.decision.text} <SourceRef id={p.decision.sourceId} sources={cited} />
          </dd>
        </>
      )}
    </dl>
  );
}
