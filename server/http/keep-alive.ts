import type { Server } from 'node:http';
import type { Socket } from 'node:net';

/**
 * Closes idle keep-alive connections without cutting off a request already sent on one.
 *
 * Node closes a connection idle for `keepAliveTimeout` from its timers phase, which runs before
 * the event loop reads what arrived meanwhile. When the loop is busy (200 clients, planners
 * saving), a request a client sent just before the timeout is still unread when the timer fires:
 * the socket is destroyed with data in it and the client gets ECONNRESET for a request the server
 * never saw (the load test's "network errors"; a browser retries a GET, never a planner's save).
 * With a listener on 'timeout' Node leaves the socket open; this one waits one turn of the loop
 * and closes it only if nothing arrived, and Node clears the idle timer when a request starts.
 */
export function closeIdleConnectionsSafely(server: Server): void {
  server.on('timeout', (socket: Socket) => {
    const read = socket.bytesRead;
    setImmediate(() => {
      if (!socket.destroyed && socket.bytesRead === read) socket.destroy();
    });
  });
}
