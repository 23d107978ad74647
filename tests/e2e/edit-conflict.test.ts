/**
 * Two planners edit the same zone. The second one saves first (here through the API, as another
 * browser would); the first one's Save then shows the conflict box with both values side by side,
 * saves nothing, and saves their value only after they choose to keep it and press Save again.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ZoneApiFeature } from '../../geodata/api.ts';
import { createUser } from '../../server/domain/users.ts';
import { chromiumPath } from './browser.ts';
import { closeAtlas, conflictBox, conflictValues, editZone, field, keepMine, openAtlas, save, signIn } from './driver.ts';
import { startHarness, type Harness } from './harness.ts';

const ZONE = 'ccn-nam-bang-lung';
const FIRST = { username: 'planner1', password: 'a-long-test-password-42' };
const SECOND = { username: 'planner2', password: 'another-long-password-7' };
const MINE = 'Công ty CP Hạ tầng Bắc Kạn';
const THEIRS = 'Công ty TNHH Đầu tư Nà Phặc';

let h: Harness | null;
beforeAll(async () => {
  h = await startHarness();
  if (!h) return;
  await createUser(h.db, { username: FIRST.username, role: 'planner', password: FIRST.password });
  await createUser(h.db, { username: SECOND.username, role: 'planner', password: SECOND.password });
});
afterAll(() => h?.close());

const zone = async () => {
  const res = await fetch(`${h!.url}api/zones/${ZONE}`);
  return { value: (await res.json()) as ZoneApiFeature, etag: res.headers.get('etag')! };
};

/** The second planner's edit, over HTTP with their own session. */
async function theirEdit(developer: string) {
  const signIn = await fetch(`${h!.url}api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(SECOND) });
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { csrfToken } = (await signIn.json()) as { csrfToken: string };
  const res = await fetch(`${h!.url}api/zones/${ZONE}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Cookie: cookie, 'X-CSRF-Token': csrfToken, 'If-Match': (await zone()).etag },
    body: JSON.stringify({ developer, reason: 'Theo công văn mới' }),
  });
  expect(res.status, await res.clone().text()).toBe(200);
}

describe.skipIf(!chromiumPath())('two planners editing the same zone', () => {
  it('shows the conflict with both values, saves nothing, then saves the kept value', { timeout: 120_000 }, async () => {
    const atlas = await openAtlas(h!, `#zone=${ZONE}`);
    const { page } = atlas;
    await signIn(page, FIRST);
    const form = await editZone(page);
    await field(form, 'developer').fill(MINE);

    const before = (await zone()).value.properties.version;
    await theirEdit(THEIRS);
    await save(form);

    const conflict = conflictBox(form);
    await expect.poll(() => conflict.isVisible()).toBe(true);
    expect(await conflictValues(page, conflict, 'developer')).toEqual([THEIRS, MINE]);
    // Nothing of the first planner's was saved: the zone holds the second one's value.
    expect((await zone()).value.properties.developer?.text).toBe(THEIRS);
    expect((await zone()).value.properties.version).toBe(before + 1);

    await keepMine(conflict);
    await expect.poll(() => conflict.isVisible()).toBe(false);
    await save(form);
    await expect.poll(async () => (await zone()).value.properties.developer?.text).toBe(MINE);
    expect((await zone()).value.properties.version).toBe(before + 2);
    await closeAtlas(atlas);
  });
});
