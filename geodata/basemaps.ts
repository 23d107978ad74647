/**
 * Online basemaps an operator offers beside the offline one: raster tile services, each with the
 * attribution and terms its provider requires. The server validates its configuration with this
 * schema at start and serves the list at GET /api/basemaps; the client offers them in the basemap
 * switch. The offline basemap is not in the list: it is always there and always the default.
 */
import { z } from 'zod';

/** The placeholders MapLibre fills in a raster tile URL: XYZ tiles, Bing-style quadkeys, or a WMS box. */
const XYZ = ['{z}', '{x}', '{y}'];
const QUADKEY = '{quadkey}';
const WMS_BOX = '{bbox-epsg-3857}';
const KNOWN_PLACEHOLDERS = new Set([...XYZ, QUADKEY, WMS_BOX, '{ratio}']);

const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http:// or https:// address' });

/**
 * The web origin (scheme, host, port) a tile URL template loads from: the Content-Security-Policy
 * allows exactly these. Null when the template's address part holds a placeholder.
 */
export function tileOrigin(template: string): string | null {
  const m = /^(https?):\/\/([^/?#]+)/.exec(template);
  if (!m || m[2]!.includes('{')) return null;
  try {
    return new URL(`${m[1]}://${m[2]}/`).origin;
  } catch {
    return null;
  }
}

const tileUrl = z
  .string()
  .max(500)
  .superRefine((url, ctx) => {
    if (!tileOrigin(url)) {
      ctx.addIssue({ code: 'custom', message: 'must start with http:// or https:// and a host without placeholders (one URL per subdomain, not {s})' });
      return;
    }
    const unknown = (url.match(/\{[^}]*\}/g) ?? []).filter((p) => !KNOWN_PLACEHOLDERS.has(p));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `unknown placeholder ${unknown.join(', ')} (use {z}, {x}, {y}, {quadkey} or {bbox-epsg-3857})` });
    else if (!XYZ.every((p) => url.includes(p)) && !url.includes(QUADKEY) && !url.includes(WMS_BOX)) {
      ctx.addIssue({ code: 'custom', message: 'must contain {z}, {x} and {y} (or {quadkey}, or {bbox-epsg-3857} for a WMS)' });
    }
  });

const label = z.string().trim().min(1).max(60);

export const basemapService = z
  .object({
    /** Stable id (lower case, digits, dashes): the switch and the tests name a service by it. */
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be 1–40 lower-case letters, digits or dashes'),
    /** The name in the switch, in both languages. */
    name: z.object({ vi: label, en: label }),
    /** What it shows; only a hint for the reader. */
    kind: z.enum(['street', 'satellite', 'other']),
    /** Tile URL templates (several for a provider's mirrors, tried in turn by MapLibre). */
    tiles: z.array(tileUrl).min(1).max(4),
    tileSize: z.union([z.literal(256), z.literal(512)]).default(256),
    minzoom: z.int().min(0).max(24).default(0),
    maxzoom: z.int().min(0).max(24).default(19),
    /** The credit the provider asks for, as plain text (shown in the map's attribution). */
    attribution: z.string().trim().min(1).max(300),
    /** Where the credit links to (the provider's copyright page); termsUrl if absent. */
    attributionUrl: httpUrl.optional(),
    /** The provider's terms or tile usage policy, linked from the switch. */
    termsUrl: httpUrl,
  })
  .strict()
  .refine((s) => s.minzoom <= s.maxzoom, { path: ['minzoom'], message: 'must not be above maxzoom' });

export type BasemapService = z.output<typeof basemapService>;

/** The configuration file: a list of services, ids unique. An empty list offers the offline map only. */
export const basemapList = z
  .array(basemapService)
  .max(12)
  .superRefine((list, ctx) => {
    const seen = new Set<string>();
    list.forEach((s, i) => {
      if (seen.has(s.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${s.id}" is used twice` });
      seen.add(s.id);
    });
  });

/** GET /api/basemaps */
export const basemapsResponse = z.object({ services: basemapList });
export type BasemapsResponse = z.infer<typeof basemapsResponse>;

/**
 * The services offered when the operator configures none: OpenStreetMap's standard tiles and Esri
 * World Imagery, with the credit and terms each provider asks for. Both are used under their
 * providers' terms (OSM's tile usage policy: light, interactive use with attribution; Esri: with
 * its attribution); an operator with heavier use or a contract of their own replaces them.
 */
export const DEFAULT_BASEMAPS: BasemapService[] = [
  {
    id: 'osm',
    name: { vi: 'Bản đồ đường phố (OpenStreetMap)', en: 'Street map (OpenStreetMap)' },
    kind: 'street',
    tiles: ['https://tile.openstreetmap.org/{z}/{x}/{y}.png'],
    tileSize: 256,
    minzoom: 0,
    maxzoom: 19,
    attribution: '© OpenStreetMap contributors',
    attributionUrl: 'https://www.openstreetmap.org/copyright',
    termsUrl: 'https://operations.osmfoundation.org/policies/tiles/',
  },
  {
    id: 'esri-imagery',
    name: { vi: 'Ảnh vệ tinh (Esri World Imagery)', en: 'Satellite imagery (Esri World Imagery)' },
    kind: 'satellite',
    tiles: ['https://server.arcgisonline.com/ArcGIS/rest/services/World_Imagery/MapServer/tile/{z}/{y}/{x}'],
    tileSize: 256,
    minzoom: 0,
    maxzoom: 19,
    attribution: 'Powered by Esri · Source: Esri, Maxar, Earthstar Geographics, and the GIS User Community',
    attributionUrl: 'https://www.esri.com/en-us/legal/terms/data-attributions',
    termsUrl: 'https://www.esri.com/en-us/legal/terms/full-master-agreement',
  },
];
