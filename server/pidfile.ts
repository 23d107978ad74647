import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
}

export function claimDataDir(dataDir: string): void {
  const other = runningServerPid(dataDir);
  if (other) throw new Error(`DATA_DIR ${dataDir} is in use by process ${other}; stop it first`);
  writeFileSync(pidPath(dataDir), String(process.pid));
}

export function releaseDataDir(dataDir: string): void {
  if (runningServerPid(dataDir) === null) rmSync(pidPath(dataDir), { force: true });
}
