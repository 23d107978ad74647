import { join } from 'node:path';
import { openPglite } from '../../server/db/pglite.ts';

export type PlotState = { id: string; version: number; sector: string | null; auditRows: number };

/**
 * Reads a stopped server's PGlite directly: for every plot its version, sector and how many audit
 * rows describe it. A change and its audit row must always come together: version − 1 = rows.
 */
export async function inspectPlots(dataDir: string): Promise<{ plots: Map<string, PlotState>; auditRows: number }> {
  const db = await openPglite({ dataDir: join(dataDir, 'pglite') });
  try {
    const rows = await db.query<{ id: string; version: number; sector: string | null; audit_rows: number }>(
      `SELECT p.id, p.version, p.props->>'sector' AS sector,
              (SELECT count(*)::int FROM audit_log a WHERE a.entity_type = 'plot' AND a.entity_id = p.id) AS audit_rows
         FROM plots p`,
    );
    const [total] = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM audit_log WHERE entity_type = 'plot'`);
    return { plots: new Map(rows.map((r) => [r.id, { id: r.id, version: r.version, sector: r.sector, auditRows: r.audit_rows }])), auditRows: total?.n ?? 0 };
  } finally {
    await db.close();
  }
}
