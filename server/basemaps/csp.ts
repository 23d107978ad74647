import { tileOrigin, type BasemapService } from '../../geodata/basemaps.ts';

/**
 * The origins the page may load basemap tiles from: exactly those of the configured services, for
 * the Content-Security-Policy's img-src and connect-src (MapLibre fetches raster tiles, then
 * decodes them as images). No wildcard: a service removed from the configuration is refused too.
 */
export function tileOrigins(services: BasemapService[]): string[] {
  return [...new Set(services.flatMap((s) => s.tiles.map((t) => tileOrigin(t)!)))];
}
