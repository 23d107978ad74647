import { useEffect, useState } from 'react';
import { confidenceOf } from '../../geodata/confidence.ts';
import { ConfidenceBadge } from './ConfidenceBadge.tsx';
import type { PlotApiFeature, ZoneApiFeature } from '../../geodata/api.ts';
import { figureCaveats, plotCaveats } from '../../geodata/caveats.ts';
import type { Source } from '../../geodata/schema.ts';
import { ACCURACY_LABELS, LAND_USE_LABELS, LEASABLE_LAND_USES, PLOT_STATUS_LABELS } from '../../geodata/vocabulary.ts';
import { isHeld } from '../../geodata/rules/plot-rules.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MapTools } from '../map/use-map-tools.ts';
import { NON_LEASABLE_COLORS, PLOT_STATUS_COLORS } from '../map/style/symbology.ts';
import { useDataUpdates } from '../data/updates.ts';
import { canEdit, useSession } from '../session/session.tsx';
import { AuditList } from './AuditList.tsx';
import { InvestorActions } from './enquiry/InvestorActions.tsx';
import { deferred } from './deferred.tsx';
import { SectorName } from './SectorName.tsx';
import { Caveats, InlineCaveats } from './zone/Caveats.tsx';

// Planners only: not in the first download.
const PlotEditForm = deferred(() => import('./PlotEditForm.tsx').then((m) => m.PlotEditForm));
const PlotSplitTool = deferred(() => import('./PlotSplitTool.tsx').then((m) => m.PlotSplitTool));
const PlotMergeTool = deferred(() => import('./PlotMergeTool.tsx').then((m) => m.PlotMergeTool));

type Props = {
  plot: PlotApiFeature;
  zone: ZoneApiFeature | null;
  sources: Source[];
  tools: MapTools;
  plotCode: (id: string) => string | null;
  zoneName: (id: string) => string | null;
  onBack: () => void;
  onClose: () => void;
  /** This plot was split or merged away: open the one that replaced it. */
  onReplaced: (id: string) => void;
};

type Mode = 'view' | 'edit' | 'split' | 'merge';

