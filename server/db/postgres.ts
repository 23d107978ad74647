// Types only at the top: node-postgres loads when a DATABASE_URL is opened, not at every start.
import type pg from 'pg';
import type { Database, Queryable } from './database.ts';

/**
 * A PostgreSQL server (DATABASE_URL) behind the same Database interface as PGlite. The queries,
 * the migrations and what comes back are the same on both:
 *
 * - int8 (count(*), bigserial) comes back as a number when it is a safe integer, as PGlite does
 *   (node-postgres would give a string); numeric stays a string on both.
 * - jsonb and json come back parsed on both.
 * - Parameters: a plain object, or an array holding any object or array, is sent as JSON text, so
 *   jsonb columns take GeoJSON, props and audit before/after as PGlite does. An array of scalars
 *   is sent as a PostgreSQL array, for `= ANY($1)`. (PGlite picks by the parameter's declared
 *   type; node-postgres cannot ask, so a jsonb parameter must not be a bare array of scalars.)
 * - Every session runs in UTC, like PGlite, so `timestamptz::text` reads the same.
 *
 * A lost connection never takes the process down: the pool's and checked-out clients' 'error'
 * events are logged, the broken client is discarded, and the next query opens a new connection.
 */
export type PostgresOptions = {
  url: string;
  /** Connections per process; PostgreSQL's default max_connections (100) allows many instances. */
  max?: number;
  /** Where connection errors are reported; console.error by default. */
  log?: (message: string) => void;
};

const INT8 = 20;
const parseInt8 = (s: string) => {
  const n = Number(s);
  return Number.isSafeInteger(n) ? n : BigInt(s);
};

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean', 'bigint'].includes(typeof v);

/** JSON for objects and for arrays of objects; scalars, arrays of scalars, Dates and Buffers as node-postgres sends them. */
export function toParam(v: unknown): unknown {
  if (v === null || v === undefined || typeof v !== 'object') return v;
  if (v instanceof Date || Buffer.isBuffer(v) || ArrayBuffer.isView(v)) return v;
  if (Array.isArray(v) && v.every(isScalar)) return v;
  return JSON.stringify(v);
}

const typeParsersOf = (types: typeof pg.types) => ({
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8 && format !== 'binary' ? parseInt8 : types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
});

/** The host, port and database of a URL, without the password, for messages. */
export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.protocol}//${u.username ? `${decodeURIComponent(u.username)}@` : ''}${u.host}${u.pathname}`;
  } catch {
    return 'postgres://(unparsable URL)';
  }
}

export async function openPostgres(opts: PostgresOptions): Promise<Database & { readonly url: string }> {
  const log = opts.log ?? ((m: string) => console.error(m));
  const where = describeUrl(opts.url);
  const { default: pg } = await import('pg');
  const pool = new pg.Pool({
    connectionString: opts.url,
    max: opts.max ?? 10,
    idleTimeoutMillis: 30_000,
    connectionTimeoutMillis: 10_000,
    // Dead peers are noticed instead of hanging a request until the OS gives up.
    keepAlive: true,
    options: '-c TimeZone=UTC',
    types: typeParsersOf(pg.types),
    application_name: 'iz-atlas',
  });
  // An idle connection that dies (server restart, network cut) is removed from the pool; without
  // this listener the 'error' event would end the process.
  pool.on('error', (err) => log(`iz-atlas: PostgreSQL connection lost (${where}): ${err.message}; will reconnect on the next query`));

  const run = async <T>(q: Pick<pg.PoolClient, 'query'>, sql: string, params: unknown[]): Promise<T[]> => {
    const res = await q.query(sql, params.map(toParam));
    return res.rows as T[];
  };

  let closed = false;
  return {
    kind: 'postgres',
    url: opts.url,
    query: <T>(sql: string, params: unknown[] = []) => run<T>(pool, sql, params),
    async exec(sql) {
      // No parameters: the simple protocol, which takes several statements at once.
      await pool.query(sql);
    },
    async transaction(fn) {
      const client = await pool.connect();
      let broken: Error | undefined;
      // A checked-out client has no pool listener: an error between two queries would be uncaught.
      const onError = (err: Error) => {
        broken = err;
        log(`iz-atlas: PostgreSQL connection lost during a transaction (${where}): ${err.message}`);
      };
      client.on('error', onError);
      // One client runs one query at a time: queries the transaction's code starts together (a
      // Promise.all in a domain function) wait their turn here instead of piling onto the client,
      // which pg deprecates (and warns about on stderr).
      let turn: Promise<unknown> = Promise.resolve();
      const tx: Queryable = {
        query: <T>(sql: string, params: unknown[] = []) => {
          const mine = turn.then(() => run<T>(client, sql, params));
          turn = mine.catch(() => undefined);
          return mine;
        },
      };
      try {
        await client.query('BEGIN');
        const result = await fn(tx);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        broken ??= await client.query('ROLLBACK').then(
          () => undefined,
          (e: unknown) => (e instanceof Error ? e : new Error(String(e))),
        );
        throw err;
      } finally {
        client.removeListener('error', onError);
        // A client whose connection failed is destroyed rather than handed to the next request.
        client.release(broken ?? false);
      }
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}

/** Errors that mean "the server is not there (yet)", worth retrying at start-up. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: string; message?: string } | null;
  if (!e) return false;
  if (e.code && ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'].includes(e.code)) return true;
  // 57P03: the database system is starting up / shutting down; 08xxx: connection exceptions.
  if (e.code === '57P03' || e.code?.startsWith('08')) return true;
  return /Connection terminated|timeout expired|the database system is (starting up|shutting down)/i.test(e.message ?? '');
}
