import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ContextCollection, PlotCollection, SourcesResponse, Stats, ZoneApiFeature } from '../geodata/api.ts';
import { api } from './api.ts';
import { Legend } from './components/Legend.tsx';
import { ModeSwitch } from './components/ModeSwitch.tsx';
import { SearchBox } from './components/SearchBox.tsx';
import { StatsBar } from './components/StatsBar.tsx';
import { ZonePanel } from './components/ZonePanel.tsx';
import { I18nProvider } from './i18n/i18n.tsx';
import { translate } from './i18n/strings.ts';
import { formatHash, parseHash, type HashState, type View } from './lib/hash-state.ts';
import { MapView } from './map/MapView.tsx';

type Data = {
  zones: ZoneApiFeature[];
  plots: PlotCollection;
  context: ContextCollection;
  stats: Stats;
  sources: SourcesResponse['sources'];
};

async function loadAll(): Promise<Data> {
  const [zones, plots, context, stats, sources] = await Promise.all([api.zones(), api.plots(), api.context(), api.stats(), api.sources()]);
  return { zones: zones.features, plots, context, stats, sources: sources.sources };
}

export function App() {
  const [initial] = useState(() => parseHash(window.location.hash));
  const [state, setState] = useState<HashState>(initial);
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [flyRequest, setFlyRequest] = useState(0);

  useEffect(() => {
    loadAll().then(setData, (e: unknown) => setError(String(e)));
  }, []);

  // The hash follows the state, so the address bar is always a link to what is on screen.
  useEffect(() => {
    const hash = formatHash(state);
    if (hash !== window.location.hash) history.replaceState(null, '', hash || window.location.pathname + window.location.search);
    document.documentElement.lang = state.lang;
  }, [state]);

  const selectZone = useCallback((zone: string | null, fly: boolean) => {
    setState((s) => ({ ...s, zone }));
    if (fly) setFlyRequest((n) => n + 1);
  }, []);
  const onViewChange = useCallback((view: View) => setState((s) => ({ ...s, view })), []);
  const mapData = useMemo(() => (data ? { zones: data.zones, plots: data.plots, context: data.context } : null), [data]);
  const selected = data?.zones.find((z) => z.id === state.zone) ?? null;

  return (
    <I18nProvider lang={state.lang}>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <h1>{translate(state.lang, 'appTitle')}</h1>
            <p>{translate(state.lang, 'appSubtitle')}</p>
          </div>
          <SearchBox zones={data?.zones ?? []} onPick={(id) => selectZone(id, true)} />
          <ModeSwitch mode={state.mode} onChange={(mode) => setState((s) => ({ ...s, mode }))} />
          <button
            type="button"
            className="lang"
            onClick={() => setState((s) => ({ ...s, lang: s.lang === 'vi' ? 'en' : 'vi' }))}
            lang={state.lang === 'vi' ? 'en' : 'vi'}
          >
            {translate(state.lang, 'language')}
          </button>
        </header>
        <main className="body">
          <MapView
            data={mapData}
            mode={state.mode}
            selectedZone={state.zone}
            flyRequest={flyRequest}
            initialView={initial.view}
            onZoneClick={(id) => selectZone(id, false)}
            onViewChange={onViewChange}
          />
          <Legend mode={state.mode} />
          {data && <StatsBar stats={data.stats} />}
          {!data && !error && <div className="notice">{translate(state.lang, 'loading')}</div>}
          {error && <div className="notice error" role="alert">{translate(state.lang, 'loadError')}</div>}
          {selected && data && (
            <ZonePanel zone={selected} sources={data.sources} onClose={() => selectZone(null, false)} />
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
