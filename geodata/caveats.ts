/**
 * Caveats as data: every "but" a figure or a record carries is a code with typed parameters,
 * derived here from the data's structured fields (basis, asOf, accuracy, gap, statedAs,
 * sectorsBasis, siteLocated, the layout source's `schematic` flag…), and rendered in the reader's
 * language from the one table in caveat-messages.ts. Free-text research notes play no part: they
 * never reach users (user-facing.ts). The client's panels, and any export that states caveats,
 * call these functions rather than deciding for themselves.
 */
import { classifyFigure } from './confidence.ts';
import type { Figure, Infrastructure, PlotProperties, Source, ZoneProperties } from './schema.ts';
import type { FigureGap, Label, SourceCaveat } from './vocabulary.ts';

/** Each caveat code and the parameters its message names. */
export type CaveatParams = {
  /** The figure's basis: leased ÷ developed land only. */
  basisDeveloped: undefined;
  /** leased ÷ all leasable land. */
  basisIndustrial: undefined;
  /** Computed from the plots of a layout (sourced plot by plot, or edited by a planner). */
  basisPlots: undefined;
  /** The figure is old: confidence.ts classifies it `old` (OLD_AFTER_YEARS before the data's reference date). */
  figureAge: { year: number };
  /** A weighted figure rests on part of its weight only. */
  coverage: { pct: number };
  /** The plots are a schematic layout: shapes, positions, areas and which are ready illustrative. */
  schematicLayout: undefined;
  /** The outline is a sketch, not a survey. */
  approximateGeometry: undefined;
  /** No source locates the site: the outline stands somewhere in its former district. */
  siteNotLocated: undefined;
  /** How far the real site may lie from the outline, placed in a commune or near a point no source makes more precise. */
  placementUncertainty: { km: number };
  /** No source gives the area: the outline is a marker of fixed size, not the zone's extent. */
  outlineNotSized: undefined;
  /** How a cited source was read (vocabulary.ts SOURCE_CAVEATS). */
  sourceMachineTranslation: undefined;
  sourcePropertyAgency: undefined;
  sourceThirdPartyTable: undefined;
  sourceTitleOnly: undefined;
  /** The new commune is read from where the outline lies, not stated by a source. */
  addressFromGeometry: undefined;
  /** Unknown, with the reason the data gives. */
  gapNotFound: undefined;
  gapNotReported: undefined;
  gapNoNumber: undefined;
  /** The source gives a status, not a percentage: never turned into one. */
  stateNotPercent: undefined;
  /** The source's own words for a figure that is not the quantity shown. */
  statedAs: { words: Label };
  /** The sectors are those sought for the zone, not its tenants'. */
  sectorsSought: undefined;
  /** The sources count more tenants or projects than they name. */
  tenantsNamed: { named: number; total: number };
};
export type CaveatCode = keyof CaveatParams;
export type Caveat = {
  [C in CaveatCode]: CaveatParams[C] extends undefined ? { code: C } : { code: C; params: CaveatParams[C] };
}[CaveatCode];

/**
 * The age caveat of a dated figure: when confidence.ts (the one classification) calls it old
 * against the data's reference date (the newest source's date, referenceDateOf).
 */
export function ageCaveat(asOf: string | null | undefined, referenceDate: string | null): Caveat[] {
  if (!asOf) return [];
  const c = classifyFigure({ hasValue: true, asOf }, referenceDate);
  return c.code === 'old' && c.year !== null ? [{ code: 'figureAge', params: { year: c.year } }] : [];
}

const GAP_CAVEATS: Record<FigureGap, Caveat> = {
  not_found: { code: 'gapNotFound' },
  not_reported: { code: 'gapNotReported' },
  no_number: { code: 'gapNoNumber' },
};

/** A sourced figure (area, price, tenant count…): why it is unknown, or how old it is. */
export function figureCaveats(f: Figure, referenceDate: string | null): Caveat[] {
  if (f.value === null) return f.gap ? [GAP_CAVEATS[f.gap]] : [];
  return ageCaveat(f.asOf, referenceDate);
}

