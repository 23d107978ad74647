import { useEffect, useState } from 'react';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { zoneCaveats } from '../../geodata/caveats.ts';
import { referenceDateOf } from '../../geodata/confidence.ts';
import type { Source } from '../../geodata/schema.ts';
import { ACCURACY_LABELS, ZONE_KIND_LABELS, type InfraItem } from '../../geodata/vocabulary.ts';
import { useDataUpdates } from '../data/updates.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { canEdit, useSession } from '../session/session.tsx';
import { deferred } from './deferred.tsx';
import { InvestorActions } from './enquiry/InvestorActions.tsx';
import { Caveats, ReferenceDate } from './zone/Caveats.tsx';
import { citedSources } from './zone/cited-sources.ts';
import { InfrastructureSection } from './zone/InfrastructureSection.tsx';
import { OccupancySection } from './zone/OccupancySection.tsx';
import { PlotListSection } from './zone/PlotListSection.tsx';
import { SourcesSection } from './zone/SourcesSection.tsx';
import { TenantsSection } from './zone/TenantsSection.tsx';
import { ZoneFacts } from './zone/ZoneFacts.tsx';
import { ZoneHistoryTab } from './zone/ZoneHistoryTab.tsx';

// Planners only: not in the first download.
const ZoneEditForm = deferred(() => import('./ZoneEditForm.tsx').then((m) => m.ZoneEditForm));

type Props = {
  zone: ZoneApiFeature;
  sources: Source[];
  plotCode: (id: string) => string | null;
  zoneName: (id: string) => string | null;
  /** The zone's plots, listed so a plot can be opened without finding it on the map. */
  plots: readonly PlotApiFeature[];
  onOpenPlot: (id: string) => void;
  onClose: () => void;
  /** Opens the upload panel for this zone's plot layout. */
  onImportPlots: () => void;
};

type Tab = 'details' | 'history';

/**
 * One zone: its header and two tabs. The details tab stacks one component per section (facts,
 * occupancy, infrastructure, plots, tenants, investor actions, sources); the zone's own edit
 * form and which item is being edited live here, because saving one closes the other.
 */
export function ZonePanel({ zone, sources, plotCode, zoneName, plots, onOpenPlot, onClose, onImportPlots }: Props) {
  const { t, lang } = useI18n();
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
  const schematicIds = new Set(sources.filter((s) => s.schematic).map((s) => s.id));
  const caveats = zoneCaveats(p, { schematicLayout: plots.some((pl) => schematicIds.has(pl.properties.sourceId)) });

  return (
    <ReferenceDate.Provider value={referenceDateOf(sources.map((s) => s.date))}>
      <aside className="panel" data-testid="zone-panel" aria-labelledby="zone-panel-title">
        <header>
          <div>
            <p className="kind">{ZONE_KIND_LABELS[p.kind][lang]}</p>
            <h2 id="zone-panel-title">{p.name[lang]}</h2>
            <p className="alt-name" lang={lang === 'vi' ? 'en' : 'vi'}>
              {p.name[lang === 'vi' ? 'en' : 'vi']}
            </p>
          </div>
          <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
            ×
          </button>
        </header>
        {p.accuracy === 'approximate' && (
          <p className="badge approximate" data-testid="approximate-badge" title={t('approximateHelp')}>
            ⚠ {ACCURACY_LABELS.approximate[lang]}
          </p>
        )}
        <Caveats caveats={caveats} testId="zone-caveats" />
        <div className="tabs" role="tablist" aria-label={t('zoneViews')}>
          {(['details', 'history'] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              id={`zone-tab-${k}`}
              aria-selected={tab === k}
              aria-controls={`zone-tabpanel-${k}`}
              onClick={() => setTab(k)}
            >
              {t(k === 'details' ? 'tabDetails' : 'tabHistory')}
            </button>
          ))}
        </div>
        {tab === 'history' ? (
          <ZoneHistoryTab zoneId={zone.id} showChanges={editable} plotCode={plotCode} zoneName={zoneName} />
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
            {editable && editing === 'zone' && (
              <ZoneEditForm key={zone.id} zoneId={zone.id} onSaved={saved} onCancel={() => setEditing(null)} />
            )}
            <ZoneFacts zone={zone} cited={cited} />
            <OccupancySection zone={zone} cited={cited} />
            <InfrastructureSection
              zone={zone}
              cited={cited}
              editable={editable}
              editing={editing === 'zone' ? null : editing}
              onEdit={setEditing}
              onSaved={saved}
            />
            <PlotListSection plots={plots} onOpenPlot={onOpenPlot} />
            <TenantsSection zone={zone} cited={cited} />
            <InvestorActions kind="zone" id={zone.id} about={p.name[lang]} />
            {/* A note a planner wrote in the app (their words, as given); the bundled research notes never reach the database (geodata/user-facing.ts). */}
            {p.note && (
              <p className="note">
                {t('note')}: {p.note}
              </p>
            )}
            <SourcesSection cited={cited} />
          </div>
        )}
      </aside>
    </ReferenceDate.Provider>
  );
}
