/** Source and layer ids: the map controller, the tests and the layers refer to these names only. */
export const SOURCES = {
  context: 'context',
  /** The administrative boundaries as vector tiles (geodata/admin-tiles.ts). */
  admin: 'admin',
  zones: 'zones',
  zonePoints: 'zone-points',
  clusters: 'zone-clusters',
  plots: 'plots',
  /** The line being drawn to split a plot: temporary, never sent anywhere until the user confirms. */
  draft: 'draft',
  /** An uploaded file's features, checked but not yet imported: drawn over the map until committed or dropped. */
  importPreview: 'import-preview',
} as const;

export const LAYERS = {
  background: 'background',
  provinceFill: 'province-fill',
  provinceOutline: 'province-outline',
  lake: 'lake-fill',
  river: 'river-line',
  roads: 'roads-line',
  roadLabels: 'road-labels',
  zonesFill: 'zones-fill',
  zonesPreLeasing: 'zones-pre-leasing',
  zonesOutlineKcn: 'zones-outline-kcn',
  zonesOutlineCcn: 'zones-outline-ccn',
  zonesSelected: 'zones-selected',
  plotsFill: 'plots-fill',
  plotsSelected: 'plots-selected',
  draftLine: 'draft-line',
  draftVertices: 'draft-vertices',
  importFill: 'import-preview-fill',
  importLine: 'import-preview-line',
  importPoint: 'import-preview-point',
  importFocus: 'import-preview-focus',
  clusters: 'clusters-circle',
  clustersHatch: 'clusters-hatch',
  clusterLabels: 'clusters-label',
  zoneLabels: 'zone-labels',
} as const;

/** Layers a click or hover on a zone can hit. */
export const ZONE_HIT_LAYERS = [LAYERS.zonesFill, LAYERS.zonesPreLeasing];
export const HATCH_IMAGE = 'hatch';
/** A hatched disc drawn over the bubbles of planned or revoked zones. */
export const HATCH_BUBBLE_IMAGE = 'hatch-bubble';
export const LABEL_FONT = 'Noto Sans Regular';
/** Below this zoom zones are shown as cluster bubbles; above it as polygons only. */
export const CLUSTER_MAX_ZOOM = 11;
export const PLOTS_MIN_ZOOM = 14.5;
