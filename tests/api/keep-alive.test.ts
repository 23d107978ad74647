import { spawn } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import type { Socket } from 'node:net';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { closeIdleConnectionsSafely } from '../../server/http/keep-alive.ts';

let server: Server | null = null;
afterEach(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

/**
 * A client in another process, so it can send while this one is busy: one request, then on "go"
 * a second one on the same connection 50 ms later. It prints each outcome (status line or error).
 */
const CLIENT = `
const socket = require('net').connect(Number(process.argv[1]), '127.0.0.1');
let text = '';
socket.on('data', (c) => { text += c; if (text.endsWith('\\r\\n\\r\\nok')) { console.log(text.split('\\r\\n')[0]); text = ''; } });
socket.on('error', (e) => console.log(e.code));
socket.on('close', () => { console.log('closed'); process.exit(0); });
const ask = () => socket.write('GET / HTTP/1.1\\r\\nHost: localhost\\r\\n\\r\\n');
socket.on('connect', ask);
process.stdin.once('data', () => setTimeout(ask, 50));`;

/** Blocks this process's event loop, as a burst of requests or a long query does. */
function busy(ms: number) {
  const until = performance.now() + ms;
  while (performance.now() < until);
}

async function keepAliveAfterStall() {
  const srv = createServer((_req, res) => res.end('ok'));
  server = srv;
  closeIdleConnectionsSafely(srv);
  const serverEnd = new Promise<Socket>((r) => srv.once('connection', r));
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const child = spawn(process.execPath, ['-e', CLIENT, String((srv.address() as { port: number }).port)], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  expect((await lines.next()).value).toBe('HTTP/1.1 200 OK');
  const socket = await serverEnd;
  // The connection is idle. The client sends its next request while this process is busy, and
  // the idle timer fires (from the loop's timers phase) before the loop has read that request.
  child.stdin.write('go\n');
  setTimeout(() => socket.emit('timeout'), 0);
  busy(300);
  const outcome = (await lines.next()).value;
  child.kill();
  return outcome;
}

describe('idle keep-alive connections on a busy server', () => {
  it('answer a request that arrived while the server was busy, after the idle timeout', async () => {
    expect(await keepAliveAfterStall()).toBe('HTTP/1.1 200 OK');
  });
});
