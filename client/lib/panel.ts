/**
 * Which panel the right-hand side shows: one value, not a flag per panel. The user opens a tool
 * (users, data export, import) over the current selection; closing it shows the selection's
 * panel again. A tool the user may not use (signed out, not an admin) or that has no data yet
 * is not shown, and the leaders' full-screen views hide every panel.
 */
import type { PlotApiFeature, SessionUser, ZoneApiFeature } from '../../geodata/api.ts';

/** A tool opened from the header or a zone panel. */
export type Tool = { kind: 'users' } | { kind: 'export' } | { kind: 'province' } | { kind: 'import'; zone: string | null };

export type Panel = { kind: 'none' } | Tool | { kind: 'plot'; plot: PlotApiFeature } | { kind: 'zone'; zone: ZoneApiFeature };

/** May this user use the tool at all? (Closed when they sign out or lose the role.) */
export function toolAllowed(tool: Tool, user: SessionUser | null): boolean {
  if (tool.kind === 'users') return user?.role === 'admin';
  if (tool.kind === 'import') return user !== null;
  return true;
}

type Shown = {
  tool: Tool | null;
  user: SessionUser | null;
  /** The zones have loaded (the export and import panels list them). */
  zonesLoaded: boolean;
  plot: PlotApiFeature | null;
  zone: ZoneApiFeature | null;
  /** The leaders' dashboard, presentation or before/after maps take the panels' place. */
  hidden: boolean;
};

export function panelShown({ tool, user, zonesLoaded, plot, zone, hidden }: Shown): Panel {
  if (hidden) return { kind: 'none' };
  if (tool && toolAllowed(tool, user) && (tool.kind === 'users' || zonesLoaded)) return tool;
  if (plot) return { kind: 'plot', plot };
  if (zone) return { kind: 'zone', zone };
  return { kind: 'none' };
}
