/**
 * What a plot's land use allows and what an edit may leave behind. The server applies these to
 * every edit and import; the edit form applies the same functions before sending, so the form
 * refuses exactly what the server would refuse. They return reason codes (reasons.ts).
 */
import { LEASABLE_LAND_USES, PLOT_STATUSES, type LandUse, type PlotStatus } from '../vocabulary.ts';
import type { FieldReason } from './reasons.ts';

/** Statuses in which someone holds the plot: only these carry a tenant and lease dates. */
export const HELD_STATUSES: readonly PlotStatus[] = ['leased', 'reserved'];
export const isHeld = (status: PlotStatus) => HELD_STATUSES.includes(status);

/**
 * Roads, technical infrastructure and green space are never leased or offered (Decree 35/2022
 * counts only industrial and service land); they may be reserved (built and kept for the zone)
 * or not developed yet.
 */
const NEVER_FOR_NON_LEASABLE: readonly PlotStatus[] = ['leased', 'available'];

export function landUseAllows(landUse: LandUse, status: PlotStatus): boolean {
  return LEASABLE_LAND_USES.includes(landUse) || !NEVER_FOR_NON_LEASABLE.includes(status);
}

/** The statuses a plot of this land use may have, in the vocabulary's order. */
export const statusesAllowed = (landUse: LandUse): PlotStatus[] => PLOT_STATUSES.filter((s) => landUseAllows(landUse, s));

/** The parts of a plot the rules look at. */
export type PlotRuleView = { landUse: LandUse; status: PlotStatus; tenant: string | null; leaseStart?: string | null; leaseEnd?: string | null };

/**
 * The problems of a plot as an edit leaves it (`next`, the whole record after the edit), knowing
 * which fields the edit itself sends (`sent`). A new lease must name its tenant; a lease recorded
 * before without one (some sources do not name the tenant) is left alone by edits that touch
 * neither the status nor the tenant.
 */
export function plotEditProblems(
  next: PlotRuleView,
  sent: { status?: PlotStatus | undefined; tenant?: string | null | undefined; leaseStart?: string | null | undefined },
): FieldReason[] {
  const out: FieldReason[] = [];
  if (!landUseAllows(next.landUse, next.status)) {
    out.push({ field: 'status', reason: { code: 'landUseStatus', params: { landUse: next.landUse, status: next.status } } });
  }
  const touchesLease = sent.status === 'leased' || sent.tenant !== undefined;
  if (next.status === 'leased' && !next.tenant && touchesLease) out.push({ field: 'tenant', reason: { code: 'tenantRequired' } });
  // The whole record, not only the fields sent: two edits could otherwise leave a lease ending before it starts.
  if (next.leaseStart && next.leaseEnd && next.leaseEnd < next.leaseStart) {
    out.push({ field: sent.leaseStart !== undefined ? 'leaseStart' : 'leaseEnd', reason: { code: 'leaseOrder' } });
  }
  return out;
}

/** The terms of a plot a merge would have to choose between: the merged plot can carry one of each. */
export const MERGE_TERMS = ['tenant', 'priceVndM2Year', 'leaseStart', 'leaseEnd'] as const;
type MergeView = PlotRuleView & { zoneId: string; priceVndM2Year?: { value: number | null } };

/**
 * Plots merge only within one zone, with the same land use and status, and the same terms: a
 * merge that kept the first plot's price, lease dates or tenant silently dropped the others', so
 * plots whose terms differ are refused, naming the fields (edit them to agree first).
 */
export function mergeProblem(plots: readonly MergeView[]): FieldReason | null {
  const first = plots[0];
  if (!first) return null;
  if (plots.some((p) => p.zoneId !== first.zoneId)) return { field: 'ids', reason: { code: 'differentZones' } };
  if (plots.some((p) => p.landUse !== first.landUse || p.status !== first.status)) return { field: 'ids', reason: { code: 'mergeSame' } };
  const term = (p: MergeView, k: (typeof MERGE_TERMS)[number]) => (k === 'priceVndM2Year' ? (p.priceVndM2Year?.value ?? null) : (p[k] ?? null));
  const differ = MERGE_TERMS.filter((k) => plots.some((p) => term(p, k) !== term(first, k)));
  if (differ.length) return { field: 'ids', reason: { code: 'mergeTerms', params: { fields: differ.join(', ') } } };
  return null;
}
