import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

export type PgliteOptions =
  /** Persist in this directory (created by initdb on first use). */
  | { dataDir: string }
  /** In memory, started from a dumped data directory: skips initdb, which costs seconds. */
  | { snapshot: Blob }
  | { memory: true };

export async function openPglite(opts: PgliteOptions): Promise<Database & { dump(): Promise<Blob> }> {
  const pg =
    'dataDir' in opts
      ? await PGlite.create(opts.dataDir)
      : 'snapshot' in opts
        ? await PGlite.create({ loadDataDir: opts.snapshot })
        : await PGlite.create();
  const wrap = (q: Pick<PGlite, 'query'>): Queryable => ({
    async query<T>(sql: string, params: unknown[] = []) {
      const res = await q.query<T>(sql, params);
      return res.rows;
    },
  });
  return {
    kind: 'pglite',
    ...wrap(pg),
    async exec(sql) {
      await pg.exec(sql);
    },
    transaction: (fn) => pg.transaction((tx) => fn(wrap(tx))),
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('none'),
  };
}
