import { zoneSourceIds } from '../lib/zone-sources.ts';
import { useEffect, useState } from 'react';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import type { Figure, Source } from '../../geodata/schema.ts';
import { ACCURACY_LABELS, INFRA_LABELS, INFRA_STATE_LABELS, LAND_USE_LABELS, PLOT_STATUS_LABELS, ZONE_KIND_LABELS, ZONE_STATUS_LABELS, type InfraItem } from '../../geodata/vocabulary.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PROGRESS_RAMP, rampColor } from '../map/style/symbology.ts';
import { useDataUpdates } from '../data/updates.ts';
import { canEdit, useSession } from '../session/session.tsx';
import { AuditList } from './AuditList.tsx';
import { InvestorActions } from './enquiry/InvestorActions.tsx';
import { HistoryTable } from './HistoryTable.tsx';
import { deferred } from './deferred.tsx';
import { SourceRef } from './SourceRef.tsx';
import { zoneOccupancyDetail } from '../lib/occupancy-text.ts';

// Planners only: not in the first download.
const ZoneEditForm = deferred(() => import('./ZoneEditForm.tsx').then((m) => m.ZoneEditForm));
const InfraEditForm = deferred(() => import('./InfraEditForm.tsx').then((m) => m.InfraEditForm));

type Props = {
  zone: ZoneApiFeature;
  sources: Source[];
  plotCode: (id: string) => string | null;
  zoneName: (id: string) => string | null;
  /** The zone's plots, listed so a plot can be opened without finding it on the map. */
  plots: PlotApiFeature[];
  onOpenPlot: (id: string) => void;
  onClose: () => void;
  /** Opens the upload panel for this zone's plot layout. */
  onImportPlots: () => void;
};

type Tab = 'details' | 'history';

/** Collects every source the zone cites, numbered in order of first use. */
function citedSources(zone: ZoneApiFeature, all: Source[]) {
  const ids = zoneSourceIds(zone);
  const byId = new Map(all.map((s) => [s.id, s]));
  const cited = new Map<string, { n: number; source: Source }>();
  for (const id of ids) {
    const source = byId.get(id);
    if (source && !cited.has(id)) cited.set(id, { n: cited.size + 1, source });
  }
  return cited;
}

