/**
 * The embedded database shares the server's thread: while queries are queued, the event loop must
 * still come round between them, or the server neither accepts connections nor reads requests
 * until the whole queue has run (server/db/pglite.ts).
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openPglite } from '../../server/db/pglite.ts';
import type { Database } from '../../server/db/database.ts';

let db: Database;
beforeAll(async () => {
  db = await openPglite({ memory: true });
});
afterAll(() => db.close());

it('lets the event loop turn between queued queries', async () => {
  const QUEUED = 200;
  let answered = 0;
  const queries = Array.from({ length: QUEUED }, (_, i) => db.query('SELECT $1::int AS n', [i]).then(() => answered++));
  // A timer stands for everything else the loop does (accepting, reading, answering).
  const answeredWhenTheTimerRan = await new Promise<number>((resolve) => setTimeout(() => resolve(answered), 0));
  await Promise.all(queries);
  expect(answered).toBe(QUEUED);
  expect(answeredWhenTheTimerRan).toBeLessThan(5);
});
