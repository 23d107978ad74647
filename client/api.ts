/** The client's only fetch site. */
import type { ContextCollection, PlotCollection, SourcesResponse, Stats, ZoneCollection } from '../geodata/api.ts';

async function getJson<T>(path: string): Promise<T> {
  const res = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path}: HTTP ${res.status}`);
  return (await res.json()) as T;
}

export const api = {
  zones: () => getJson<ZoneCollection>('/api/zones'),
  plots: () => getJson<PlotCollection>('/api/plots'),
  context: () => getJson<ContextCollection>('/api/context'),
  stats: () => getJson<Stats>('/api/stats'),
  sources: () => getJson<SourcesResponse>('/api/sources'),
};
