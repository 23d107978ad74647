/**
 * The bundled tour's figures at seed. A tour a planner saves keeps, with each stop, the figures it
 * described (`figuresAtSave`), so the tour editor can show which stops an edit has changed since.
 * The bundled tour (the dataset's tour.json) was never saved, so the seed stores the figures its
 * stops describe in the freshly seeded data, computed as the client computes them
 * (geodata/tour-figures.ts) from the same answers the API gives; GET /api/tour hands them out with
 * the bundled tour. A database seeded before this existed has none: the editor says the tour was
 * never saved, as before.
 */
import type { Stats } from '../../geodata/api.ts';
import { resolutionStats, resolutionZones } from '../../geodata/regions.ts';
import { stopFigures } from '../../geodata/tour-figures.ts';
import type { StopFigures, Tour } from '../../geodata/tour.ts';
import type { Queryable } from '../db/database.ts';
import { findPlots } from './plots-repo.ts';
import { provinceStats } from './stats.ts';
import { listZones } from './zones-repo.ts';

const META_KEY = 'tour_figures_at_seed';
type SeedFigures = { target: string; figures: StopFigures }[];

/** Stores the figures each stop of the bundled tour describes now (at seed). */
export async function storeTourFiguresAtSeed(db: Queryable, tour: Tour): Promise<void> {
  const [zones, stats, leased] = await Promise.all([listZones(db), provinceStats(db) as Promise<Stats>, findPlots(db, { statuses: ['leased'] })]);
  // The tour is Resolution 16's: the client reads its figures from former Bắc Kạn's zones and totals, and so does the seed.
  const data = { zones: resolutionZones(zones), stats: resolutionStats(stats), plots: { type: 'FeatureCollection' as const, features: leased } };
  const value: SeedFigures = tour.stops.map((s) => ({ target: s.target, figures: stopFigures(s, data) }));
  await db.query('INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value', [META_KEY, JSON.stringify(value)]);
}

/** The bundled tour with the figures stored at seed, stop by stop; a stop whose target no longer matches gets none. */
export async function withFiguresAtSeed(db: Queryable, tour: Tour): Promise<Tour> {
  const [row] = await db.query<{ value: SeedFigures }>('SELECT value FROM meta WHERE key = $1', [META_KEY]);
  const seeded = row?.value;
  if (!Array.isArray(seeded)) return tour;
  return { ...tour, stops: tour.stops.map((s, i) => (s.figuresAtSave || seeded[i]?.target !== s.target ? s : { ...s, figuresAtSave: seeded[i]!.figures })) };
}
