import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * PGlite is a single-process database: a second process opening the same DATA_DIR would corrupt
 * it. The server records its pid; other commands refuse to open a DATA_DIR a live server holds.
 */
const pidPath = (dataDir: string) => join(dataDir, 'server.pid');

export function runningServerPid(dataDir: string): number | null {
  const path = pidPath(dataDir);
  if (!existsSync(path)) return null;
  const pid = Number(readFileSync(path, 'utf8'));
  if (!Number.isInteger(pid) || pid === process.pid) return null;
  return isLiveNode(pid) ? pid : null;
}

/**
 * A killed server can linger as a zombie until its parent reaps it, and after a reboot its pid
 * may belong to something else: only a running node process counts.
 */
function isLiveNode(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    if (state === 'Z' || state === 'X') return false;
    return /node|tsx/.test(readFileSync(`/proc/${pid}/cmdline`, 'utf8'));
  } catch {
    return true; // no /proc (not Linux): trust kill(0)
  }
}

/** Claims DATA_DIR for this process, creating it first: a CLI run before the first `npm start` finds none. */
export function claimDataDir(dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  const other = runningServerPid(dataDir);
  if (other) throw new Error(`DATA_DIR ${dataDir} is in use by process ${other}; stop it first (or delete ${pidPath(dataDir)} if no server is running)`);
  writeFileSync(pidPath(dataDir), String(process.pid));
}

export function releaseDataDir(dataDir: string): void {
  if (runningServerPid(dataDir) === null) rmSync(pidPath(dataDir), { force: true });
}
