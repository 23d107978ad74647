/**
 * The data every edit can change: zones (with their occupancy), plots and the province figures.
 * Each is drawn as soon as it arrives on the first load; after an edit all three are fetched
 * again and swapped in together, so the map, the panels and the stats never disagree.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { PlotCollection, Stats, ZoneApiFeature } from '../../geodata/api.ts';
import { api } from '../api.ts';
import { plotsForMap } from '../map/tile-mode.ts';

type Data = { zones: ZoneApiFeature[] | null; plots: PlotCollection | null; stats: Stats | null };

export function useAtlasData(onError: (e: unknown) => void) {
  const [data, setData] = useState<Data>({ zones: null, plots: null, stats: null });
  /** Counts reloads, so history and change lists know to refetch too. */
  const [version, setVersion] = useState(0);
  const latest = useRef(0);

  useEffect(() => {
    api.zones().then((fc) => setData((d) => ({ ...d, zones: fc.features })), onError);
    plotsForMap(api.plots).then((plots) => setData((d) => ({ ...d, plots })), onError);
    api.stats().then((stats) => setData((d) => ({ ...d, stats })), onError);
    // Loaded once per page; later loads go through reload().
  }, []);

  /** Refetches all three; `then` runs in the same update, e.g. to select a plot that a split created. */
  const reload = useCallback((then?: () => void) => {
    const n = ++latest.current;
    Promise.all([api.zones(), plotsForMap(api.plots), api.stats()]).then(([zones, plots, stats]) => {
      // An older reload that answers late must not undo a newer one.
      if (n !== latest.current) return;
      setData({ zones: zones.features, plots, stats });
      setVersion((v) => v + 1);
      then?.();
    }, onError);
  }, []);

  return { ...data, version, reload };
}
