import type { ServerType } from '@hono/node-server';
import { readFileSync } from 'node:fs';
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
  let stopping = 0;
  const stop = (signal: NodeJS.Signals) => {
    // Ctrl-C reaches the server twice (from the terminal, and relayed by tsx): only a signal a
    // second or more after the first means "now".
    if (stopping && Date.now() - stopping < 1000) return;
    if (stopping) {
      console.error(`iz-atlas: ${signal} again, exiting now`);
      process.exit(1);
    }
    stopping = Date.now();
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
  stopWhenLauncherExits(() => {
    console.log('iz-atlas: npm start was stopped');
    stop('SIGTERM');
  });
}

/**
 * `npm start` runs npm → tsx → node. A SIGTERM to the npm process (what `kill` of the pid a user
 * sees does) ends npm without passing the signal on, which left the server running. So the server
 * watches the launchers between itself and the nearest npm (tsx, the `sh -c` npm uses, npm itself)
 * and stops gracefully, as on SIGTERM, once one of them is gone. Started some other way (node, tsx,
 * a service manager) there is no npm among its parents and nothing is watched.
 */
export function launchers(pid = process.ppid): number[] {
  const chain: number[] = [];
  for (let p = pid; p > 1 && chain.length < 6; ) {
    let cmd: string;
    let stat: string;
    try {
      cmd = readFileSync(`/proc/${p}/cmdline`, 'utf8').replace(/\0/g, ' ');
      stat = readFileSync(`/proc/${p}/stat`, 'utf8');
    } catch {
      return []; // no /proc (not Linux): nothing to watch
    }
    chain.push(p);
    if (/(^|\/)npm(-cli\.js)?\b|\bnpm (start|run)/.test(cmd)) return chain;
    if (!/tsx|^\S*sh -c/.test(cmd)) return [];
    p = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  }
  return [];
}

export function stopWhenLauncherExits(onGone: () => void, chain = launchers()): void {
  if (!chain.length) return;
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const timer = setInterval(() => {
    if (chain.every(alive)) return;
    clearInterval(timer);
    onGone();
  }, 500);
  timer.unref();
}
