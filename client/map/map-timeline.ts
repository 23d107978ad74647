/**
 * The leaders' views on a map, a part of the map controller: every zone's figures at the
 * timeline's date and the zone ringed by a chart or a tour stop, as feature-state, so moving the
 * slider never resends data. How the zones are then drawn (timeline colours, dots instead of
 * bubbles, plots hidden at a past date) is the look's (map-look.ts), the only writer of paint.
 */
import { isPreLeasing, type ZoneState } from '../lib/timeline.ts';
import type { FeatureStates } from './feature-states.ts';
import { SOURCES } from './style/ids.ts';
import { HIGHLIGHT_STATE, TIMELINE_STATE } from './style/timeline.ts';

const TIMELINE_KEYS = Object.values(TIMELINE_STATE);

export class MapTimeline {
  private stateIds = new Set<string>();
  private ringed: string | null = null;
  /** The states shown, kept to set them again if the sources are replaced (tile mode). */
  private states: ReadonlyMap<string, ZoneState> | null = null;

  constructor(private readonly features: FeatureStates) {}

  get active() {
    return this.states !== null;
  }

  /** Every zone as it stood at a date (states by zone id), or none with null. */
  show(states: ReadonlyMap<string, ZoneState> | null) {
    this.states = states;
    if (!states) return this.clear();
    for (const [id, s] of states) {
      const state = { [TIMELINE_STATE.occupancy]: s.occupancyPct, [TIMELINE_STATE.progress]: s.progressPct, [TIMELINE_STATE.preLeasing]: isPreLeasing(s) };
      this.features.set(SOURCES.zones, id, state);
      this.features.set(SOURCES.zonePoints, id, state);
      this.stateIds.add(id);
    }
  }

  private clear() {
    for (const id of this.stateIds) {
      for (const key of TIMELINE_KEYS) {
        this.features.remove(SOURCES.zones, id, key);
        this.features.remove(SOURCES.zonePoints, id, key);
      }
    }
    this.stateIds.clear();
  }

  /** Rings the zone picked in a chart or a tour stop (or none). */
  ring(zoneId: string | null) {
    if (this.ringed && this.ringed !== zoneId) this.features.remove(SOURCES.zonePoints, this.ringed, HIGHLIGHT_STATE);
    this.ringed = zoneId;
    if (zoneId) this.features.set(SOURCES.zonePoints, zoneId, { [HIGHLIGHT_STATE]: true });
  }

  /** Sets every state again (the zones source was replaced by tiles). */
  reapply() {
    this.stateIds.clear();
    this.show(this.states);
    this.ring(this.ringed);
  }
}
