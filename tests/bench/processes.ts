import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sleep } from './stats.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../..', import.meta.url));
// The binary itself, not npx/npm: those leave the server running when their PID is killed.
const TSX = join(PROJECT_ROOT, 'node_modules/.bin/tsx');

export type Spawned = {
  pid: number;
  /** Resolves with the exit code once the tsx process has exited. */
  exited: Promise<number | null>;
  hasExited(): boolean;
  output(): string;
  stop(): Promise<void>;
};

const live = new Set<Spawned>();

function groupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

function signalGroup(pgid: number, signal: NodeJS.Signals) {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: already gone.
  }
}

/**
 * Runs a .ts file with tsx in its own process group. tsx runs the script in a child node process,
 * so stopping signals the whole group (by our own PID) rather than just the tsx PID.
 */
export function spawnTsx(script: string, args: string[], env: Record<string, string>): Spawned {
  const child = spawn(TSX, [script, ...args], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, ...env },
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error(`could not spawn tsx ${script}`);
  const pid = child.pid;
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (out += d.toString()));
  let done = false;
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      done = true;
      resolve(code);
    });
  });
  const proc: Spawned = {
    pid,
    exited,
    hasExited: () => done,
    output: () => out,
    async stop() {
      live.delete(proc);
      signalGroup(pid, 'SIGTERM');
      // A clean SIGTERM lets PGlite flush, so the next start reopens a consistent data dir.
      await Promise.race([exited, sleep(5000)]);
      for (let i = 0; i < 50 && groupAlive(pid); i++) await sleep(20);
      if (groupAlive(pid)) signalGroup(pid, 'SIGKILL');
      await Promise.race([exited, sleep(2000)]);
    },
  };
  live.add(proc);
  return proc;
}

/** Stops everything spawnTsx started and that is still running; used by the final cleanup. */
export async function stopAll() {
  await Promise.all([...live].map((p) => p.stop()));
}

/** A port that was free a moment ago: each start gets its own, so a lingering socket never interferes. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => resolve(port));
    });
  });
}

/** Polls GET /api/health until it answers {status:'ok'}; fails fast if the process dies first. */
export async function waitForHealth(url: string, proc: Spawned, { intervalMs = 10, timeoutMs = 60_000 } = {}) {
  const deadline = performance.now() + timeoutMs;
  while (performance.now() < deadline) {
    if (proc.hasExited()) throw new Error(`process exited before it was healthy:\n${proc.output()}`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok && ((await res.json()) as { status?: string }).status === 'ok') return;
      await res.body?.cancel();
    } catch {
      // Not listening yet.
    }
    await sleep(intervalMs);
  }
  throw new Error(`no healthy answer from ${url} within ${timeoutMs} ms:\n${proc.output()}`);
}

/** Starts a tsx server on a fresh port and returns once healthy, with the time that took. */
export async function startServer(script: string, args: string[], env: Record<string, string>) {
  const port = await freePort();
  const origin = `http://127.0.0.1:${port}`;
  const t0 = performance.now();
  const proc = spawnTsx(script, args, { ...env, HOST: '127.0.0.1', PORT: String(port) });
  try {
    await waitForHealth(`${origin}/api/health`, proc);
  } catch (err) {
    await proc.stop();
    throw err;
  }
  return { proc, origin, ms: performance.now() - t0 };
}

/** The node processes of a spawned tsx server: tsx itself and the child that runs the script. */
function processTree(pid: number): number[] {
  const out = [pid];
  try {
    const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
    for (const c of children) out.push(...processTree(c));
  } catch {
    // Gone, or not Linux.
  }
  return out;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const m = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/**
 * Resident memory of the server: the largest process in the tree (the node that runs the app,
 * not the tsx launcher), now and at its peak, in MB. Null where /proc is not available.
 */
export function serverMemory(proc: Spawned): { rssMb: number; peakMb: number; launcherMb: number } | null {
  const tree = processTree(proc.pid);
  const sizes = tree.map((pid) => ({ pid, rss: statusKb(pid, 'VmRSS'), hwm: statusKb(pid, 'VmHWM') }));
  const main = sizes.reduce((a, b) => (b.rss > a.rss ? b : a), sizes[0]!);
  if (!main.rss) return null;
  return { rssMb: main.rss / 1024, peakMb: main.hwm / 1024, launcherMb: sizes.filter((s) => s !== main).reduce((n, s) => n + s.rss, 0) / 1024 };
}
