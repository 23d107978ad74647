import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { addressCaveats, figureCaveats } from '../../../geodata/caveats.ts';
import { REGION_LABELS } from '../../../geodata/regions.ts';
import type { Figure } from '../../../geodata/schema.ts';
import { DECISION_SUBJECT_LABELS, ZONE_STATUS_LABELS } from '../../../geodata/vocabulary.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SourceRef } from '../SourceRef.tsx';
import { InlineCaveats, useReferenceDate } from './Caveats.tsx';
import type { Cited } from './cited-sources.ts';

/** Status, both addresses (before and after the 2025 merger), area, developer and decision. */
export function ZoneFacts({ zone, cited }: { zone: ZoneApiFeature; cited: Cited }) {
  const { t, lang, num, when } = useI18n();
  const p = zone.properties;
  const today = useReferenceDate();
  const lastStatus = p.statusHistory.at(-1);
  // Province names are proper names; only the word for "province" is translated.
  const province = (name: string) => (lang === 'vi' ? `tỉnh ${name}` : `${name} province`);
  const fig = (f: Figure, unit: string) =>
    f.value === null ? (
      <>
        <span className="nodata">{t('noData')}</span>
        <InlineCaveats caveats={figureCaveats(f, today)} />
      </>
    ) : (
      <>
        {num(f.value)} {unit} <SourceRef id={f.sourceId} sources={cited} asOf={f.asOf} />
        <InlineCaveats caveats={figureCaveats(f, today)} />
      </>
    );
  const decision = p.decision;
  return (
    <dl className="facts">
      <dt>{t('status')}</dt>
      <dd data-testid="zone-status">
        {ZONE_STATUS_LABELS[p.status][lang]}{' '}
        {lastStatus && <SourceRef id={lastStatus.sourceId} sources={cited} asOf={lastStatus.date} />}
      </dd>
      <dt>{t('addressOld')}</dt>
      <dd>
        {p.addressOld
          ? [p.addressOld.commune, p.addressOld.district, province(p.addressOld.province)].filter(Boolean).join(', ')
          : t('noData')}
      </dd>
      <dt>{t('addressNew')}</dt>
      <dd data-testid="zone-address-new">
        {/* The sourced commune, else the one the outline lies in (communeName), marked as derived by its caveat. */}
        {(p.addressNew.commune ?? p.communeName) ? (p.addressNew.commune ?? p.communeName) : <span className="nodata">{t('noData')}</span>},{' '}
        {province(p.addressNew.province)}
        <InlineCaveats caveats={addressCaveats(p)} />
      </dd>
      {p.region && (
        <>
          <dt>{t('regionShown')}</dt>
          <dd data-testid="zone-region">{REGION_LABELS[p.region][lang]}</dd>
        </>
      )}
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
      {decision && (
        <>
          <dt>{t('decision')}</dt>
          <dd data-testid="zone-decision">
            {[
              decision.text,
              decision.date ? when(decision.date) : null,
              decision.subject ? DECISION_SUBJECT_LABELS[decision.subject][lang] : null,
            ]
              .filter(Boolean)
              .join(' · ')}{' '}
            <SourceRef id={decision.sourceId} sources={cited} />
          </dd>
        </>
      )}
    </dl>
  );
}
