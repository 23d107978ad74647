import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { writeResults } from './results-file.ts';
import { LOGIN_LIMITS } from '../../server/auth/throttle.ts';
import { freshDataDir, PASSWORD, startApp, type Running } from './server-fixture.ts';

const BURST = 200;
const dataDir = freshDataDir();
let app: Running | null = null;
afterAll(async () => {
  await app?.proc.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

const signIn = (origin: string, username: string, password: string, ip: string) =>
  fetch(`${origin}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': ip },
    body: JSON.stringify({ username, password }),
    signal: AbortSignal.timeout(60_000),
  }).then(async (r) => {
    await r.arrayBuffer();
    return r.status;
  });
const tally = (statuses: number[]) => {
  const counts: Record<number, number> = {};
  for (const s of statuses) counts[s] = (counts[s] ?? 0) + 1;
  return counts;
};

describe(`sign-in attempts evaluated under a concurrent burst of ${BURST}`, () => {
  it('evaluates only the free attempts, and the real user signs in from elsewhere meanwhile', async () => {
    // Behind the documented proxy, so each scenario can come from its own address.
    app = await startApp(dataDir, { TRUST_PROXY: '1' });
    const { origin } = app;

    const oneUser = Promise.all(Array.from({ length: BURST }, (_, i) => signIn(origin, 'planner1', `wrong guess ${i}`, '10.9.0.1')));
    const realUser = signIn(origin, 'planner1', PASSWORD, '10.9.0.2');
    const [burstUser, real] = [tally(await oneUser), await realUser];
    const burstSpray = tally(await Promise.all(Array.from({ length: BURST }, (_, i) => signIn(origin, `user-${i % 40}`, `wrong guess ${i}`, '10.9.0.3'))));

    const result = {
      burst: BURST,
      oneUserOneAddress: { evaluated: burstUser[401] ?? 0, refused429: burstUser[429] ?? 0, statuses: burstUser },
      manyUsersOneAddress: { evaluated: burstSpray[401] ?? 0, refused429: burstSpray[429] ?? 0, statuses: burstSpray },
      realUserElsewhereDuringBurst: real,
      at: new Date().toISOString(),
    };
    writeResults('sign-in-burst', result);
    console.log('sign-in burst:', JSON.stringify(result));

    expect(result.oneUserOneAddress.evaluated).toBe(LOGIN_LIMITS.freePerUserAddress);
    expect(result.manyUsersOneAddress.evaluated).toBe(LOGIN_LIMITS.perAddress);
    expect(Object.keys(burstUser).every((s) => Number(s) < 500)).toBe(true);
    expect(Object.keys(burstSpray).every((s) => Number(s) < 500)).toBe(true);
    expect(real).toBe(200);
  });
});
