/**
 * The investor dock: find land, the shortlist and comparison, measuring tools, and (for planners)
 * the enquiry inbox, as tabs of one panel on the left (a bottom sheet on a phone). App.tsx holds
 * only which tab is open; "find" is also in the URL (find=1) with its filters (f.*).
 */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react';
import type { ContextCollection, PlotCollection, ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { useAllPlots, useEnquiries } from '../../data/queries.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import type { HashState } from '../../lib/hash-state.ts';
import { NO_FILTERS } from '../../lib/land-search.ts';
import type { MapController } from '../../map/map-controller.ts';
import { canEdit, useSession } from '../../session/session.tsx';
import { deferred } from '../deferred.tsx';
import { panelPadding } from './layout.ts';
import { useShortlist, type ShortItem } from './shortlist.ts';

/** Planners only: not in the first download. */
const EnquiryInbox = deferred(() => import('../enquiry/EnquiryInbox.tsx').then((m) => m.EnquiryInbox));
// The investors' panels load when opened: the first map needs none of them.
const FindLandPanel = deferred(() => import('./FindLandPanel.tsx').then((m) => m.FindLandPanel));
const ShortlistPanel = deferred(() => import('./ShortlistPanel.tsx').then((m) => m.ShortlistPanel));
const MeasurePanel = deferred(() => import('./MeasurePanel.tsx').then((m) => m.MeasurePanel));

export const DOCK_TABS = ['find', 'shortlist', 'measure', 'inbox'] as const;
export type DockTab = (typeof DOCK_TABS)[number];

/** Which tab is open. "find" lives in the URL; the others only for this visit. */
export function useInvestorDock(state: HashState, setState: Dispatch<SetStateAction<HashState>>) {
  const [other, setOther] = useState<Exclude<DockTab, 'find'> | null>(null);
  const tab: DockTab | null = state.find ? 'find' : other;
  const open = (next: DockTab | null) => {
    setState((s) => ({ ...s, find: next === 'find' ? true : undefined }));
    setOther(next && next !== 'find' ? next : null);
  };
  return { tab, open };
}

/** Plots with open enquiries are outlined for planners only. */
export function useEnquiryMarks(controller: MapController | null) {
  const { user } = useSession();
  const planner = canEdit(user);
  useEffect(() => controller?.showEnquiryMarks(planner), [controller, planner]);
}

type DockProps = {
  tab: DockTab;
  onTab: (tab: DockTab | null) => void;
  /** A plot or zone panel is open: on small screens the dock steps back until it closes. */
  behind: boolean;
  state: HashState;
  setState: Dispatch<SetStateAction<HashState>>;
  zones: ZoneApiFeature[];
  plots: PlotCollection | null;
  context: ContextCollection | null;
  sources: Source[];
  controller: MapController | null;
  onOpenPlot: (id: string) => void;
  onOpenZone: (id: string) => void;
};

const TAB_KEYS = { find: 'tabFind', shortlist: 'tabShortlist', measure: 'tabMeasure', inbox: 'tabInbox' } as const;

export function InvestorDock(props: DockProps) {
  const { tab, onTab, behind, state, setState, zones, context, sources, controller, onOpenPlot, onOpenZone } = props;
  const { t } = useI18n();
  const { user } = useSession();
  const shortlist = useShortlist();
  const plots = useAllPlots(true);
  const [comparing, setComparing] = useState(false);
  const planner = canEdit(user);
  const tabs = DOCK_TABS.filter((k) => k !== 'inbox' || planner);
  const current: DockTab = tab === 'inbox' && !planner ? 'find' : tab;
  const wide = current === 'shortlist' && comparing;

  const plotById = new Map((plots ?? []).map((p) => [p.id, p]));
  const zoneById = new Map(zones.map((z) => [z.id, z]));
  const openItem = (item: ShortItem) => (item.kind === 'plot' ? onOpenPlot(item.id) : onOpenZone(item.id));

  return (
    <aside
      className={`panel dock${behind ? ' behind' : ''}${wide ? ' wide' : ''}${current === 'measure' ? ' map-tool' : ''}`}
      data-testid="investor-dock"
      aria-labelledby="dock-title"
    >
      <header>
        <h2 id="dock-title">{t(TAB_KEYS[current], { n: shortlist.items.length })}</h2>
        <button type="button" className="close" onClick={() => onTab(null)} aria-label={t('close')}>
          ×
        </button>
      </header>
      <div className="tabs" role="tablist" aria-label={t('dockTabs')}>
        {tabs.map((k) => (
          <button key={k} type="button" role="tab" id={`dock-tab-${k}`} aria-selected={current === k} aria-controls="dock-tabpanel" onClick={() => onTab(k)}>
            {t(TAB_KEYS[k], { n: shortlist.items.length })}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="dock-tabpanel" aria-labelledby={`dock-tab-${current}`}>
        {current === 'find' && (
          <FindLandPanel
            zones={zones}
            plots={plots}
            context={context}
            filters={state.filters ?? NO_FILTERS}
            onFilters={(filters) => setState((s) => ({ ...s, filters }))}
            controller={controller}
            onPick={onOpenPlot}
            onPickZone={onOpenZone}
            onShowAll={(list) => controller?.fitTo({ type: 'FeatureCollection', features: list }, panelPadding(true))}
          />
        )}
        {current === 'shortlist' && (
          <ShortlistPanel zones={zones} plots={plots ?? []} context={context} sources={sources} comparing={comparing} onCompare={setComparing} onOpen={openItem} />
        )}
        {current === 'measure' && <MeasurePanel controller={controller} zones={zones} plots={plots ?? []} onOpenPlot={onOpenPlot} onOpenZone={onOpenZone} />}
        {current === 'inbox' && (
          <EnquiryInbox plotById={plotById} zoneById={zoneById} onOpenPlot={onOpenPlot} onOpenZone={onOpenZone} />
        )}
      </div>
    </aside>
  );
}

/** The header's entry points: "Find land" for everyone, the enquiry inbox with its count for planners. */
export function InvestorButtons({ tab, onTab }: { tab: DockTab | null; onTab: (tab: DockTab | null) => void }) {
  const { t } = useI18n();
  const { user } = useSession();
  const planner = canEdit(user);
  // The inbox reads the same cache entry: moving an enquiry along updates this count too.
  const enquiries = useEnquiries(planner).data;
  const fresh = enquiries ? enquiries.filter((e) => e.status === 'new').length : null;
  return (
    <div className="investor-buttons">
      <button type="button" className="lang find-button" aria-pressed={tab === 'find'} onClick={() => onTab(tab === 'find' ? null : 'find')}>
        {t('findLand')}
      </button>
      {planner && (
        <button type="button" className="lang" aria-pressed={tab === 'inbox'} onClick={() => onTab(tab === 'inbox' ? null : 'inbox')} data-testid="inbox-button">
          {t('inboxButton', { n: fresh ?? 0 })}
        </button>
      )}
    </div>
  );
}