/** One plot: its facts for everyone; edit, split, merge and its change log for planners. */
export function PlotPanel({ plot: listed, zone, sources, tools, plotCode, zoneName, onBack, onClose, onReplaced }: Props) {
  const { t, lang, num, when } = useI18n();
  const { user } = useSession();
  const updates = useDataUpdates();
  const [mode, setMode] = useState<Mode>('view');
  const [notice, setNotice] = useState<{ plot: string; text: string } | null>(null);
  // The record a save returned, shown until the refetched plot list catches up with it.
  const [saved, setSaved] = useState<PlotApiFeature | null>(null);
  const plot = saved && saved.id === listed.id && saved.properties.version > listed.properties.version ? saved : listed;
  const p = plot.properties;
  const editable = canEdit(user);
  const leasable = LEASABLE_LAND_USES.includes(p.landUse);
  const source = sources.find((s) => s.id === p.sourceId);

  // Another plot (or a signed-out user) starts from the plain view.
  useEffect(() => setMode('view'), [plot.id, editable]);

  const done = (text: string, select?: string) => {
    setNotice({ plot: select ?? plot.id, text });
    setMode('view');
    if (select && select !== plot.id) onReplaced(select);
  };

  return (
    <aside className={mode === 'split' || mode === 'merge' ? 'panel map-tool' : 'panel'} data-testid="plot-panel" aria-labelledby="plot-panel-title">
      <header>
        <div>
          {zone && (
            <button type="button" className="link back" onClick={onBack}>
              ← {zone.properties.name[lang]}
            </button>
          )}
          <h2 id="plot-panel-title">
            {t('plot')} {p.code}
          </h2>
        </div>
        <button type="button" className="close" onClick={onClose} aria-label={t('close')}>
          ×
        </button>
      </header>
      {p.accuracy === 'approximate' && (
        <p className="badge approximate" title={t('approximateHelp')}>
          ⚠ {ACCURACY_LABELS.approximate[lang]}
        </p>
      )}
      <Caveats caveats={plotCaveats(p, { schematicLayout: source?.schematic === true })} testId="plot-caveats" />
      <dl className="facts">
        <dt>{t('plotCode')}</dt>
        <dd>{p.code}</dd>
        <dt>{t('landUse')}</dt>
        <dd>{LAND_USE_LABELS[p.landUse][lang]}</dd>
        <dt>{t('status')}</dt>
        <dd data-testid="plot-status">
          <span className="swatch" style={{ background: leasable ? PLOT_STATUS_COLORS[p.status] : NON_LEASABLE_COLORS[p.landUse as 'infrastructure' | 'green'] }} />{' '}
          {PLOT_STATUS_LABELS[p.status][lang]}
          <ConfidenceBadge confidence={confidenceOf(p.statusConfidence)} />
        </dd>
        <dt>{t('tenant')}</dt>
        <dd data-testid="plot-tenant">{p.tenant ?? <span className="nodata">—</span>}</dd>
        <dt>{t('sector')}</dt>
        <dd>{p.sector ? <SectorName value={p.sector} /> : <span className="nodata">—</span>}</dd>
        <dt>{t('area')}</dt>
        <dd>
          {num(p.areaHa, 2)} {t('ha')}
        </dd>
        <dt>{t('lease')}</dt>
        <dd>{p.leaseStart || p.leaseEnd ? `${p.leaseStart ? when(p.leaseStart) : '…'} – ${p.leaseEnd ? when(p.leaseEnd) : '…'}` : <span className="nodata">—</span>}</dd>
        <dt>{t('price')}</dt>
        <dd>
          {p.priceVndM2Year.value === null ? (
            <span className="nodata">
              {t('noData')}
              <InlineCaveats caveats={figureCaveats(p.priceVndM2Year, null)} />
            </span>
          ) : (
            <>
              {num(p.priceVndM2Year.value, 0)} {t('priceUnit')}
              {p.priceVndM2Year.asOf && (
                <small className="asof">
                  {' '}
                  {t('asOf')} {when(p.priceVndM2Year.asOf)}
                </small>
              )}
            </>
          )}
        </dd>
        <dt>{t('sources')}</dt>
        {/* A source is cited by its title (ours in the reader's language), never by its key. */}
        <dd>{source ? (source.label?.[lang] ?? <cite>{source.title}</cite>) : <span className="nodata">{t('noData')}</span>}</dd>
      </dl>
      {/* A note that came with an uploaded file (the uploader's words); the bundled research notes never reach the database. */}
      {p.note && (
        <p className="note">
          {t('note')}: {p.note}
        </p>
      )}
      {leasable && (
        <InvestorActions
          kind="plot"
          id={plot.id}
          about={`${t('plot')} ${p.code}${zone ? ` · ${zone.properties.name[lang]}` : ''}`}
          zoneInstead={isHeld(p.status) && zone ? { id: zone.id, about: zone.properties.name[lang] } : undefined}
        />
      )}

      {notice && notice.plot === plot.id && mode === 'view' && (
        <p className="form-notice success" role="status" data-testid="plot-notice">
          {notice.text}
        </p>
      )}

      {editable && mode === 'view' && (
        <div className="actions panel-actions">
          <button type="button" onClick={() => setMode('edit')}>
            {t('editPlot')}
          </button>
          <button type="button" className="secondary" onClick={() => setMode('split')}>
            {t('split')}
          </button>
          <button type="button" className="secondary" onClick={() => setMode('merge')}>
            {t('merge')}
          </button>
        </div>
      )}
      {editable && mode === 'edit' && (
        <PlotEditForm
          key={plot.id}
          plotId={plot.id}
          onSaved={(record) => {
            setSaved(record);
            void updates.plotSaved(record);
            done(t('saved'));
          }}
          onCancel={() => setMode('view')}
        />
      )}
      {editable && mode === 'split' && (
        <PlotSplitTool
          plot={plot}
          tools={tools}
          onCancel={() => setMode('view')}
          onDone={(created) => {
            void updates.plotsReplaced([plot.id], created);
            done(t('splitDone', { codes: created.map((c) => c.properties.code).join(', ') }), created[0]?.id);
          }}
        />
      )}
      {editable && mode === 'merge' && (
        <PlotMergeTool plot={plot} tools={tools} plotCode={plotCode} onCancel={() => setMode('view')} onDone={(m, ids) => {
            void updates.plotsReplaced(ids, [m]);
            done(t('mergeDone', { code: m.properties.code }), m.id);
          }}
        />
      )}

      {editable && (
        <section aria-label={t('changeLog')}>
          <h3>{t('changeLog')}</h3>
          <AuditList query={{ entity: `plot:${plot.id}`, limit: 50 }} plotCode={plotCode} zoneName={zoneName} />
        </section>
      )}
    </aside>
  );
}
