/**
 * A map picture's footer names its sources in words: the publishers of the sources the pictured
 * zones cite, most cited first, then where each figure's own source is named. Never an address
 * of the API, which a printed page cannot follow.
 */
import { bbox } from '@turf/turf';
import type { ZoneApiFeature } from '../../../geodata/api.ts';
import type { Source } from '../../../geodata/schema.ts';
import { translate, type Lang } from '../../i18n/strings.ts';
import { zoneSourceIds } from '../../lib/zone-sources.ts';

const MAX_NAMED = 5;

export function picturedSources(zones: readonly ZoneApiFeature[], bounds: readonly number[], sources: readonly Source[], lang: Lang): string {
  const byId = new Map(sources.map((s) => [s.id, s]));
  const [w, s, e, n] = bounds as [number, number, number, number];
  const shown = zones.filter((z) => {
    const [zw, zs, ze, zn] = bbox(z);
    return zw <= e && w <= ze && zs <= n && s <= zn;
  });
  const counts = new Map<string, number>();
  for (const z of shown) {
    for (const id of zoneSourceIds(z)) {
      const src = byId.get(id);
      // A source without a publisher (the atlas's own schematic layout) is named by its title.
      const name = src ? (src.publisher ?? src.title) : null;
      if (name) counts.set(name, (counts.get(name) ?? 0) + 1);
    }
  }
  const names = [...counts.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([name]) => name);
  const more = names.length > MAX_NAMED ? ` ${translate(lang, 'ldSourcesMore', { n: names.length - MAX_NAMED })}` : '';
  return `${names.slice(0, MAX_NAMED).join('; ')}${more}; ${translate(lang, 'ldSourcesFull')}`;
}
