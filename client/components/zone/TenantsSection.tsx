import type { ZoneApiFeature } from '../../../geodata/api.ts';
import { tenantCaveats } from '../../../geodata/caveats.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { SectorName } from '../SectorName.tsx';
import { SourceRef } from '../SourceRef.tsx';
import { Caveats } from './Caveats.tsx';
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
              {tn.sector && (
                <small>
                  {' '}
                  · <SectorName value={tn.sector} />
                </small>
              )}{' '}
              <SourceRef id={tn.sourceId} sources={cited} />
            </li>
          ))}
        </ul>
      )}
      {p.sectors.length > 0 && (
        <p data-testid="zone-sectors">
          {t('sectors')}:{' '}
          {p.sectors.map((s, i) => (
            <span key={s}>
              {i > 0 && ', '}
              <SectorName value={s} />
            </span>
          ))}
        </p>
      )}
      <Caveats caveats={tenantCaveats(p)} />
    </section>
  );
}
