import { LANGS, type Lang } from '../i18n/strings.ts';
import { isRegion, type Region } from '../../geodata/regions.ts';
import { filtersFromParams, filtersToParams, NO_FILTERS, type LandFilters } from './land-search.ts';

export const COLOUR_MODES = ['occupancy', 'progress'] as const;
export type ColourMode = (typeof COLOUR_MODES)[number];

export type View = { zoom: number; lat: number; lon: number };
/** Everything a shared link restores: camera, selection, colouring and language. */
export type HashState = {
  view: View | null;
  zone: string | null;
  mode: ColourMode;
  lang: Lang;
  /** The "find land" panel is open (find=1); absent means closed. */
  find?: boolean;
  /** Its filters (the f.* parameters); in the link only while the panel is open. */
  filters?: LandFilters;
  /** The former province shown (region=bac-kan|thai-nguyen); absent: the whole province, the default. */
  region?: Region;
  /** A printable brochure ("plot:ID" or "zone:ID") shown instead of the map. */
  brochure?: string;
};

/** "plot:ID" or "zone:ID", as a brochure link names its subject. */
export function parseBrochure(v: string | null | undefined): { kind: 'plot' | 'zone'; id: string } | null {
  const m = /^(plot|zone):([a-z0-9-]{1,80})$/.exec(v ?? '');
  return m ? { kind: m[1] as 'plot' | 'zone', id: m[2]! } : null;
}

export const DEFAULT_STATE: HashState = { view: null, zone: null, mode: 'occupancy', lang: 'vi' };

/**
 * Parses "#map=14/22.1722/105.8356&zone=ccn-huyen-tung&mode=progress&lang=en&region=thai-nguyen";
 * bad parts fall back to defaults. `search` (the page's ?query) may also name the region, so
 * "/?region=thai-nguyen" opens on former Thái Nguyên; the hash wins when both do.
 */
export function parseHash(hash: string, search = ''): HashState {
  const p = new URLSearchParams(hash.replace(/^#/, ''));
  const region = p.get('region') ?? new URLSearchParams(search).get('region');
  const [z, lat, lon] = (p.get('map') ?? '').split('/').map(Number);
  const view =
    z !== undefined && lat !== undefined && lon !== undefined && [z, lat, lon].every(Number.isFinite) && Math.abs(lat) <= 90 && Math.abs(lon) <= 180
      ? { zoom: z, lat, lon }
      : null;
  const mode = p.get('mode');
  const lang = p.get('lang');
  return {
    view,
    zone: p.get('zone') || null,
    mode: (COLOUR_MODES as readonly string[]).includes(mode ?? '') ? (mode as ColourMode) : DEFAULT_STATE.mode,
    lang: (LANGS as readonly string[]).includes(lang ?? '') ? (lang as Lang) : DEFAULT_STATE.lang,
    // Left undefined when absent, so a plain map link parses to the same state as before.
    find: p.get('find') === '1' || undefined,
    filters: [...p.keys()].some((k) => k.startsWith('f.')) ? filtersFromParams(p) : undefined,
    brochure: parseBrochure(p.get('brochure')) ? p.get('brochure')! : undefined,
    region: isRegion(region) ? region : undefined,
  };
}

export function formatHash(s: HashState): string {
  const parts: string[] = [];
  if (s.view) parts.push(`map=${s.view.zoom.toFixed(2)}/${s.view.lat.toFixed(5)}/${s.view.lon.toFixed(5)}`);
  if (s.zone) parts.push(`zone=${encodeURIComponent(s.zone)}`);
  if (s.mode !== DEFAULT_STATE.mode) parts.push(`mode=${s.mode}`);
  if (s.lang !== DEFAULT_STATE.lang) parts.push(`lang=${s.lang}`);
  if (s.region) parts.push(`region=${s.region}`);
  if (s.find) {
    parts.push('find=1');
    for (const [k, v] of filtersToParams(s.filters ?? NO_FILTERS)) parts.push(`${k}=${encodeURIComponent(v)}`);
  }
  if (parseBrochure(s.brochure)) parts.push(`brochure=${s.brochure}`);
  return parts.length ? `#${parts.join('&')}` : '';
}
