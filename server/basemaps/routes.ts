import { Hono } from 'hono';
import type { BasemapService, BasemapsResponse } from '../../geodata/basemaps.ts';

/** GET /api/basemaps: the online basemaps this server offers (the offline one is always there). */
export function basemapRoutes(services: BasemapService[]) {
  return new Hono().get('/basemaps', (c) => c.json<BasemapsResponse>({ services }));
}
