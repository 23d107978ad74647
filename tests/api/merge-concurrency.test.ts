import { describe, expect, it } from 'vitest';
import type { PlotApiFeature } from '../../geodata/api.ts';
import { ANON } from '../support/api-client.ts';
import { cutAcross } from '../support/plot-lines.ts';
import { signedInAppForFile } from '../support/signed-in-app.ts';

const { db, api, planner, admin: other } = await signedInAppForFile();

/**
 * Two planners merge the same two plots at the same moment, one listing them [a, b] and the
 * other [b, a]. Locking in request order made each hold one row and wait for the other's: on
 * PostgreSQL a deadlock, aborted with a 500 (2 of 6 trials). Locked in one order, the second
 * waits, then finds the plots gone: one 201, one 400, never a 500.
 */
describe('concurrent merges of [a, b] and [b, a]', () => {
  it('never deadlock: one merge wins, the other is told the plots are gone', async () => {
    const plots = ((await (await api.call(ANON, 'GET', '/api/zones/ccn-nam-bang-lung/plots')).json()) as { features: PlotApiFeature[] }).features;
    let plot = plots.find((p) => p.properties.status === 'available')!;
    for (let trial = 0; trial < 6; trial++) {
      const split = await api.call(planner, 'POST', `/api/plots/${plot.id}/split`, { line: cutAcross(plot.geometry, 0.5, trial % 2 ? 'east-west' : 'north-south') });
      expect(split.status).toBe(201);
      const [a, b] = ((await split.json()) as { features: PlotApiFeature[] }).features.map((f) => f.id) as [string, string];
      const [one, two] = await Promise.all([
        api.call(planner, 'POST', '/api/plots/merge', { ids: [a, b], reason: `trial ${trial} [a, b]` }),
        api.call(other, 'POST', '/api/plots/merge', { ids: [b, a], reason: `trial ${trial} [b, a]` }),
      ]);
      const statuses = [one.status, two.status].sort();
      expect(statuses, `trial ${trial}: ${await one.clone().text()} / ${await two.clone().text()}`).toEqual([201, 400]);
      const winner = (await (one.status === 201 ? one : two).json()) as PlotApiFeature;
      plot = winner;
      const left = await db.query<{ id: string }>('SELECT id FROM plots WHERE id = ANY($1)', [[a, b]]);
      expect(left.map((r) => r.id)).toEqual([winner.id]);
    }
  });
});
