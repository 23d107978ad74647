import { QueryClientProvider, useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import type { PlotApiFeature } from '../geodata/api.ts';
import type { Region } from '../geodata/regions.ts';
import { BasemapSwitch } from './components/BasemapSwitch.tsx';
import { Legend } from './components/Legend.tsx';
import { ModeSwitch } from './components/ModeSwitch.tsx';
import { RegionSwitch } from './components/RegionSwitch.tsx';
import { PlotPanel } from './components/PlotPanel.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { SessionControl } from './components/SessionControl.tsx';
import { StatsBar } from './components/StatsBar.tsx';
import { deferred } from './components/deferred.tsx';
import { ZonePanel } from './components/ZonePanel.tsx';
import { InvestorButtons, InvestorDock, useEnquiryMarks, useInvestorDock } from './components/find-land/InvestorDock.tsx';
import { isPhone, panelPadding } from './components/find-land/layout.ts';
import { LeadersMenu, LeadersOverlays, useLeaders } from './components/leaders/Leaders.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { translate } from './i18n/strings.ts';
import { askFirstView, plotQuery, useAllPlots, useMapContext, useMapPlots, usePlot, useSources, useStats, useZonePlots, useZones } from './data/queries.ts';
import { makeQueryClient } from './data/query-client.ts';
import { formatHash, parseHash, type HashState, type View } from './lib/hash-state.ts';
import { panelShown, toolAllowed, type Tool } from './lib/panel.ts';
import { findLand, NO_FILTERS } from './lib/land-search.ts';
import { plotsIn, zonesIn } from './lib/regions.ts';
import { regionStats, resolutionStats, resolutionZones } from '../geodata/regions.ts';
import { MapView } from './map/MapView.tsx';
import type { MapController } from './map/map-controller.ts';
import { useMapTools } from './map/use-map-tools.ts';
import { PLOTS_MIN_ZOOM } from './map/style/ids.ts';
import { SessionProvider, useSession } from './session/session.tsx';

// Loaded when first opened: most visitors never need them.
const ImportPanel = deferred(() => import('./components/import/ImportPanel.tsx').then((m) => m.ImportPanel));
const DataExportPanel = deferred(() => import('./components/export/DataExportPanel.tsx').then((m) => m.DataExportPanel));
const ProvincePanel = deferred(() => import('./components/ProvincePanel.tsx').then((m) => m.ProvincePanel));
const UsersPanel = deferred(() => import('./components/UsersPanel.tsx').then((m) => m.UsersPanel));
const Brochure = deferred(() => import('./components/find-land/Brochure.tsx').then((m) => m.Brochure));

export function App() {
  const [initial] = useState(() => parseHash(window.location.hash, window.location.search));
  const [state, setState] = useState<HashState>(initial);
  const [queryClient] = useState(() => {
    const qc = makeQueryClient();
    askFirstView(qc);
    return qc;
  });
  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider lang={state.lang}>
        <SessionProvider>
          <Atlas initial={initial} state={state} setState={setState} />
        </SessionProvider>
      </I18nProvider>
    </QueryClientProvider>
  );
}

type AtlasProps = { initial: HashState; state: HashState; setState: Dispatch<SetStateAction<HashState>> };

