import { setImmediate as nextTurnOfTheLoop } from 'node:timers/promises';
import { PGlite } from '@electric-sql/pglite';
import type { Database, Queryable } from './database.ts';

export type PgliteOptions =
  /** Persist in this directory (created by initdb on first use). */
  | { dataDir: string }
  /** In memory, started from a dumped data directory: skips initdb, which costs seconds. */
  | { snapshot: Blob }
  | { memory: true };

/**
 * Runs the database's operations one at a time, each in a turn of the event loop of its own.
 *
 * PGlite runs every query on this thread and hands over to the next waiting one in a promise
 * callback, so a queue of queries ran to its end before the event loop polled again; and Node
 * (libuv since 1.45) accepts one new connection per poll. Under 200 clients, connections waited
 * 20 s and more to be accepted and requests timed out (the load test). A turn between operations
 * lets the server accept, read and answer while the queue drains; PGlite runs one at a time anyway.
 */
function oneTurnEach() {
  let last: Promise<unknown> = Promise.resolve();
  return <T>(op: () => Promise<T>): Promise<T> => {
    const run = last.then(() => nextTurnOfTheLoop()).then(op);
    last = run.catch(() => undefined);
    return run;
  };
}

export async function openPglite(opts: PgliteOptions): Promise<Database & { dump(): Promise<Blob> }> {
  const pg =
    'dataDir' in opts
      ? await PGlite.create(opts.dataDir)
      : 'snapshot' in opts
        ? await PGlite.create({ loadDataDir: opts.snapshot })
        : await PGlite.create();
  const inTurn = oneTurnEach();
  const rowsOf = async <T>(q: Pick<PGlite, 'query'>, sql: string, params: unknown[]) => (await q.query<T>(sql, params)).rows;
  return {
    kind: 'pglite',
    query: <T>(sql: string, params: unknown[] = []) => inTurn(() => rowsOf<T>(pg, sql, params)),
    exec: (sql) => inTurn(async () => void (await pg.exec(sql))),
    // The transaction's own queries run inside its turn: it holds the database until it ends.
    transaction: (fn) => inTurn(() => pg.transaction((tx) => fn({ query: (sql, params = []) => rowsOf(tx, sql, params) } satisfies Queryable))),
    close: () => pg.close(),
    dump: () => pg.dumpDataDir('none'),
  };
}
