/**
 * Dated series drawn as lines (occupancy or progress over time). A line may join two points only
 * when both are known and measured on the same basis: 100 % of developed land followed by 74.5 %
 * of all leasable land is not a fall of 25 points but two different measures. Charts call
 * `splitByBasis` and draw each run as its own line, labelled by its basis.
 */

/** How a point's figure is measured; `unstated` when its source does not say (never joined to a stated basis). */
export type SeriesBasis = string;

export type BasisRun<T> = { basis: SeriesBasis; points: T[] };

/**
 * Splits a series (in the order given, oldest first) into runs of consecutive known values that
 * share one basis. An unknown value (null) ends a run, so does a change of basis; a run may hold a
 * single point (drawn as a dot, not a line).
 */
export function splitByBasis<T>(points: readonly T[], value: (p: T) => number | null, basis: (p: T) => SeriesBasis | null): BasisRun<T>[] {
  const out: BasisRun<T>[] = [];
  let run: BasisRun<T> | null = null;
  for (const p of points) {
    if (value(p) === null) {
      run = null;
      continue;
    }
    const b = basis(p) ?? 'unstated';
    if (!run || run.basis !== b) {
      run = { basis: b, points: [] };
      out.push(run);
    }
    run.points.push(p);
  }
  return out;
}

/** The bases a set of runs uses, in order of first appearance (for a chart's legend). */
export function basesOf(runs: readonly BasisRun<unknown>[]): SeriesBasis[] {
  return [...new Set(runs.map((r) => r.basis))];
}