export function ZonePanel({ zone, sources, plotCode, zoneName, plots, onOpenPlot, onClose, onImportPlots }: Props) {
  const { t, lang, num, pct } = useI18n();
  const { user } = useSession();
  const editable = canEdit(user);
  const [tab, setTab] = useState<Tab>('details');
  const [editing, setEditing] = useState<'zone' | InfraItem | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Another zone, or signing out, closes any open form.
  useEffect(() => {
    setEditing(null);
    setNotice(null);
  }, [zone.id, editable]);
  const updates = useDataUpdates();
  const saved = (record: ZoneApiFeature) => {
    setEditing(null);
    setNotice(t('saved'));
    updates.zoneSaved(record);
  };
  const p = zone.properties;
  const cited = citedSources(zone, sources);
  const fig = (f: Figure, unit: string) =>
    f.value === null ? (
      <span className="nodata">{t('noData')}</span>
    ) : (
      <>
        {num(f.value)} {unit} <SourceRef id={f.sourceId} sources={cited} asOf={f.asOf} />
      </>
    );
  const lastStatus = p.statusHistory.at(-1);

  return (
    <aside className="panel" data-testid="zone-panel" aria-labelledby="zone-panel-title">
      <header>
        <div>
          <p className="kind">{ZONE_KIND_LABELS[p.kind][lang]}</p>
          <h2 id="zone-panel-title">{p.name[lang]}</h2>
          <p className="alt-name" lang={lang === 'vi' ? 'en' : 'vi'}>{p.name[lang === 'vi' ? 'en' : 'vi']}</p>
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>×</button>
      </header>
      {p.accuracy === 'approximate' && (
        <p className="badge approximate" data-testid="approximate-badge" title={t('approximateHelp')}>
          ⚠ {ACCURACY_LABELS.approximate[lang]}
        </p>
      )}
      <div className="tabs" role="tablist" aria-label={t('zoneViews')}>
        {(['details', 'history'] as const).map((k) => (
          <button key={k} type="button" role="tab" id={`zone-tab-${k}`} aria-selected={tab === k} aria-controls={`zone-tabpanel-${k}`} onClick={() => setTab(k)}>
            {t(k === 'details' ? 'tabDetails' : 'tabHistory')}
          </button>
        ))}
      </div>
      {tab === 'history' ? (
        <div role="tabpanel" id="zone-tabpanel-history" aria-labelledby="zone-tab-history" data-testid="zone-history">
          <h3>{t('historySeries')}</h3>
          <HistoryTable zoneId={zone.id} />
          {editable && (
            <>
              <h3>{t('changeLog')}</h3>
              <AuditList query={{ zone: zone.id, limit: 100 }} plotCode={plotCode} zoneName={zoneName} />
            </>
          )}
        </div>
      ) : (
      <div role="tabpanel" id="zone-tabpanel-details" aria-labelledby="zone-tab-details">
      {notice && (
        <p className="form-notice success" role="status">
          {notice}
        </p>
      )}
      {editable && editing !== 'zone' && (
        <div className="actions panel-actions">
          <button type="button" onClick={() => setEditing('zone')}>
            {t('editZone')}
          </button>
          <button type="button" className="secondary" onClick={onImportPlots} data-testid="import-plots">
            {t('imOpenPlots')}
          </button>
        </div>
      )}
      {editable && editing === 'zone' && <ZoneEditForm key={zone.id} zoneId={zone.id} onSaved={saved} onCancel={() => setEditing(null)} />}
      <dl className="facts">
        <dt>{t('status')}</dt>
        <dd data-testid="zone-status">
          {ZONE_STATUS_LABELS[p.status][lang]}{' '}
          {lastStatus && <SourceRef id={lastStatus.sourceId} sources={cited} asOf={lastStatus.date} />}
        </dd>
        <dt>{t('addressOld')}</dt>
        <dd>{[p.addressOld.commune, p.addressOld.district, `tỉnh ${p.addressOld.province}`].filter(Boolean).join(', ')}</dd>
        <dt>{t('addressNew')}</dt>
        <dd>
          {[p.addressNew.commune ?? t('noData'), `tỉnh ${p.addressNew.province}`].join(', ')}
          {p.addressNew.note && <small className="note"> {p.addressNew.note}</small>}
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

      <section className="occupancy" aria-label={t('occupancy')}>
        <h3>{t('occupancy')}</h3>
        {/* The displayed figure follows zoneOccupancy (geodata/metrics.ts): the sourced figure unless the plots are real or a planner changed them. */}
        {p.occupancy.valuePct === null ? (
          <p className="nodata" data-testid="zone-occupancy">{t('noData')}</p>
        ) : (
          <p className="big" data-testid="zone-occupancy">{pct(p.occupancy.valuePct)}</p>
        )}
        <p className="sub" data-testid="zone-occupancy-detail">
          {zoneOccupancyDetail(lang, p.occupancy)}
          {p.occupancy.sourceId && <> <SourceRef id={p.occupancy.sourceId} sources={cited} asOf={p.occupancy.asOf} /></>}
        </p>
        {p.land.leasableHa > 0 && (
          <p className="sub">
            {p.occupancy.origin === 'source' || p.occupancy.origin === null
              ? t('occLayoutSums', { leased: num(p.land.leasedHa), leasable: num(p.land.leasableHa) })
              : `${t('leased')} ${num(p.land.leasedHa)} / ${num(p.land.leasableHa)} ${t('ha')}`}
            {' '}· {t('available')} {num(p.land.availableHa)} {t('ha')}
            {p.land.notDevelopedHa > 0 && (
              <>
                {' '}· {t('notDeveloped')} {num(p.land.notDevelopedHa)} {t('ha')}
              </>
            )}
          </p>
        )}
        <p className="help">{t('occupancyHelp')}</p>
        {p.occupancyClaim?.note && <p className="claim">{p.occupancyClaim.note}</p>}
      </section>

      <section className="infra" aria-label={t('infrastructure')}>
        <h3>{t('infrastructure')}</h3>
        <p data-testid="zone-progress">
          {t('overall')}: <strong>{pct(p.progress.progressPct)}</strong>
          {p.progress.progressPct !== null && p.progress.coverage < 1 && (
            <small> ({t('coverage', { pct: Math.round(p.progress.coverage * 100) })})</small>
          )}
        </p>
        <ul>
          {p.infrastructure.map((it) => (
            <li key={it.item} className={editable ? 'editable' : undefined}>
              <span className="label">{INFRA_LABELS[it.item][lang]}</span>
              {it.progressPct === null && it.state ? (
                <span className="value" data-testid={`infra-state-${it.item}`}>
                  {INFRA_STATE_LABELS[it.state][lang]}
                  {it.statedAs && <> ({it.statedAs[lang]})</>} <SourceRef id={it.sourceId} sources={cited} asOf={it.asOf} />
                </span>
              ) : it.progressPct === null ? (
                <span className="nodata">{t('noData')}</span>
              ) : (
                <>
                  <span className="bar" role="progressbar" aria-valuenow={it.progressPct} aria-valuemin={0} aria-valuemax={100}>
                    <span style={{ width: `${it.progressPct}%`, background: rampColor(PROGRESS_RAMP, it.progressPct) }} />
                  </span>
                  <span className="value">
                    {pct(it.progressPct)} <SourceRef id={it.sourceId} sources={cited} asOf={it.asOf} />
                  </span>
                </>
              )}
              {it.sourceId === 'iz-atlas-edits' && it.note && <small className="infra-note">{it.note}</small>}
              {editable && editing !== it.item && (
                <button type="button" className="link edit-item" onClick={() => setEditing(it.item)} aria-label={`${t('edit')}: ${INFRA_LABELS[it.item][lang]}`}>
                  {t('edit')}
                </button>
              )}
              {editable && editing === it.item && (
                <InfraEditForm key={`${zone.id}-${it.item}`} zoneId={zone.id} item={it.item} onSaved={saved} onCancel={() => setEditing(null)} />
              )}
            </li>
          ))}
        </ul>
      </section>

      {plots.length > 0 && (
        <section className="plot-list" aria-label={t('plotList')}>
          <h3>{t('plotList')}</h3>
          <ul>
            {[...plots]
              .sort((a, b) => a.properties.code.localeCompare(b.properties.code))
              .map((pl) => (
                <li key={pl.id}>
                  <button type="button" className="link" onClick={() => onOpenPlot(pl.id)}>
                    {t('plot')} {pl.properties.code}
                  </button>{' '}
                  <small>
                    {LAND_USE_LABELS[pl.properties.landUse][lang]} · {PLOT_STATUS_LABELS[pl.properties.status][lang]} · {num(pl.properties.areaHa, 2)} {t('ha')}
                  </small>
                </li>
              ))}
          </ul>
        </section>
      )}

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

      <InvestorActions kind="zone" id={zone.id} about={p.name[lang]} />

      {p.note && <p className="note">{p.note}</p>}

      <section className="sources" aria-label={t('sources')}>
        <h3>{t('sources')}</h3>
        <ol>
          {[...cited.values()].map(({ n, source }) => (
            <li key={source.id} id={`src-${n}`} value={n}>
              {source.url ? (
                <a href={source.url.startsWith('http') ? source.url : `https://${source.url}`} target="_blank" rel="noreferrer noopener">
                  {source.title}
                </a>
              ) : (
                source.title
              )}
              {source.publisher && <> · {source.publisher}</>}
              {source.date && <> · {source.date}</>}
            </li>
          ))}
        </ol>
      </section>
      </div>
      )}
    </aside>
  );
}
