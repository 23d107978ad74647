import type { ServerType } from '@hono/node-server';
import type { Server } from 'node:http';

/** How long requests in flight may take to finish after SIGTERM/SIGINT before their connections are cut. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Stops on SIGTERM (service managers, `kill`) and SIGINT (Ctrl-C): stop accepting connections,
 * let requests in flight finish (at most SHUTDOWN_GRACE_MS), then close the database and exit 0.
 * A second signal exits at once. Idle keep-alive connections are closed as soon as they are idle,
 * so a browser holding one open does not hold up the stop.
 */
export function stopOnSignals(server: ServerType, close: () => Promise<void>, graceMs = SHUTDOWN_GRACE_MS): void {
  const http = server as Server;
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      console.error(`iz-atlas: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = true;
    console.log(`iz-atlas: ${signal}: stopping (no new connections; requests in flight get up to ${graceMs / 1000} s)`);
    const idle = setInterval(() => http.closeIdleConnections(), 100);
    const cut = setTimeout(() => http.closeAllConnections(), graceMs);
    http.close(() => {
      clearInterval(idle);
      clearTimeout(cut);
      close().then(
        () => {
          console.log('iz-atlas: stopped');
          process.exit(0);
        },
        (err: unknown) => {
          console.error(`iz-atlas: closing the database failed: ${err instanceof Error ? err.message : String(err)}`);
          process.exit(1);
        },
      );
    });
    http.closeIdleConnections();
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
