import { connect } from 'node:net';
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { freshDataDir, startApp, type Running } from './server-fixture.ts';

const dataDir = freshDataDir();
let app: Running | null = null;
afterAll(async () => {
  await app?.proc.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** Opens a raw connection, sends a request that never finishes, and times how long the server keeps it. */
function trickle(origin: string, partial: string): Promise<number> {
  const { hostname, port } = new URL(origin);
  return new Promise((resolve) => {
    const started = Date.now();
    const socket = connect(Number(port), hostname, () => socket.write(partial));
    socket.on('data', () => {});
    socket.on('close', () => resolve(Date.now() - started));
    socket.on('error', () => {});
  });
}

describe('slow or incomplete requests', () => {
  it('are cut off: unfinished headers after ~10 s, an unfinished body after ~30 s', async () => {
    app = await startApp(dataDir);
    const [headers, body] = await Promise.all([
      trickle(app.origin, 'GET /api/zones HTTP/1.1\r\nHost: x\r\nX-Slow: '),
      trickle(app.origin, 'POST /api/enquiries HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n{"name":'),
    ]);
    expect(headers).toBeLessThan(15_000);
    expect(body).toBeLessThan(45_000);
    // and the server still serves others
    expect((await fetch(`${app.origin}/api/health`)).status).toBe(200);
  }, 90_000);
});
