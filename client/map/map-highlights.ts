/**
 * What is marked on the map by feature-state: the selected and hovered zone, the open plot and a
 * merge candidate, the plots a land search matches and the one whose result row is hovered, the
 * zones holding matches, the import preview's feature in focus. A part of the map controller: it
 * keeps what should be marked, writes the feature-state, and tells the controller which highlight
 * layers have something to draw (their visibility is the look's, map-look.ts).
 */
import { SOURCES } from './style/ids.ts';
import { ZONE_MATCH_STATE } from './style/find-land-layers.ts';
import type { FeatureStates } from './feature-states.ts';
import type { LookState } from './map-look.ts';

export class MapHighlights {
  private selected: string | null = null;
  /** The zone whose `selected` state is set, to clear only that key (the timeline keeps its own keys on zones). */
  private shownSelected: string | null = null;
  private hovered: string | null = null;
  private plot: { selected: string | null; candidate: string | null } = { selected: null, candidate: null };
  private plotMatches: string[] = [];
  private plotHover: string | null = null;
  private zoneMatches: string[] = [];
  private importFocus: string | null = null;

  constructor(private readonly states: FeatureStates) {}

  /** The highlight layers' part of the look. */
  look(): Pick<LookState, 'plotSelected' | 'zoneSelected' | 'plotMatches' | 'zoneMatches'> {
    return {
      plotSelected: !!(this.plot.selected || this.plot.candidate),
      zoneSelected: !!(this.shownSelected || this.hovered),
      plotMatches: this.plotMatches.length > 0 || !!this.plotHover,
      zoneMatches: this.zoneMatches.length > 0,
    };
  }

  /** Marks the selected zone if the map has it (`known`), and the hovered one. */
  select(zoneId: string | null, known: (id: string) => boolean) {
    this.selected = zoneId;
    this.applySelection(known);
  }

  applySelection(known: (id: string) => boolean) {
    if (!this.states.has(SOURCES.zones)) return;
    if (this.shownSelected) this.states.remove(SOURCES.zones, this.shownSelected, 'selected');
    this.shownSelected = this.selected && known(this.selected) ? this.selected : null;
    if (this.shownSelected) this.states.set(SOURCES.zones, this.shownSelected, { selected: true });
    if (this.hovered) this.states.set(SOURCES.zones, this.hovered, { hover: true });
  }

  /** The zone under the pointer; false when it did not change. */
  hoverZone(id: string | null): boolean {
    if (id === this.hovered) return false;
    if (this.hovered) this.states.set(SOURCES.zones, this.hovered, { hover: false });
    this.hovered = id;
    if (id) this.states.set(SOURCES.zones, id, { hover: true });
    return true;
  }

  setPlot(selected: string | null, candidate: string | null) {
    this.plot = { selected, candidate };
    this.applyPlots();
  }

  /** Every plot mark again (new plot data, or the source was switched to tiles). */
  applyPlots() {
    if (!this.states.has(SOURCES.plots)) return;
    this.states.remove(SOURCES.plots);
    const { selected, candidate } = this.plot;
    if (selected) this.states.set(SOURCES.plots, selected, { selected: true });
    if (candidate) this.states.set(SOURCES.plots, candidate, { candidate: true });
    for (const id of this.plotMatches) this.states.set(SOURCES.plots, id, { match: true });
    if (this.plotHover) this.states.set(SOURCES.plots, this.plotHover, { hover: true });
  }

  setPlotMatches(ids: string[]) {
    const before = this.plotMatches;
    this.plotMatches = ids;
    if (!this.states.has(SOURCES.plots)) return;
    const keep = new Set(ids);
    for (const id of before) if (!keep.has(id)) this.states.remove(SOURCES.plots, id, 'match');
    for (const id of ids) this.states.set(SOURCES.plots, id, { match: true });
  }

  setZoneMatches(ids: string[]) {
    const before = this.zoneMatches;
    this.zoneMatches = ids;
    if (!this.states.has(SOURCES.zonePoints)) return;
    const keep = new Set(ids);
    for (const id of before) if (!keep.has(id)) this.states.remove(SOURCES.zonePoints, id, ZONE_MATCH_STATE);
    for (const id of ids) this.states.set(SOURCES.zonePoints, id, { [ZONE_MATCH_STATE]: true });
  }

  /** False when it did not change. */
  hoverPlot(id: string | null): boolean {
    const before = this.plotHover;
    if (before === id) return false;
    this.plotHover = id;
    if (!this.states.has(SOURCES.plots)) return true;
    if (before) this.states.remove(SOURCES.plots, before, 'hover');
    if (id) this.states.set(SOURCES.plots, id, { hover: true });
    return true;
  }

  clearImportFocus() {
    this.importFocus = null;
    this.states.remove(SOURCES.importPreview);
  }

  focusImport(id: string | null) {
    const before = this.importFocus;
    this.importFocus = id;
    if (before) this.states.remove(SOURCES.importPreview, before, 'focus');
    if (id) this.states.set(SOURCES.importPreview, id, { focus: true });
  }
}
