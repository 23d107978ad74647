/**
 * What the leaders' views read: Resolution 16's targets, the tour, every zone's dated history,
 * and the province's yearly indicators.
 *
 * The yearly province series (yearly.json "province") is not served by the API yet, so it is
 * bundled from the geodata folder (a few kB); the targets name the series they follow by key.
 */
import { useEffect, useState } from 'react';
import type { HistoryPoint, ZoneApiFeature } from '../../../geodata/api.ts';
import type { ProvinceIndicator, YearlyFile } from '../../../geodata/schema.ts';
import type { Tour } from '../../../geodata/targets.ts';
import bundledTour from '../../../geodata/bac-kan/tour.json';
import bundledYearly from '../../../geodata/bac-kan/yearly.json';
import { api, type TargetsResponse } from '../../api.ts';

export const PROVINCE_SERIES: ProvinceIndicator[] = (bundledYearly as YearlyFile).province;

/** A province indicator's yearly values, by key (e.g. "industry_value_added_growth_pct"). */
export const provinceSeries = (key: string | null) => (key ? PROVINCE_SERIES.filter((p) => p.indicator === key).sort((a, b) => a.year - b.year) : []);

export function useTargets(open: boolean, version: number) {
  const [targets, setTargets] = useState<TargetsResponse | null>(null);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.targets().then(
      (t) => live && setTargets(t),
      (e: unknown) => live && setError(e),
    );
    return () => {
      live = false;
    };
  }, [open, version]);
  return { targets, error };
}

/**
 * The tour from the server; if it cannot be reached the bundled tour, so a presentation already
 * open in the room keeps working without a network.
 */
export function useTour(open: boolean) {
  const [tour, setTour] = useState<Tour | null>(null);
  const [offline, setOffline] = useState(false);
  useEffect(() => {
    if (!open) return;
    let live = true;
    api.tour().then(
      (t) => {
        if (!live) return;
        setTour(t);
        setOffline(false);
      },
      () => {
        if (!live) return;
        setTour((t) => t ?? (bundledTour as Tour));
        setOffline(true);
      },
    );
    return () => {
      live = false;
    };
  }, [open]);
  return { tour, setTour, offline };
}

/** GET /api/zones/:id/history for every zone, refetched after edits (version). */
export function useHistories(zones: ZoneApiFeature[] | null, open: boolean, version: number) {
  const [histories, setHistories] = useState<Map<string, HistoryPoint[]> | null>(null);
  const ids = (zones ?? []).map((z) => z.id).join(',');
  useEffect(() => {
    if (!open || !zones) return;
    let live = true;
    Promise.all(zones.map((z) => api.zoneHistory(z.id).then((h) => [z.id, h.points] as const, () => [z.id, [] as HistoryPoint[]] as const))).then((pairs) => {
      if (live) setHistories(new Map(pairs));
    });
    return () => {
      live = false;
    };
  }, [ids, open, version]);
  return histories;
}
