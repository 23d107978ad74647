import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, PROJECT_ROOT } from '../bench/processes.ts';

const dirs: string[] = [];
const started: ChildProcess[] = [];
afterAll(() => {
  for (const p of started) {
    try {
      process.kill(-p.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const groupAlive = (pgid: number) => {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
};
async function until(what: string, ok: () => boolean | Promise<boolean>, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await ok())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
const healthy = async (origin: string) => {
  try {
    return (await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) })).ok;
  } catch {
    return false;
  }
};

describe('stopping what `npm start` started', () => {
  // SIGTERM as `kill PID` of npm sends it (npm does not pass it on: the server notices npm is gone);
  // SIGINT as Ctrl-C sends it, to the whole foreground process group.
  it.each(['SIGTERM', 'SIGINT'] as const)('%s: stops accepting, finishes the request in flight, closes the database, exits', async (signal) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'iz-atlas-stop-'));
    dirs.push(dataDir);
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    // As an operator runs it; its own process group, so the test can tell when every process is gone.
    const npm = spawn('npm', ['start'], { cwd: PROJECT_ROOT, env: { ...process.env, DATA_DIR: dataDir, PORT: String(port) }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    started.push(npm);
    let out = '';
    npm.stdout!.on('data', (d: Buffer) => (out += d.toString()));
    npm.stderr!.on('data', (d: Buffer) => (out += d.toString()));
    const exited = new Promise<number | null>((r) => npm.on('exit', (code) => r(code)));
    await until('a healthy server', () => healthy(origin), 240_000);
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(true);

    // A request in flight: headers and half the body sent when the signal arrives.
    const body = JSON.stringify({ name: 'Nhà đầu tư', email: 'investor@example.com', zoneId: 'ccn-vang-muoi', message: 'Còn đất không?' });
    const bytes = Buffer.from(body);
    const socket = connect(port, '127.0.0.1');
    await new Promise((r) => socket.once('connect', r));
    let answer = '';
    socket.on('data', (d: Buffer) => (answer += d.toString()));
    const closed = new Promise((r) => socket.once('close', r));
    // "Expect: 100-continue": the server's "100 Continue" says it has read the headers, so the
    // request is in flight on its side too, not still in the queue of connections to accept.
    socket.write(`POST /api/enquiries HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: ${bytes.length}\r\nExpect: 100-continue\r\n\r\n`);
    await until('the server to have read the headers', () => /^HTTP\/1\.1 100 Continue/.test(answer), 30_000);
    socket.write(bytes.subarray(0, 10));

    process.kill(signal === 'SIGINT' ? -npm.pid! : npm.pid!, signal);
    await until('the server to say it is stopping', () => /stopping/.test(out), 30_000);
    // No new connections…
    await until('new connections to be refused', async () => !(await healthy(origin)), 30_000);
    // …but the request in flight is answered.
    // Written, not ended: a client that half-closes its side first has its request aborted by Node.
    socket.write(bytes.subarray(10));
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 201/);

    // npm itself dies of the signal (no exit code); the server's own clean exit shows as "stopped" below.
    await exited;
    await until('every process npm start made to exit', () => !groupAlive(npm.pid!), 30_000);
    expect(out).toMatch(/stopped/);
    // The database was closed cleanly and DATA_DIR released.
    expect(existsSync(join(dataDir, 'server.pid'))).toBe(false);
  });
});
