import { beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/domain/users.ts';
import type { Caller } from '../support/api-client.ts';
import { signedInAppForFile, TEST_PASSWORD } from '../support/signed-in-app.ts';

const t = await signedInAppForFile();
beforeAll(async () => {
  // Only the admins each trial makes count: admin1 steps down first.
  await t.db.query(`UPDATE users SET disabled = true WHERE username = 'admin1'`);
});

const activeAdmins = async () => (await t.db.query<{ n: number }>(`SELECT count(*)::int AS n FROM users WHERE role = 'admin' AND NOT disabled`))[0]!.n;

async function twoAdmins(trial: number) {
  // Earlier trials leave one admin standing: retire them so each trial starts with exactly two.
  await t.db.query(`UPDATE users SET disabled = true WHERE role = 'admin'`);
  const a = await createUser(t.db, { username: `boss-a-${trial}`, role: 'admin', password: TEST_PASSWORD });
  const b = await createUser(t.db, { username: `boss-b-${trial}`, role: 'admin', password: TEST_PASSWORD });
  const signIn = (u: string): Promise<Caller> => t.api.login(u, TEST_PASSWORD);
  return { a: a!, b: b!, as: await signIn(a!.username), bs: await signIn(b!.username) };
}

describe('at least one active admin, under concurrency', () => {
  it.each([
    ['disable each other', { disabled: true }],
    ['demote each other to planner', { role: 'planner' }],
  ])('two admins who %s at the same moment: one wins, the other is refused, one admin remains', async (_what, patch) => {
    for (let trial = 0; trial < 4; trial++) {
      const { a, b, as, bs } = await twoAdmins(trial + ('disabled' in patch ? 0 : 10));
      expect(await activeAdmins()).toBe(2);
      const [ab, ba] = await Promise.all([t.api.call(as, 'PATCH', `/api/users/${b.id}`, patch), t.api.call(bs, 'PATCH', `/api/users/${a.id}`, patch)]);
      const statuses = [ab.status, ba.status].sort();
      expect(statuses[0], `trial ${trial}`).toBe(200);
      // 409 when both checks overlap; 401/403 when the winner had already ended the loser's session.
      expect([401, 403, 409], `trial ${trial}`).toContain(statuses[1]);
      expect(await activeAdmins()).toBe(1);
    }
  });

});
