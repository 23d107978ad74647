import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, startServer, type Spawned } from '../bench/processes.ts';

export const PASSWORD = 'reliability suite password';

/** A fresh DATA_DIR (PGlite) or the DATABASE_URL database, with one planner account made the way an operator would. */
export function freshDataDir(): string {
  const dataDir = mkdtempSync(join(tmpdir(), 'iz-atlas-rel-'));
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['server/cli/user.ts', 'add', '--username', 'planner1', '--role', 'planner', '--password-stdin'], {
    cwd: PROJECT_ROOT,
    input: PASSWORD,
    env: { ...process.env, DATA_DIR: dataDir },
    encoding: 'utf8',
  });
  // On PostgreSQL the account outlives the DATA_DIR: a second file of the suite finds it there.
  if (r.status !== 0 && !/already exists/.test(r.stderr)) throw new Error(`user add failed: ${r.stderr}`);
  return dataDir;
}

export type Running = { proc: Spawned; origin: string };

export async function startApp(dataDir: string, env: Record<string, string> = {}): Promise<Running> {
  const { proc, origin } = await startServer('server/main.ts', [], { DATA_DIR: dataDir, ...env });
  return { proc, origin };
}

export type Session = { cookie: string; csrf: string };

export async function signIn(origin: string): Promise<Session> {
  const res = await fetch(`${origin}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ username: 'planner1', password: PASSWORD }) });
  if (!res.ok) throw new Error(`sign-in: ${res.status}`);
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie: res.headers.get('set-cookie')!.split(';')[0]!, csrf: csrfToken };
}

/** One planner write: set a plot's sector. Returns the new version when acknowledged (200). */
export async function writeSector(origin: string, s: Session, plotId: string, version: number, sector: string, timeoutMs = 10_000) {
  const res = await fetch(`${origin}/api/plots/${plotId}`, {
    method: 'PATCH',
    headers: { 'Content-Type': 'application/json', Cookie: s.cookie, 'X-CSRF-Token': s.csrf, 'If-Match': `"v${version}"` },
    body: JSON.stringify({ sector }),
    signal: AbortSignal.timeout(timeoutMs),
  });
  const body = (await res.json()) as { properties?: { version: number }; current?: { properties: { version: number } } };
  return { status: res.status, version: body.properties?.version ?? body.current?.properties.version ?? version };
}
