import { createHash } from 'node:crypto';

/**
 * Record ETags carry the record's version, which If-Match must name. A zone's tag also hashes
 * its body, because its occupancy changes when one of its plots is edited.
 */
export const plotEtag = (version: number) => `"v${version}"`;
/** The leaders' tour is versioned like a plot: one counter, kept in meta.tour_version. */
export const tourEtag = (version: number) => plotEtag(version);
export const zoneEtag = (version: number, body: unknown) =>
  `"v${version}.${createHash('sha1').update(JSON.stringify(body)).digest('hex').slice(0, 10)}"`;

/** The version an If-Match header names, null when absent; NaN when it names none we issued. */
export function ifMatchVersion(header: string | undefined): number | null {
  if (header === undefined) return null;
  const m = /^(?:W\/)?"v(\d+)(?:\.[0-9a-f]*)?"$/.exec(header.trim());
  return m ? Number(m[1]) : Number.NaN;
}
