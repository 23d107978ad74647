import { z } from 'zod';
import { idSchema } from '../../geodata/ids.ts';
import { PLOT_STATUSES } from '../../geodata/vocabulary.ts';

/** bbox=minLon,minLat,maxLon,maxLat in WGS 84 degrees. */
export const bboxParam = z
  .string()
  .transform((s, ctx) => {
    const parts = s.split(',');
    if (parts.length !== 4 || parts.some((p) => p.trim() === '' || !Number.isFinite(Number(p)))) {
      ctx.addIssue({ code: 'custom', message: 'expected four numbers: minLon,minLat,maxLon,maxLat' });
      return z.NEVER;
    }
    const [minLon, minLat, maxLon, maxLat] = parts.map(Number) as [number, number, number, number];
    if (minLon < -180 || maxLon > 180 || minLat < -90 || maxLat > 90) {
      ctx.addIssue({ code: 'custom', message: 'longitudes must be within ±180 and latitudes within ±90' });
      return z.NEVER;
    }
    if (minLon > maxLon || minLat > maxLat) {
      ctx.addIssue({ code: 'custom', message: 'minimum must not exceed maximum (order is minLon,minLat,maxLon,maxLat)' });
      return z.NEVER;
    }
    return [minLon, minLat, maxLon, maxLat] as [number, number, number, number];
  });

/** status=leased,available: a comma list from the plot status vocabulary. */
export const plotStatusesParam = z
  .string()
  .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PLOT_STATUSES, { error: `expected one or more of ${PLOT_STATUSES.join(', ')}` })).min(1));

/** Ids in paths and query strings: the one id rule of geodata/ids.ts. */
export const idParam = idSchema;

export const plotsQuery = z
  .object({ bbox: bboxParam.optional(), status: plotStatusesParam.optional(), zone: idParam.optional() })
  .strict();

/** zones=a,b,c: the zones whose series GET /api/history returns (all of them without it). */
export const historyQuery = z
  .object({
    zones: z
      .string()
      .transform((s) => s.split(',').map((x) => x.trim()).filter(Boolean))
      .pipe(z.array(idParam).min(1).max(5000))
      .optional(),
  })
  .strict();
