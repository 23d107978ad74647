/**
 * What the panels read, one hook per API resource. Components ask for data here and never fetch
 * themselves; edits update these same entries (updates.ts), so every reader follows at once.
 */
import { queryOptions, useQuery, type QueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import type { HistoryPoint, PlotApiFeature, ZoneHistory } from '../../geodata/api.ts';
import type { ProvinceIndicator } from '../../geodata/schema.ts';
import { api, type AuditQuery } from '../api.ts';
import { dataMode, plotsForMap } from '../map/data-mode.ts';
import { keys } from './keys.ts';

const zonesQuery = queryOptions({ queryKey: keys.zones, queryFn: async () => (await api.zones()).features });
/** The plots the map draws (an empty list in tile mode, where they come from tiles). */
const mapPlotsQuery = queryOptions({ queryKey: keys.mapPlots, queryFn: () => plotsForMap(api.plots) });
const statsQuery = queryOptions({ queryKey: keys.stats, queryFn: api.stats });
/** The basemap layers (province outline, roads, rivers). */
const contextQuery = queryOptions({ queryKey: keys.context, queryFn: api.context });
const sourcesQuery = queryOptions({ queryKey: keys.sources, queryFn: async () => (await api.sources()).sources });

export const useZones = () => useQuery(zonesQuery);
export const useMapPlots = () => useQuery(mapPlotsQuery);
export const useStats = () => useQuery(statsQuery);
export const useMapContext = () => useQuery(contextQuery);
export const useSources = () => useQuery(sourcesQuery);

/**
 * Asks for what the first view draws before React renders the page: the hooks above would only
 * ask once the whole page has rendered and committed (~300 ms later on a slow machine), and the
 * zones are on the path to the first frame that shows them. The hooks then find the answers (or
 * the requests in flight) in the cache; a failure is theirs to show, as before.
 */
export function askFirstView(qc: QueryClient) {
  void qc.prefetchQuery(zonesQuery);
  void qc.prefetchQuery(statsQuery);
  void qc.prefetchQuery(contextQuery);
  void qc.prefetchQuery(sourcesQuery);
  void qc.prefetchQuery(mapPlotsQuery);
}
/** The online basemaps the server offers (none when the operator configured none). */
export const useBasemaps = () => useQuery({ queryKey: keys.basemaps, queryFn: async () => (await api.basemaps()).services });

/**
 * Every plot for a search in tile mode, where the map never downloads the list (null with
 * GeoJSON, where the map's list already is that). Asked only once something needs it.
 */
const useTilePlots = (enabled: boolean) =>
  useQuery({ queryKey: keys.searchPlots, queryFn: async () => ((await dataMode()) === 'tiles' ? (await api.plots()).features : null), enabled });

/**
 * Every plot, whatever the data mode (tiles or GeoJSON): the one list the find-land dock searches
 * and the export panel's "plots found" searches too, so both find the same plots. null until known,
 * and while `enabled` is false (in tile mode nothing is fetched until a search needs it).
 */
export function useAllPlots(enabled: boolean): PlotApiFeature[] | null {
  const tiled = useTilePlots(enabled).data;
  const map = useMapPlots().data;
  if (!enabled || tiled === undefined) return null;
  return tiled ?? map?.features ?? null;
}

const NO_PLOTS: readonly PlotApiFeature[] = [];
/** One zone's plots in tile mode (null with GeoJSON, where the map's list already holds them). */
const useTileZonePlots = (zoneId: string | null) =>
  useQuery({
    queryKey: keys.zonePlots(zoneId ?? ''),
    queryFn: async () => ((await dataMode()) === 'tiles' ? (await api.zonePlots(zoneId!)).features : null),
    enabled: zoneId !== null,
  });

/**
 * The plots of one zone, whatever the data mode: filtered from the map's list with GeoJSON, one
 * request for that zone in tile mode (where the map holds no list). The zone panel lists these.
 */
export function useZonePlots(zoneId: string | null): readonly PlotApiFeature[] {
  const tiled = useTileZonePlots(zoneId).data;
  const map = useMapPlots().data;
  return useMemo(() => {
    if (zoneId === null) return NO_PLOTS;
    return tiled ?? map?.features.filter((p) => p.properties.zoneId === zoneId) ?? NO_PLOTS;
  }, [zoneId, tiled, map]);
}

/** One plot on its own, for a plot the client holds no list entry for (tile mode). */
export const plotQuery = (id: string) => queryOptions({ queryKey: keys.plot(id), queryFn: async () => (await api.plot(id)).value });
export const usePlot = (id: string | null) => useQuery({ ...plotQuery(id ?? ''), enabled: id !== null });

export const useZoneHistory = (zoneId: string) => useQuery({ queryKey: keys.zoneHistory(zoneId), queryFn: () => api.zoneHistory(zoneId) });

/**
 * The leaders' views ask again each time they open (stale at once, so enabling refetches), as
 * they always did: another planner may have edited since. Edits here update them anyway.
 */
const ON_OPEN = { staleTime: 0 } as const;

const byZone = (r: { zones: ZoneHistory[] }): ReadonlyMap<string, readonly HistoryPoint[]> => new Map(r.zones.map((h) => [h.zoneId, h.points]));
/** Every zone's dated series, in one request (GET /api/history), as zone id → points. */
export const useHistories = (enabled: boolean) => useQuery({ queryKey: keys.histories, queryFn: api.histories, select: byZone, enabled, ...ON_OPEN });

export const useAudit = (query: AuditQuery) => useQuery({ queryKey: keys.audit(query), queryFn: () => api.audit(query) });

/** Resolution 16's targets with today's computed occupancy. */
export const useTargets = (enabled: boolean) => useQuery({ queryKey: keys.targets, queryFn: api.targets, enabled, ...ON_OPEN });

/**
 * The leaders' tour of the configured dataset. Once loaded it stays in the cache, so a
 * presentation already open in the room keeps working if the server goes away (the query is then
 * in error with the last tour still in `data`: the presentation says it is offline).
 */
export const useTour = (enabled: boolean) => useQuery({ queryKey: keys.tour, queryFn: api.tour, enabled, ...ON_OPEN });

/** The province page's published figures (read-only: never changed by an edit). */
export const useProvinceFacts = (enabled: boolean) => useQuery({ queryKey: keys.provinceFacts, queryFn: api.provinceFacts, enabled });

const PROVINCE: ProvinceIndicator[] = [];
/** A province indicator's yearly values, by key (e.g. "industry_value_added_growth_pct"), oldest first. */
export function useProvinceSeries(key: string | null): ProvinceIndicator[] {
  const { data } = useQuery({ queryKey: keys.yearly, queryFn: api.yearly, enabled: key !== null });
  return key ? (data?.province ?? PROVINCE).filter((p) => p.indicator === key) : PROVINCE;
}

export const useUsers = () => useQuery({ queryKey: keys.users, queryFn: async () => (await api.users()).users, refetchOnMount: 'always' });

/**
 * The planners' enquiry inbox. Enquiries arrive from investors at any time, so opening the inbox
 * (`fresh`) asks again; the header's count reads the same entry.
 */
export const useEnquiries = (enabled: boolean, fresh = false) =>
  useQuery({ queryKey: keys.enquiries, queryFn: async () => (await api.enquiries()).enquiries, enabled, refetchOnMount: fresh ? 'always' : true });
