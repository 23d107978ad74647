import type { Enquiry } from '../../geodata/api.ts';
import { enquiryReference } from '../../geodata/enquiry-receipt.ts';
import type { EnquiryInput } from '../../geodata/requests.ts';
import type { EnquiryStatus } from '../../geodata/vocabulary.ts';
import type { Queryable } from '../db/database.ts';

type Row = { id: number; created_at: string; status: EnquiryStatus; plot_id: string | null; zone_id: string; data: Omit<EnquiryInput, 'plotId' | 'zoneId' | 'website'> };

const toEnquiry = (r: Row): Enquiry => ({
  id: r.id,
  reference: enquiryReference(r.id, r.created_at),
  createdAt: r.created_at,
  status: r.status,
  plotId: r.plot_id,
  zoneId: r.zone_id,
  name: r.data.name,
  organisation: r.data.organisation ?? null,
  email: r.data.email ?? null,
  phone: r.data.phone ?? null,
  sector: r.data.sector ?? null,
  areaHa: r.data.areaHa ?? null,
  timeline: r.data.timeline ?? null,
  message: r.data.message ?? null,
});
const COLUMNS = `id, to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') AS created_at, status, plot_id, zone_id, data`;

/** Resolves the zone from the plot when only a plot is named; null when either id is unknown or they disagree. */
export async function resolveTarget(db: Queryable, plotId?: string, zoneId?: string): Promise<{ plotId: string | null; zoneId: string } | null> {
  if (plotId) {
    const [p] = await db.query<{ zone_id: string }>('SELECT zone_id FROM plots WHERE id = $1', [plotId]);
    if (!p || (zoneId && zoneId !== p.zone_id)) return null;
    return { plotId, zoneId: p.zone_id };
  }
  const [z] = await db.query('SELECT 1 FROM zones WHERE id = $1', [zoneId]);
  return z ? { plotId: null, zoneId: zoneId! } : null;
}

export async function createEnquiry(db: Queryable, target: { plotId: string | null; zoneId: string }, input: EnquiryInput): Promise<Enquiry> {
  const { plotId: _p, zoneId: _z, website: _w, ...data } = input;
  const [row] = await db.query<Row>(`INSERT INTO enquiries (plot_id, zone_id, data) VALUES ($1, $2, $3) RETURNING ${COLUMNS}`, [target.plotId, target.zoneId, data]);
  return toEnquiry(row!);
}

/** The id the next enquiry would most likely get (for the honeypot's look-alike answer); stores nothing. */
export async function nextEnquiryId(db: Queryable): Promise<number> {
  const [row] = await db.query<{ next: string | number }>('SELECT COALESCE(max(id), 0) + 1 AS next FROM enquiries');
  return Number(row!.next);
}

export async function listEnquiries(db: Queryable): Promise<Enquiry[]> {
  return (await db.query<Row>(`SELECT ${COLUMNS} FROM enquiries ORDER BY id DESC`)).map(toEnquiry);
}

export async function setEnquiryStatus(db: Queryable, id: number, status: EnquiryStatus): Promise<Enquiry | null> {
  const [row] = await db.query<Row>(`UPDATE enquiries SET status = $2 WHERE id = $1 RETURNING ${COLUMNS}`, [id, status]);
  return row ? toEnquiry(row) : null;
}

export type EnquiryMove = { id: number; from: string; to: string | null };

/**
 * Enquiries follow their land when a plot's geometry changes (split, merge, import): every
 * enquiry on a plot in `moves` is moved to the plot that now holds that land, or to the zone
 * (plot null) when none does. Closed ones move too, so no enquiry ever points at a plot that is
 * gone. Returns what moved, for the change's audit row.
 */
export async function moveEnquiries(tx: Queryable, moves: ReadonlyMap<string, string | null>): Promise<EnquiryMove[]> {
  const out: EnquiryMove[] = [];
  for (const [from, to] of moves) {
    if (from === to) continue;
    const rows = await tx.query<{ id: number }>('UPDATE enquiries SET plot_id = $2 WHERE plot_id = $1 RETURNING id', [from, to]);
    for (const r of rows) out.push({ id: Number(r.id), from, to });
  }
  return out.sort((a, b) => a.id - b.id);
}
