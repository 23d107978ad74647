import { describe, expect, it } from 'vitest';
import type { PlotApiFeature, SessionUser, ZoneApiFeature } from '../../geodata/api.ts';
import { panelShown, toolAllowed, type Tool } from '../../client/lib/panel.ts';

const zone = { id: 'ccn-huyen-tung' } as ZoneApiFeature;
const plot = { id: 'ccn-huyen-tung-cn-01' } as PlotApiFeature;
const admin: SessionUser = { id: 1, username: 'a', role: 'admin' };
const planner: SessionUser = { id: 2, username: 'p', role: 'planner' };
const base = { tool: null, user: null, zonesLoaded: true, plot: null, zone: null, hidden: false };

describe('the one panel value', () => {
  it('shows the plot over its zone, and the zone when no plot is open', () => {
    expect(panelShown({ ...base, zone, plot })).toEqual({ kind: 'plot', plot });
    expect(panelShown({ ...base, zone })).toEqual({ kind: 'zone', zone });
    expect(panelShown(base)).toEqual({ kind: 'none' });
  });

  it('shows an opened tool over the selection, and the selection again once it is closed', () => {
    const tools: Tool[] = [{ kind: 'users' }, { kind: 'export' }, { kind: 'import', zone: 'ccn-huyen-tung' }];
    for (const tool of tools) expect(panelShown({ ...base, user: admin, tool, zone, plot })).toEqual(tool);
    expect(panelShown({ ...base, user: admin, tool: null, zone, plot }).kind).toBe('plot');
  });

  it('never shows a tool the user may not use, nor one whose zone list has not loaded', () => {
    expect(panelShown({ ...base, user: planner, tool: { kind: 'users' }, zone })).toEqual({ kind: 'zone', zone });
    expect(panelShown({ ...base, user: null, tool: { kind: 'import', zone: null } }).kind).toBe('none');
    expect(panelShown({ ...base, user: null, tool: { kind: 'export' } }).kind).toBe('export');
    expect(panelShown({ ...base, user: planner, tool: { kind: 'export' }, zonesLoaded: false, zone }).kind).toBe('zone');
    expect(toolAllowed({ kind: 'users' }, planner)).toBe(false);
    expect(toolAllowed({ kind: 'import', zone: null }, planner)).toBe(true);
  });

  it("hides every panel behind the leaders' full-screen views", () => {
    expect(panelShown({ ...base, user: admin, tool: { kind: 'users' }, zone, plot, hidden: true })).toEqual({ kind: 'none' });
  });
});
