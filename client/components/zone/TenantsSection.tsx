import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SourceRef } from '../SourceRef.tsx';
import type { Cited } from './cited-sources.ts';

/** The tenants named by the sources, and the zone's sectors. */
export function TenantsSection({ zone, cited }: { zone: ZoneApiFeature; cited: Cited }) {
  const { t } = useI18n();
  const p = zone.properties;
  return (
    <section className="tenants" aria-label={t('tenants')}>
      <h3>{t('tenants')}</h3>
      {p.tenants.length === 0 ? (
        <p className="nodata">{t('noTenants')}</p>
      ) : (
        <ul>
          {p.tenants.map((tn) => (
            <li key={tn.name}>
              {tn.name}
              {tn.sector && <small> · {tn.sector}</small>} <SourceRef id={tn.sourceId} sources={cited} />
            </li>
          ))}
        </ul>
      )}
      {p.sectors.length > 0 && (
        <p>
          {t('sectors')}: {p.sectors.join(', ')}
        </p>
      )}
    </section>
  );
}
