import { useCallback, useEffect, useState } from 'react';
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

/** Loads one API resource into state; the map draws each as it arrives. */
function useResource<T>(load: () => Promise<T>, onError: (e: unknown) => void): T | null {
  const [value, setValue] = useState<T | null>(null);
  useEffect(() => {
    load().then(setValue, onError);
    // Loaded once per page; the loader never changes.
  }, []);
  return value;
}

export function App() {
  const [initial] = useState(() => parseHash(window.location.hash));
  const [state, setState] = useState<HashState>(initial);
  const [error, setError] = useState<string | null>(null);
  const [flyRequest, setFlyRequest] = useState(0);
  const onError = (e: unknown) => setError(String(e));
  const zones = useResource(() => api.zones().then((fc) => fc.features), onError);
  const context = useResource(api.context, onError);
  const plots = useResource(api.plots, onError);
  const stats = useResource(api.stats, onError);
  const sources = useResource(() => api.sources().then((r) => r.sources), onError);

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
  const selected = zones?.find((z) => z.id === state.zone) ?? null;

  return (
    <I18nProvider lang={state.lang}>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <h1>{translate(state.lang, 'appTitle')}</h1>
            <p>{translate(state.lang, 'appSubtitle')}</p>
          </div>
          <SearchBox zones={zones ?? []} onPick={(id) => selectZone(id, true)} />
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
            zones={zones}
            plots={plots}
            context={context}
            mode={state.mode}
            selectedZone={state.zone}
            flyRequest={flyRequest}
            initialView={initial.view}
            onZoneClick={(id) => selectZone(id, false)}
            onViewChange={onViewChange}
          />
          <Legend mode={state.mode} />
          {stats && <StatsBar stats={stats} />}
          {!zones && !error && <div className="notice">{translate(state.lang, 'loading')}</div>}
          {error && <div className="notice error" role="alert">{translate(state.lang, 'loadError')}</div>}
          {selected && (
            <ZonePanel zone={selected} sources={sources ?? []} onClose={() => selectZone(null, false)} />
          )}
        </main>
      </div>
    </I18nProvider>
  );
}
