/**
 * Feature-state on the map's sources: selection, hover, search matches, the timeline's figures at
 * a date. Calls name the source only; in tile mode the zones and plots sources are vector sources,
 * whose feature-state also needs the source layer, added here (MapLibre itself is not patched).
 */
import type { Map as MlMap } from 'maplibre-gl';
import { tileLayerOf } from './tile-mode.ts';

type State = Record<string, unknown>;

export class FeatureStates {
  constructor(private readonly map: MlMap) {}

  private target(source: string, id?: string) {
    const sourceLayer = this.map.getSource(source)?.type === 'vector' ? tileLayerOf(source) : undefined;
    return { source, ...(sourceLayer ? { sourceLayer } : {}), ...(id === undefined ? {} : { id }) };
  }

  /** Whether the source exists yet (states set before it does are lost). */
  has(source: string): boolean {
    return !!this.map.getSource(source);
  }

  set(source: string, id: string, state: State) {
    this.map.setFeatureState(this.target(source, id) as { source: string; id: string }, state);
  }

  /** Removes one key of one feature, every key of one feature, or every state of the source. */
  remove(source: string, id?: string, key?: string) {
    this.map.removeFeatureState(this.target(source, id), key);
  }
}
