/**
 * Colours of the map and its legend, defined once. Both thematic ramps are sequential and
 * colour-blind safe (viridis for occupancy, a single-hue orange ramp for progress), and every
 * class also carries a text label so colour is never the only cue.
 */
import type { PlotStatus } from '../../../geodata/vocabulary.ts';

export type Ramp = {
  /** Lower bounds of the classes, in %, ascending; the first is 0. */
  breaks: number[];
  colors: string[];
  /** Colour for a zone whose figure is unknown (null). */
  noData: string;
};

export const OCCUPANCY_RAMP: Ramp = {
  breaks: [0, 20, 40, 60, 80],
  colors: ['#440154', '#3b528b', '#21918c', '#5ec962', '#fde725'],
  noData: '#bdbdbd',
};

export const PROGRESS_RAMP: Ramp = {
  breaks: [0, 20, 40, 60, 80],
  colors: ['#feedde', '#fdbe85', '#fd8d3c', '#d94701', '#8c2d04'],
  noData: '#bdbdbd',
};

/** The ramp each colour mode paints with: the map, the legend and the timeline bar share it. */
export const MODE_RAMP = { occupancy: OCCUPANCY_RAMP, progress: PROGRESS_RAMP } as const;

/** The class colour of a value, as the map's step expression computes it. */
export function rampColor(ramp: Ramp, value: number | null): string {
  if (value === null) return ramp.noData;
  let color = ramp.colors[0]!;
  ramp.breaks.forEach((b, i) => {
    if (value >= b) color = ramp.colors[i]!;
  });
  return color;
}

/** Okabe–Ito colours: distinguishable with every common colour-vision deficiency. */
export const PLOT_STATUS_COLORS: Record<PlotStatus, string> = {
  leased: '#0072b2',
  reserved: '#cc79a7',
  available: '#009e73',
  not_developed: '#e0e0e0',
};

/** Plots that are never leased (roads, technical works, green space) are drawn by land use instead. */
export const NON_LEASABLE_COLORS: Record<'infrastructure' | 'green', string> = {
  infrastructure: '#bdbdbd',
  green: '#c7e9c0',
};

export const BASEMAP = {
  background: '#dfe3e6',
  province: '#f7f5ef',
  water: '#9cc9e6',
  road: '#d9822b',
  text: '#222222',
  halo: '#ffffff',
};

/** The administrative map (admin-layers.ts); the legend draws its swatches from these. */
export const ADMIN = {
  /** Land of every province, under the province of the atlas (BASEMAP.province). */
  land: '#ecebe5',
  provinceEdge: '#a39e93',
  commune: '#c4bdb0',
  /** The province since 1 July 2025: solid and dark. */
  province: '#4d4d4d',
  /** Former Bắc Kạn: dashed, in a hue apart from the zones' outlines and the roads. */
  former: '#b2182b',
  communeText: '#6b6358',
  provinceText: '#5a5a5a',
  sea: '#1f5f8b',
};

/** Zones with no leasable land yet (planned, revoked) are drawn pale with a dashed outline. */
export const PRE_LEASING_FILL = '#ffffff';
export const KCN_OUTLINE = '#111111';
export const CCN_OUTLINE = '#6a3d9a';
export const SELECTION_OUTLINE = '#e7298a';
/** The second plot picked for a merge: a colour apart from the selection's. */
export const CANDIDATE_OUTLINE = '#ff7f00';
/** The split line being drawn: dark, so it reads over every plot colour. */
export const DRAFT_LINE = '#111111';
/** An import preview: dark dashed outlines over a pale wash (zones, context), plots in their status colours. */
export const IMPORT_OUTLINE = '#111111';
export const IMPORT_WASH = '#ffffff';

/**
 * Find land. Plots matching the investor's search: Okabe–Ito yellow on a dark casing, which reads
 * over every plot colour and is not confused with the selection (magenta) or a merge candidate
 * (orange) under any common colour-vision deficiency; the list row under the pointer gets a wider
 * casing, so hover is told by width, not by hue.
 */
export const MATCH_OUTLINE = '#f0e442';
export const MATCH_CASING = '#1a1a1a';
/** Plots with open investor enquiries: Okabe–Ito vermillion, dashed (pattern as well as hue). */
export const ENQUIRY_OUTLINE = '#d55e00';
/** Measuring tools (distance, area, radius): Okabe–Ito sky blue over a dark casing. */
export const MEASURE_LINE = '#0072b2';
export const MEASURE_FILL = '#56b4e9';