/** One infrastructure item: a status instead of a percentage, the source's words, why unknown, how old. */
export function infraItemCaveats(it: Infrastructure, referenceDate: string | null): Caveat[] {
  const out: Caveat[] = [];
  if (it.progressPct === null && it.state) out.push({ code: 'stateNotPercent' });
  if (it.statedAs) out.push({ code: 'statedAs', params: { words: it.statedAs } });
  if (it.progressPct === null && !it.state && it.gap) out.push(GAP_CAVEATS[it.gap]);
  if (it.progressPct !== null || it.state) out.push(...ageCaveat(it.asOf, referenceDate));
  return out;
}

/** A zone's overall infrastructure progress (the API's `progress`): the share of weight it rests on, and its age. */
export function progressCaveats(
  p: { progressPct: number | null; coverage: number; asOf: string | null },
  referenceDate: string | null,
): Caveat[] {
  if (p.progressPct === null) return [];
  const out: Caveat[] = [];
  if (p.coverage < 1) out.push({ code: 'coverage', params: { pct: Math.round(p.coverage * 100) } });
  out.push(...ageCaveat(p.asOf, referenceDate));
  return out;
}

type Context = {
  /** Whether the zone's (or plot's) layout source is schematic (sources.json `schematic`). */
  schematicLayout: boolean;
};

/** Caveats about a zone as a whole: where its outline stands and what its layout is. */
export function zoneCaveats(p: ZoneProperties, ctx: Context): Caveat[] {
  const out: Caveat[] = [];
  if (p.siteLocated === false) out.push({ code: 'siteNotLocated' });
  else if (p.accuracy === 'approximate') out.push({ code: 'approximateGeometry' });
  if (p.placementUncertaintyKm !== undefined) out.push({ code: 'placementUncertainty', params: { km: p.placementUncertaintyKm } });
  if (p.accuracy === 'approximate' && p.totalAreaHa.value === null) out.push({ code: 'outlineNotSized' });
  if (p.hasLayout && ctx.schematicLayout) out.push({ code: 'schematicLayout' });
  return out;
}

/** The new address: read from the geometry (communeBasis), or unknown. */
export function addressCaveats(p: ZoneProperties): Caveat[] {
  if (p.communeBasis === 'geometry' && p.communeName) return [{ code: 'addressFromGeometry' }];
  return p.addressNew.commune === null && !p.communeName ? [{ code: 'gapNotFound' }] : [];
}

/** The tenants and sectors: counted but unnamed tenants, sectors sought rather than held. */
export function tenantCaveats(p: ZoneProperties): Caveat[] {
  const out: Caveat[] = [];
  const total = p.tenantCount?.value ?? null;
  if (total !== null && total > p.tenants.length)
    out.push({ code: 'tenantsNamed', params: { named: p.tenants.length, total } });
  if (p.sectorsBasis === 'sought' && p.sectors.length > 0) out.push({ code: 'sectorsSought' });
  return out;
}

/** Caveats about a plot: its drawing and layout. */
export function plotCaveats(p: PlotProperties, ctx: Context): Caveat[] {
  const out: Caveat[] = [];
  if (ctx.schematicLayout) out.push({ code: 'schematicLayout' });
  else if (p.accuracy === 'approximate') out.push({ code: 'approximateGeometry' });
  return out;
}

const SOURCE_CAVEATS: Record<SourceCaveat, Caveat> = {
  machine_translation: { code: 'sourceMachineTranslation' },
  property_agency: { code: 'sourcePropertyAgency' },
  third_party_table: { code: 'sourceThirdPartyTable' },
  title_only: { code: 'sourceTitleOnly' },
};

/** How a source was read, where that weakens what it says: shown beside the source and any figure citing it. */
export function sourceCaveats(s: Pick<Source, 'readAs'>): Caveat[] {
  return (s.readAs ?? []).map((r) => SOURCE_CAVEATS[r]);
}