function Atlas({ initial, state, setState }: AtlasProps) {
  const [flyRequest, setFlyRequest] = useState(0);
  const [plotId, setPlotId] = useState<string | null>(null);
  const qc = useQueryClient();
  /** The tool opened over the selection (users, export, or import with the zone it was opened for). */
  const [tool, setTool] = useState<Tool | null>(null);
  // Each is drawn as soon as it arrives; edits update them in the cache (data/updates.ts).
  const loads = [useZones(), useMapPlots(), useStats(), useMapContext(), useSources()] as const;
  const [zones, plots, stats, context, sources] = [loads[0].data ?? null, loads[1].data ?? null, loads[2].data ?? null, loads[3].data ?? null, loads[4].data ?? null];
  const error = loads.some((q) => q.isError);
  // The region shown (whole province by default): the map, search, find-land, exports and the
  // figures card read these; the Resolution 16 views stay former Bắc Kạn's (its resolution).
  const shownZones = useMemo(() => zonesIn(zones, state.region), [zones, state.region]);
  const shownPlots = useMemo(() => plotsIn(plots, state.region), [plots, state.region]);
  const shownStats = useMemo(() => regionStats(stats, state.region), [stats, state.region]);
  const resolutionScopeZones = useMemo(() => zones && resolutionZones(zones), [zones]);
  const resolutionScopeStats = useMemo(() => resolutionStats(stats), [stats]);
  const map = useMapTools();
  const { user } = useSession();
  // Investors: the find-land dock (find=1 in the URL), the map controller it drives, enquiry marks.
  const [mapCtl, setMapCtl] = useState<MapController | null>(null);
  const dock = useInvestorDock(state, setState);
  useEnquiryMarks(mapCtl);
  // Leaders: Resolution 16 dashboard, timeline, presentation, exports.
  const leaders = useLeaders();

  // The hash follows the state, so the address bar is always a link to what is on screen.
  useEffect(() => {
    const hash = formatHash(state);
    if (hash !== window.location.hash) history.replaceState(null, '', hash || window.location.pathname + window.location.search);
    // Written only when it changes: even the same value makes the browser restyle the whole page.
    if (document.documentElement.lang !== state.lang) document.documentElement.lang = state.lang;
  }, [state]);

  useEffect(() => {
    setTool((t) => (t && !toolAllowed(t, user) ? null : t));
  }, [user]);

  // The phone's header menu folds away once what it opened is on screen.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [state.zone, dock.tab, leaders.view, tool]);

  const selectZone = useCallback((zone: string | null, fly: boolean) => {
    setState((s) => ({ ...s, zone }));
    setPlotId(null);
    if (fly) setFlyRequest((n) => n + 1);
  }, []);
  /** Shows one region (or the whole province) and frames its zones beside the open panels. */
  const switchRegion = (region: Region | undefined) => {
    setState((s) => ({ ...s, region, zone: s.zone && region && zoneById.get(s.zone)?.properties.region !== region ? null : s.zone }));
    const framed = zonesIn(zones, region);
    if (framed?.length) mapCtl?.fitTo({ type: 'FeatureCollection', features: framed }, panelPadding(!!dock.tab));
  };
  const onViewChange = useCallback((view: View) => setState((s) => ({ ...s, view })), []);

  const plotById = useMemo(() => new Map((plots?.features ?? []).map((p) => [p.id, p])), [plots]);
  const zoneById = useMemo(() => new Map((zones ?? []).map((z) => [z.id, z])), [zones]);
  const plotCode = useCallback((id: string) => plotById.get(id)?.properties.code ?? null, [plotById]);
  const zoneName = useCallback((id: string) => zoneById.get(id)?.properties.name[state.lang] ?? null, [zoneById, state.lang]);

  const selected = (state.zone && zoneById.get(state.zone)) || null;
  /** Whether the map draws the plots now (the zoom they show from; a past date of the timeline hides them), so the legend explains those. */
  const plotsDrawn = (state.view?.zoom ?? 0) >= PLOTS_MIN_ZOOM && !leaders.statsAt;
  /** What the open find-land search matches, offered as an export scope (the panel runs the same search). */
  const searchPlots = useAllPlots(tool?.kind === 'export' && !!state.find);
  const foundPlots = useMemo(
    () => (searchPlots && shownZones && context ? findLand(searchPlots, shownZones, context, state.filters ?? NO_FILTERS).map((r) => r.plot.id) : null),
    [searchPlots, state.filters, shownZones, context],
  );
  /** A plot fetched on its own: with vector tiles the client holds no plot list to look it up in. */
  const loosePlot = usePlot(plotId && !plotById.has(plotId) ? plotId : null);
  const selectedPlot = (plotId && (plotById.get(plotId) ?? loosePlot.data)) || null;
  const zonePlots = useZonePlots(selected?.id ?? null);
  const panel = panelShown({ tool, user, zonesLoaded: !!zones, plot: selectedPlot, zone: selected, hidden: leaders.hidesPanels });

  const showPlot = (plot: PlotApiFeature) => {
    setState((s) => ({ ...s, zone: plot.properties.zoneId }));
    setPlotId(plot.id);
  };
  const onPlotClick = (id: string) => {
    const plot = plotById.get(id);
    if (plot) return showPlot(plot);
    // Not in the list (tile mode): asked for on its own, into the entry usePlot reads.
    qc.fetchQuery(plotQuery(id)).then(
      showPlot,
      // Gone since the tile was drawn (merged, say): nothing to open.
      () => setPlotId(null),
    );
  };
  const closePlot = () => {
    map.tools.cancel();
    setPlotId(null);
  };
  /**
   * Opens a plot from a list (search results, inbox, shortlist) and frames its zone beside the
   * panels: the plot is highlighted among its neighbours, not zoomed until it fills the view.
   */
  const openPlot = (id: string) => {
    onPlotClick(id);
    const plot = plotById.get(id);
    const zone = plot && zoneById.get(plot.properties.zoneId);
    if (plot) mapCtl?.fitTo(zone ?? plot, panelPadding(!!dock.tab));
  };

  // Escape closes the open plot (back to its zone) or zone panel, from anywhere but a form, whose
  // own Escape (sign-in) or typing must not lose what was entered, and but a map tool in use.
  const escapeClosesPanel = useRef<() => void>(() => {});
  escapeClosesPanel.current = () => {
    if (map.tool !== 'none') return;
    if (panel.kind === 'plot') closePlot();
    else if (panel.kind === 'zone') selectZone(null, false);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' || e.defaultPrevented) return;
      if (e.target instanceof Element && e.target.closest('form, [role="dialog"]')) return;
      escapeClosesPanel.current();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  /** The right-hand panel for the one `panel` value. */
  const panelView = () => {
    switch (panel.kind) {
      case 'none':
        return null;
      case 'users':
        return <UsersPanel onClose={() => setTool(null)} />;
      case 'province':
        return <ProvincePanel stats={stats} zones={zones ?? []} onClose={() => setTool(null)} />;
      case 'export':
        return <DataExportPanel zones={shownZones ?? []} region={state.region} selectedZone={state.zone} foundPlots={foundPlots} onClose={() => setTool(null)} />;
      case 'import':
        return (
          <ImportPanel
            initialZone={panel.zone}
            zones={zones ?? []}
            controller={mapCtl}
            onClose={() => setTool(null)}
            onOpenZone={(id) => {
              setTool(null);
              selectZone(id, true);
            }}
          />
        );
      case 'plot':
        return (
          <PlotPanel
            plot={panel.plot}
            zone={zoneById.get(panel.plot.properties.zoneId) ?? null}
            sources={sources ?? []}
            tools={map.tools}
            plotCode={plotCode}
            zoneName={zoneName}
            onBack={closePlot}
            onClose={() => {
              closePlot();
              selectZone(null, false);
            }}
            onReplaced={setPlotId}
          />
        );
      case 'zone':
        return (
          <ZonePanel
            zone={panel.zone}
            sources={sources ?? []}
            plotCode={plotCode}
            zoneName={zoneName}
            plots={zonePlots}
            onOpenPlot={openPlot}
            onClose={() => selectZone(null, false)}
            onImportPlots={() => setTool({ kind: 'import', zone: panel.zone.id })}
          />
        );
    }
  };

  return (
    <div className="app">
      <header className={menuOpen ? 'topbar menu-open' : 'topbar'}>
        <div className="brand">
          <h1>{translate(state.lang, 'appTitle')}</h1>
          <p>{translate(state.lang, 'appSubtitle')}</p>
        </div>
        <SearchBox zones={shownZones ?? []} onPick={(id) => selectZone(id, true)} />
        {/* On a phone the header is one row: name, search and this button; the rest folds into the menu. */}
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="topbar-menu" onClick={() => setMenuOpen((o) => !o)} data-testid="menu-toggle">
          <span aria-hidden="true">☰</span>
          <span className="sr-only">{translate(state.lang, 'menu')}</span>
        </button>
        <div id="topbar-menu" className="topbar-menu">
          <RegionSwitch region={state.region} onChange={switchRegion} />
          <button type="button" onClick={() => setTool({ kind: 'province' })} aria-pressed={tool?.kind === 'province'} data-testid="open-province">
            {translate(state.lang, 'provinceOpen')}
          </button>
          <ModeSwitch mode={state.mode} onChange={(mode) => setState((s) => ({ ...s, mode }))} />
          <button
            type="button"
            className="lang"
            onClick={() => setState((s) => ({ ...s, lang: s.lang === 'vi' ? 'en' : 'vi' }))}
            lang={state.lang === 'vi' ? 'en' : 'vi'}
          >
            {translate(state.lang, 'language')}
          </button>
          <InvestorButtons tab={dock.tab} onTab={dock.open} />
          <LeadersMenu leaders={leaders} onExportData={() => setTool({ kind: 'export' })} />
          <SessionControl onOpenUsers={() => setTool({ kind: 'users' })} onOpenImport={() => setTool({ kind: 'import', zone: state.zone })} />
        </div>
      </header>
      <main className={dock.tab ? 'body dock-open' : 'body'}>
        <MapView
          zones={shownZones}
          plots={shownPlots}
          context={context}
          mode={state.mode}
          selectedZone={state.zone}
          selectedPlot={selectedPlot?.id ?? null}
          candidatePlot={map.candidate}
          tool={map.tool}
          draft={map.draft}
          finishRequest={map.finishRequest}
          pointRequest={map.pointRequest}
          flyRequest={flyRequest}
          followSelection={isPhone()}
          initialView={initial.view}
          onController={setMapCtl}
          onZoneClick={(id) => selectZone(id, false)}
          onPlotClick={onPlotClick}
          onViewChange={onViewChange}
          {...map.handlers}
        />
        {/* Folded or unfolded, the legend never covers a zone: the camera moves out from under it. */}
        <Legend mode={state.mode} plotsDrawn={plotsDrawn} alwaysOpen={leaders.view.presenting} onResize={() => mapCtl?.overlaysResized()} />
        <BasemapSwitch controller={mapCtl} />
        {shownStats && <StatsBar stats={shownStats} atDate={leaders.statsAt} region={state.region} />}
        {!zones && !error && <div className="notice">{translate(state.lang, 'loading')}</div>}
        {error && <div className="notice error" role="alert">{translate(state.lang, 'loadError')}</div>}
        {dock.tab && zones && !leaders.hidesPanels && (
          <InvestorDock
            tab={dock.tab}
            onTab={dock.open}
            behind={panel.kind !== 'none'}
            state={state}
            setState={setState}
            zones={shownZones ?? zones}
            plots={shownPlots}
            context={context}
            sources={sources ?? []}
            controller={mapCtl}
            onOpenPlot={openPlot}
            onOpenZone={(id) => selectZone(id, true)}
          />
        )}
        {state.brochure && (
          <Brochure
            subject={state.brochure}
            zones={zones}
            plots={plots?.features ?? null}
            context={context}
            sources={sources}
            controller={mapCtl}
            onClose={() => setState((s) => ({ ...s, brochure: undefined }))}
          />
        )}
        <LeadersOverlays
          leaders={leaders}
          controller={mapCtl}
          zones={resolutionScopeZones}
          plots={plots}
          context={context}
          stats={resolutionScopeStats}
          shown={{ zones: shownZones, plots: shownPlots, stats: shownStats }}
          sources={sources ?? []}
          mode={state.mode}
          selected={state.zone}
          onSelect={(id) => selectZone(id, false)}
          onShowZone={(id) => {
            leaders.set('dashboard', false);
            selectZone(id, true);
          }}
        />
        {panelView()}
      </main>
    </div>
  );
}
