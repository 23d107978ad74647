/**
 * How sure a displayed figure is, decided here and nowhere else: the map's marks, the panels,
 * find-land, compare, brochure, presentation mode, the PNG/PDF exports and the OGC columns all
 * read the class this module gives, never the provenance directly.
 *
 * Classes, strongest caveat first (a figure gets the first that applies):
 * - `none`: no figure;
 * - `schematic`: estimated from schematic geometry (a plot layout drawn without a plan);
 * - `partial`: rests on less than half (PARTIAL_BELOW_COVERAGE) of what it measures, e.g. a
 *   progress whose known items carry 20 % of the weight;
 * - `old`: dated more than OLD_AFTER_YEARS calendar years before the data's reference date, or
 *   undated;
 * - `sourced`: sourced and dated recently enough.
 *
 * The reference date is the data's own (the publication date of the newest source it cites), never
 * the wall clock: the same data classify the same way on any day, so a test, an export and a
 * screenshot agree. The code and its parameters (year, coverage) become words in the interface's
 * message table (client/i18n/messages/confidence.ts), in Vietnamese and English.
 */
import type { LayoutProvenance, ProgressSummary, ZoneOccupancy } from './metrics.ts';

export const CONFIDENCE_CODES = ['sourced', 'schematic', 'partial', 'old', 'none'] as const;
export type ConfidenceCode = (typeof CONFIDENCE_CODES)[number];

/** A figure's class with what its message needs: the figure's year and the coverage it rests on (%). */
export type Confidence = { code: ConfidenceCode; year: number | null; coveragePct: number | null };

/**
 * A figure is old when its year is more than 3 calendar years before the reference year (2021 or
 * earlier against data of 2025). Three years is the span of Resolution 16's own review (2021 → its
 * three-year review) and of a provincial plan revision: a figure older than that predates the last
 * decisions taken on it. Years, not days: sources often give only a year.
 */
export const OLD_AFTER_YEARS = 3;
/** A figure resting on less than half of the weight (or area) it measures is partial; exactly half is not. */
export const PARTIAL_BELOW_COVERAGE = 0.5;

export type Provenance = {
  /** Whether there is a figure at all. */
  hasValue: boolean;
  /** The date the figure describes: YYYY, YYYY-MM, YYYY-MM-DD or an instant. */
  asOf: string | null;
  /** Estimated from schematic geometry. */
  schematic?: boolean;
  /** Share (0–1) of the weight or area the figure rests on, when it is a combination of parts. */
  coverage?: number | null;
};

const yearOf = (date: string | null): number | null => {
  const y = date ? Number(date.slice(0, 4)) : Number.NaN;
  return Number.isInteger(y) ? y : null;
};

/** The data's reference date: the latest of the dates given (the sources' publication dates). */
export function referenceDateOf(dates: Iterable<string | null | undefined>): string | null {
  let latest: string | null = null;
  for (const d of dates) if (d && (latest === null || d > latest)) latest = d;
  return latest;
}

/** A class with no year or coverage to tell (a plot's status). */
export const confidenceOf = (code: ConfidenceCode): Confidence => ({ code, year: null, coveragePct: null });

/** The one classification. */
export function classifyFigure(p: Provenance, referenceDate: string | null): Confidence {
  const year = yearOf(p.asOf);
  const coveragePct = p.coverage === null || p.coverage === undefined ? null : Math.round(p.coverage * 100);
  const of = (code: ConfidenceCode): Confidence => ({ code, year, coveragePct });
  if (!p.hasValue) return of('none');
  if (p.schematic) return of('schematic');
  if (p.coverage !== null && p.coverage !== undefined && p.coverage < PARTIAL_BELOW_COVERAGE) return of('partial');
  const refYear = yearOf(referenceDate);
  if (year === null || (refYear !== null && refYear - year > OLD_AFTER_YEARS)) return of('old');
  return of('sourced');
}

/**
 * A zone's displayed occupancy (zoneOccupancy). A figure computed from plots a planner changed on a
 * schematic layout rests on invented hectares: schematic, though its statuses are vouched for.
 */
export function occupancyConfidence(o: Pick<ZoneOccupancy, 'valuePct' | 'asOf' | 'origin'>, layout: LayoutProvenance, referenceDate: string | null): Confidence {
  return classifyFigure({ hasValue: o.valuePct !== null, asOf: o.asOf, schematic: o.origin === 'edit' && layout === 'schematic' }, referenceDate);
}

/** A zone's infrastructure progress (summarizeProgress): partial below half the weight. */
export function progressConfidence(p: ProgressSummary, referenceDate: string | null): Confidence {
  return classifyFigure({ hasValue: p.progressPct !== null, asOf: p.asOf, coverage: p.coverage }, referenceDate);
}

/** A zone's plot layout: schematic when drawn without a plan (its plots' shapes, areas and statuses are illustrative). */
export function layoutConfidence(layout: LayoutProvenance): Confidence {
  return { code: layout === 'none' ? 'none' : layout, year: null, coveragePct: null };
}

/**
 * A plot's status, e.g. "available": on a schematic layout the plot's shape, area and status are
 * illustrative (no survey says this piece of land is free), so it is offered as schematic.
 */
export function plotStatusConfidence(p: { schematic: boolean; asOf?: string | null }, referenceDate: string | null): Confidence {
  if (p.schematic) return { code: 'schematic', year: yearOf(p.asOf ?? null), coveragePct: null };
  return classifyFigure({ hasValue: true, asOf: p.asOf ?? referenceDate }, referenceDate);
}


/** How much of a total rests on figures of one class: how many zones, and their area (ha). */
export type ConfidenceShare = { code: Exclude<ConfidenceCode, 'none'>; zones: number; ha: number };
/** A total's class, and its parts by class (strongest caveat first). */
export type TotalConfidence = Confidence & { shares: ConfidenceShare[] };

/** Strongest caveat first, the order classifyFigure applies them in. */
const CAVEATS_FIRST = ['schematic', 'partial', 'old', 'sourced'] as const;

/**
 * A total over several zones (the province's KCN or CCN occupancy) is as sure as its weakest part:
 * one schematic figure among sourced ones makes the total approximate, and an old one dates it
 * (the oldest year). The shares say how much of it rests on each class, so the reader sees whether
 * the caveat concerns 1 ha or most of the land. No total figure: class `none`, shares all the same.
 */
export function totalConfidence(parts: readonly { confidence: ConfidenceCode; asOf: string | null; totalAreaHa: number | null }[], hasValue: boolean): TotalConfidence {
  const shares: ConfidenceShare[] = CAVEATS_FIRST.flatMap((code) => {
    const of = parts.filter((p) => p.confidence === code);
    return of.length ? [{ code, zones: of.length, ha: Math.round(of.reduce((s, p) => s + (p.totalAreaHa ?? 0), 0) * 100) / 100 }] : [];
  });
  const weakest = shares[0]?.code;
  if (!hasValue || !weakest) return { code: 'none', year: null, coveragePct: null, shares };
  const years = parts.filter((p) => p.confidence === weakest).map((p) => yearOf(p.asOf));
  const year = weakest === 'old' ? (years.includes(null) ? null : Math.min(...(years as number[]))) : null;
  return { code: weakest, year, coveragePct: null, shares };
}
