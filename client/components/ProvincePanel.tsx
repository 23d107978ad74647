import type { Stats, ZoneApiFeature } from '../../geodata/api.ts';
import type { ProvinceFact } from '../../geodata/province-facts.ts';
import { REGION_LABELS, REGIONS, type Region } from '../../geodata/regions.ts';
import { ZONE_KINDS, type ZoneKind } from '../../geodata/vocabulary.ts';
import { useProvinceFacts } from '../data/queries.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { aggregateText } from '../lib/occupancy-text.ts';
import { SidePanel } from './SidePanel.tsx';

/**
 * The new province's page: the atlas's own totals for the whole province and each former province,
 * KCN and CCN apart (stats.byRegion, the same rules as the figures card), then the figures the
 * province publishes and the plan's targets to 2030 (geodata/province-facts.json), each with its
 * date and source, "no data" where no source gives one. Resolution 16 stays on its own dashboard:
 * it is former Bắc Kạn's.
 */
export function ProvincePanel({ stats, zones, onClose }: { stats: Stats | null; zones: ZoneApiFeature[]; onClose: () => void }) {
  const { t, lang, num, when } = useI18n();
  const facts = useProvinceFacts(true).data?.facts ?? null;
  const area = (region: Region | null, kind: ZoneKind) =>
    zones.filter((z) => z.properties.kind === kind && (region === null || z.properties.region === region)).reduce((s, z) => s + (z.properties.totalAreaHa.value ?? 0), 0);
  const rows: { region: Region | null; label: string }[] = [{ region: null, label: t('provinceWhole') }, ...REGIONS.map((r) => ({ region: r, label: REGION_LABELS[r][lang] }))];
  const kindStats = (region: Region | null, kind: ZoneKind) => (region ? stats?.byRegion[region].byKind[kind] : stats?.byKind[kind]);

  const value = (f: ProvinceFact) => {
    if (f.value === null) return <span className="nodata">{t('noData')}</span>;
    const v = `${num(f.value)}${f.unit === 'pct' ? ' %' : f.unit === 'ha' ? ' ha' : ''}`;
    return <strong>{f.qualifier === 'more_than' ? t('provinceMoreThan', { value: v }) : f.qualifier === 'about' ? t('provinceAbout', { value: v }) : v}</strong>;
  };
  const scope = (f: ProvinceFact) => (f.scope === 'province' ? t('provinceScopeProvince') : REGION_LABELS[f.scope][lang]);
  const factList = (group: ProvinceFact['group']) => (
    <ul className="province-facts">
      {(facts ?? [])
        .filter((f) => f.group === group)
        .map((f) => (
          <li key={f.id} data-testid={`fact-${f.id}`}>
            <span>
              {f.label[lang]} <small>({scope(f)})</small>
            </span>{' '}
            {value(f)}
            {f.asOf && <small> · {when(f.asOf)}</small>}
            {f.source && (
              <small>
                {' '}
                · <a href={f.source.url} target="_blank" rel="noreferrer noopener"><cite>{f.source.title}</cite></a>
                {f.machineTranslated && <> ({t('provinceMachineTranslated')})</>}
              </small>
            )}
          </li>
        ))}
    </ul>
  );

  return (
    <SidePanel title={t('provinceTitle')} className="province-panel" testId="province-panel" onClose={onClose}>
      <section aria-label={t('provinceAtlasTotals')}>
        <h3>{t('provinceAtlasTotals')}</h3>
        <p className="help">{t('provinceAtlasNote')}</p>
        <table className="province-totals" data-testid="province-totals">
          <thead>
            <tr>
              <th scope="col">{t('regionShown')}</th>
              <th scope="col" />
              <th scope="col">{t('provinceZones')}</th>
              <th scope="col">{t('provinceArea')}</th>
              <th scope="col">{t('provinceOccupancy')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.flatMap(({ region, label }) =>
              ZONE_KINDS.map((kind, i) => {
                const k = kindStats(region, kind);
                const occ = k ? aggregateText(lang, k.occupancy) : null;
                return (
                  <tr key={`${region ?? 'all'}-${kind}`} data-testid={`province-row-${region ?? 'all'}-${kind.toLowerCase()}`}>
                    {i === 0 && <th scope="rowgroup" rowSpan={ZONE_KINDS.length}>{label}</th>}
                    <th scope="row">{kind}</th>
                    <td>{k ? num(k.zoneCount) : t('noData')}</td>
                    <td>{num(area(region, kind))}</td>
                    <td title={occ?.full}>{occ?.value ?? t('noData')}</td>
                  </tr>
                );
              }),
            )}
          </tbody>
        </table>
      </section>
      <section aria-label={t('provincePublished')}>
        <h3>{t('provincePublished')}</h3>
        <p className="help">{t('provincePublishedNote')}</p>
        {factList('now')}
      </section>
      <section aria-label={t('provincePlan')}>
        <h3>{t('provincePlan')}</h3>
        {factList('plan2030')}
      </section>
    </SidePanel>
  );
}
