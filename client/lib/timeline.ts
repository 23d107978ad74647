/**
 * The leaders' timeline, as pure functions: which dates the slider stops at, and what each zone
 * looked like at a date. A zone's state at D is its last history point dated on or before D; a
 * figure that point leaves null stays null ("no data"), never 0. No map and no React here.
 */
import type { HistoryPoint, ZoneApiFeature } from '../../geodata/api.ts';
import { classifyFigure } from '../../geodata/confidence.ts';
import { aggregateOccupancy, type OccupancyAggregate, type OccupancyBasis } from '../../geodata/metrics.ts';
import { zoneStatusAllowsLeasing } from '../../geodata/rules/zone-rules.ts';
import { ZONE_STATUSES, type ZoneStatus } from '../../geodata/vocabulary.ts';
import { localToday } from '../i18n/dates.ts';

/** The resolution was adopted in August 2021: the slider starts at the end of that year. */
export const TIMELINE_START_YEAR = 2021;

export type TimelineStep = {
  /** Last day the step covers, YYYY-MM-DD; for "today" the current date. */
  date: string;
  kind: 'year' | 'quarter' | 'today';
  year: number;
  /** 1–4 for a quarter step. */
  quarter?: number;
};

export type ZoneState = {
  occupancyPct: number | null;
  /** What occupancyPct is a share of; null when unknown or not stated. */
  occupancyBasis: OccupancyBasis | null;
  progressPct: number | null;
  status: ZoneStatus | null;
  /** Date of the history point the state comes from; null when none is on or before the date. */
  from: string | null;
  sourceId: string | null;
};

export const NO_STATE: ZoneState = { occupancyPct: null, occupancyBasis: null, progressPct: null, status: null, from: null, sourceId: null };

const quarterOf = (isoDate: string) => Math.floor((Number(isoDate.slice(5, 7)) - 1) / 3) + 1;
const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'];

/**
 * The slider's stops: the end of each year from 2021 up to last year, the end of every quarter of
 * the current year (or of a past year) in which an edit was recorded, and today. `editDates` are
 * the timestamps of edits (history points of origin "edit").
 */
export function timelineSteps(today: Date, editDates: string[] = []): TimelineStep[] {
  // The reader's calendar day: in Vietnam, 1 January starts at 17:00 UTC on 31 December.
  const todayIso = localToday(today);
  const thisYear = Number(todayIso.slice(0, 4));
  const steps = new Map<string, TimelineStep>();
  for (let y = TIMELINE_START_YEAR; y < thisYear; y++) steps.set(`${y}-12-31`, { date: `${y}-12-31`, kind: 'year', year: y });
  for (const at of editDates) {
    const day = at.slice(0, 10);
    if (day.length < 10 || day > todayIso) continue;
    const year = Number(day.slice(0, 4));
    if (year < TIMELINE_START_YEAR) continue;
    const q = quarterOf(day);
    const end = `${year}-${QUARTER_END[q - 1]}`;
    // The quarter that holds today is today's step; a year's last quarter is its year step.
    if (end >= todayIso || q === 4) continue;
    steps.set(end, { date: end, kind: 'quarter', year, quarter: q });
  }
  steps.set(todayIso, { date: todayIso, kind: 'today', year: thisYear });
  return [...steps.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** The step nearest to the end of a given year (the comparison's "2021"). */
export function stepIndexForYear(steps: TimelineStep[], year: number): number {
  const i = steps.findIndex((s) => s.year === year && s.kind !== 'quarter');
  return Math.max(i, 0);
}

/** Compares a history point's date ("2024", "2024-12-31" or a timestamp) with the end of a day. */
const onOrBefore = (pointDate: string, day: string) => pointDate <= `${day}T23:59:59.999Z`;

const asStatus = (s: string | null): ZoneStatus | null => ((ZONE_STATUSES as readonly string[]).includes(s ?? '') ? (s as ZoneStatus) : null);

/** The last point on or before `day`; NO_STATE when there is none. Points need not be sorted. */
export function stateAt(points: readonly HistoryPoint[], day: string): ZoneState {
  let best: HistoryPoint | null = null;
  for (const p of points) {
    if (!onOrBefore(p.date, day)) continue;
    if (!best || p.date >= best.date) best = p;
  }
  if (!best) return NO_STATE;
  return { occupancyPct: best.occupancyPct, occupancyBasis: best.occupancyBasis, progressPct: best.infraProgressPct, status: asStatus(best.status), from: best.date, sourceId: best.sourceId };
}

/** Today's state: the live figures the map shows (computed from plots and sourced items). */
export function liveState(zone: ZoneApiFeature): ZoneState {
  const p = zone.properties;
  return { occupancyPct: p.occupancy.valuePct, occupancyBasis: p.occupancy.basis, progressPct: p.progress.progressPct, status: p.status, from: null, sourceId: null };
}

/** Every zone's state at a step: the live figures for "today", else the history. */
export function statesAt(
  zones: readonly ZoneApiFeature[],
  histories: ReadonlyMap<string, readonly HistoryPoint[]>,
  step: TimelineStep,
): Map<string, ZoneState> {
  const out = new Map<string, ZoneState>();
  for (const z of zones) out.set(z.id, step.kind === 'today' ? liveState(z) : stateAt(histories.get(z.id) ?? [], step.date));
  return out;
}

/** Planned and revoked zones have no leasable land: the map hatches them at that date too. */
export const isPreLeasing = (s: ZoneState) => s.status !== null && !zoneStatusAllowsLeasing(s.status);

/** Dates of all edits in the histories, for the quarter steps. */
export function editDates(histories: ReadonlyMap<string, readonly HistoryPoint[]>): string[] {
  const out: string[] = [];
  for (const points of histories.values()) for (const p of points) if (p.origin === 'edit') out.push(p.date);
  return out;
}

/**
 * The province's KCN and CCN occupancy at a timeline date, by the same rule as today's headline
 * (aggregateOccupancy): each zone counts with its figure at that date, its basis and date; a zone
 * planned or revoked then is left out; a zone with no figure then keeps the group at "no data".
 */
export function occupancyAt(
  zones: readonly ZoneApiFeature[],
  states: ReadonlyMap<string, ZoneState>,
  /** The timeline's date (YYYY-MM-DD): the reference a past figure's age is judged against. */
  day: string,
): Record<'KCN' | 'CCN', OccupancyAggregate> {
  const group = (kind: 'KCN' | 'CCN') =>
    aggregateOccupancy(
      zones
        .filter((z) => z.properties.kind === kind)
        .map((z) => {
          const s = states.get(z.id) ?? NO_STATE;
          // Before its first record a zone did not exist yet as a place to lease: it is left out, like a planned one.
          const notLeasable = s.status === null ? s.from === null : !zoneStatusAllowsLeasing(s.status);
          const known = s.occupancyPct !== null;
          return {
            // A past figure is classed as of the timeline's date: a 2015 figure shown for 2022 is old then too.
            confidence: classifyFigure({ hasValue: known, asOf: known ? s.from : null }, day).code,
            id: z.id,
            name: z.properties.name,
            totalAreaHa: z.properties.totalAreaHa.value,
            occupancy: {
              valuePct: s.occupancyPct,
              basis: known ? s.occupancyBasis : null,
              origin: known ? ('source' as const) : null,
              asOf: known ? s.from : null,
              sourceId: s.sourceId,
              editedBy: null,
              leasedHa: null,
              baseHa: null,
              gap: known ? null : notLeasable ? ('not_leasable' as const) : ('no_source' as const),
            },
          };
        }),
    );
  return { KCN: group('KCN'), CCN: group('CCN') };
}
