/**
 * What an edit changes in the cache. The record an edit answers with goes straight into the
 * cache; only the figures the server derives from it (the zone's occupancy, the province totals,
 * the zone's series and change log, the targets' current figures) are asked for again, and only
 * for the zone it touched.
 */
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { Enquiry, PlotApiFeature, PlotCollection, ZoneApiFeature } from '../../geodata/api.ts';
import type { Tour } from '../../geodata/targets.ts';
import { api, type Versioned } from '../api.ts';
import { keys } from './keys.ts';

type Plots = PlotApiFeature[];

/** Drops `gone` and puts `fresh` in their place (or at the end), in the map's list and the search's. */
function replacePlots(qc: QueryClient, gone: readonly string[], fresh: Plots) {
  const drop = new Set([...gone, ...fresh.map((p) => p.id)]);
  const apply = (list: Plots, keepOnlyKnown: boolean) => {
    const byId = new Map(fresh.map((p) => [p.id, p]));
    const out: Plots = [];
    for (const p of list) {
      if (byId.has(p.id)) {
        out.push(byId.get(p.id)!);
        byId.delete(p.id);
      } else if (!drop.has(p.id)) out.push(p);
    }
    // An empty map list is tile mode: there the tiles hold the plots, not this list.
    if (!keepOnlyKnown) out.push(...byId.values());
    return out;
  };
  // A new list object even in tile mode: the map takes it as the signal to ask for new tiles.
  qc.setQueryData<PlotCollection>(keys.mapPlots, (fc) => fc && { ...fc, features: apply(fc.features, fc.features.length === 0) });
  qc.setQueryData<Plots | null>(keys.searchPlots, (list) => list && apply(list, false));
  for (const p of fresh) qc.setQueryData(keys.plot(p.id), p);
  // In tile mode a zone's plot list is its own entry: asked again where a panel shows it.
  void qc.invalidateQueries({ queryKey: keys.zonePlotsPrefix });
  for (const id of gone) if (!fresh.some((p) => p.id === id)) qc.removeQueries({ queryKey: keys.plot(id), exact: true });
}

const putZone = (qc: QueryClient, zone: ZoneApiFeature) =>
  qc.setQueryData<ZoneApiFeature[]>(keys.zones, (zones) => zones?.map((z) => (z.id === zone.id ? zone : z)));

/** The figures derived from a zone's data: refetched only where someone is looking at them. */
function zoneFiguresChanged(qc: QueryClient, zoneId: string) {
  for (const key of [keys.stats, keys.zoneHistory(zoneId), keys.histories, keys.auditPrefix, keys.targets]) void qc.invalidateQueries({ queryKey: key });
}

/** A plot's edit changes its zone's occupancy: that one zone is fetched again (all of them if that fails). */
function refetchZone(qc: QueryClient, zoneId: string): Promise<void> {
  return api.zone(zoneId).then(
    ({ value }) => void putZone(qc, value),
    () => qc.invalidateQueries({ queryKey: keys.zones }),
  );
}

export function dataUpdates(qc: QueryClient) {
  return {
    zoneSaved(zone: ZoneApiFeature) {
      putZone(qc, zone);
      zoneFiguresChanged(qc, zone.id);
    },
    plotSaved(plot: PlotApiFeature) {
      replacePlots(qc, [], [plot]);
      zoneFiguresChanged(qc, plot.properties.zoneId);
      return refetchZone(qc, plot.properties.zoneId);
    },
    /** A split (one plot became `created`) or a merge (`gone` became one). */
    plotsReplaced(gone: readonly string[], created: Plots) {
      replacePlots(qc, gone, created);
      const zoneId = created[0]?.properties.zoneId;
      if (!zoneId) return Promise.resolve();
      zoneFiguresChanged(qc, zoneId);
      return refetchZone(qc, zoneId);
    },
    /** An import can touch any zone, plot or basemap layer: everything is asked for again. */
    imported() {
      for (const key of [keys.zones, ['plots'], keys.plotPrefix, keys.context, keys.stats, keys.historyPrefix, keys.histories, keys.auditPrefix, keys.targets])
        void qc.invalidateQueries({ queryKey: key });
    },
    /** An enquiry moved along: the inbox holds the answer; the plot's open-enquiry mark may change. */
    async enquiryChanged(enquiry: Enquiry) {
      qc.setQueryData<Enquiry[]>(keys.enquiries, (list) => list?.map((e) => (e.id === enquiry.id ? enquiry : e)));
      if (!enquiry.plotId) return;
      await api.plot(enquiry.plotId).then(
        ({ value }) => replacePlots(qc, [], [value]),
        () => qc.invalidateQueries({ queryKey: ['plots'] }),
      );
    },
    tourSaved(tour: Versioned<Tour>) {
      qc.setQueryData(keys.tour, tour);
    },
    /** Another user signs in or out: what only they may read is dropped, not shown to the next. */
    sessionChanged() {
      for (const key of [keys.auditPrefix, keys.users, keys.enquiries]) qc.removeQueries({ queryKey: key });
    },
  };
}
export type DataUpdates = ReturnType<typeof dataUpdates>;

export function useDataUpdates(): DataUpdates {
  const qc = useQueryClient();
  return useMemo(() => dataUpdates(qc), [qc]);
}
