import { afterAll, inject } from 'vitest';
import { createApp, type App } from '../../server/app.ts';
import type { Database } from '../../server/db/database.ts';
import { createUser } from '../../server/domain/users.ts';
import { caller, type Caller } from './api-client.ts';
import { openTestDb } from './db.ts';

export const TEST_PASSWORD = 'correct horse battery';

export type SignedInApp = { db: Database; app: App; api: ReturnType<typeof caller>; planner: Caller; admin: Caller };

/** A fresh seeded database with planner1 and admin1, the app over it, and both signed in. */
export async function signedInApp(): Promise<SignedInApp> {
  const db = await openTestDb(inject('dbSnapshot'));
  await createUser(db, { username: 'planner1', role: 'planner', password: TEST_PASSWORD });
  await createUser(db, { username: 'admin1', role: 'admin', password: TEST_PASSWORD });
  const app = createApp({ db });
  const api = caller(app);
  return { db, app, api, planner: await api.login('planner1', TEST_PASSWORD), admin: await api.login('admin1', TEST_PASSWORD) };
}

/**
 * `signedInApp()` for a whole test file: awaited at the file's top level, closed after its last
 * test. `const { db, api, planner } = await signedInAppForFile();`
 */
export async function signedInAppForFile(): Promise<SignedInApp> {
  const t = await signedInApp();
  afterAll(() => t.db.close());
  return t;
}
