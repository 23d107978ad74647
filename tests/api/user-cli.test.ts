import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'iz-atlas-cli-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs `npm run user -- ARGS` the way an operator would, with a password on stdin. */
const user = (args: string[], stdin = '') =>
  spawnSync('node_modules/.bin/tsx', ['server/cli/user.ts', ...args], { input: stdin, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' });

describe('npm run user', () => {
  it('adds a planner from stdin and lists it, never showing the password', () => {
    const add = user(['add', '--username', 'Lan.Nguyen', '--role', 'planner', '--password-stdin'], 'mật khẩu đủ dài 2026\n');
    expect(add.stderr).toBe('');
    expect(add.status).toBe(0);
    const list = user(['list']);
    expect(list.stdout).toContain('lan.nguyen\tplanner');
    expect(list.stdout + add.stdout).not.toContain('mật khẩu');
  }, 60_000);

  it.each([
    [['add', '--username', 'x1', '--role', 'planner', '--password-stdin'], 'short', /at least 12/],
    [['add', '--username', 'x2', '--role', 'planner'], 'long enough password', /password-stdin/],
    [['add', '--username', 'x3', '--role', 'boss', '--password-stdin'], 'long enough password', /--role/],
    [['add', '--username', 'lan.nguyen', '--role', 'admin', '--password-stdin'], 'long enough password', /already exists/],
  ])('refuses %j with a clear message', (args, stdin, message) => {
    const r = user(args, stdin);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(message);
  }, 60_000);

  // PGlite only: with DATABASE_URL the CLI leaves DATA_DIR alone (PostgreSQL takes many processes).
  it.skipIf(!!process.env.DATABASE_URL)('refuses to open a DATA_DIR that a running server holds', () => {
    // Another live node process stands in for the server.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    writeFileSync(join(dataDir, 'server.pid'), String(holder.pid));
    try {
      const r = user(['list']);
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/in use by process/);
    } finally {
      holder.kill('SIGKILL');
      rmSync(join(dataDir, 'server.pid'));
    }
  });

  it.skipIf(!!process.env.DATABASE_URL)('takes over a DATA_DIR whose server died (a stale pid file)', async () => {
    const dead = spawn(process.execPath, ['-e', '0']);
    await new Promise((r) => dead.on('exit', r));
    writeFileSync(join(dataDir, 'server.pid'), String(dead.pid));
    expect(user(['list']).status).toBe(0);
  }, 60_000);

  // The README's first step: on a new machine DATA_DIR does not exist until something creates it.
  it.skipIf(!!process.env.DATABASE_URL)('creates the database on a new DATA_DIR before the first server start', () => {
    const fresh = join(dataDir, 'new', 'data');
    const r = spawnSync('node_modules/.bin/tsx', ['server/cli/user.ts', 'add', '--username', 'first.admin', '--role', 'admin', '--password-stdin'], {
      input: 'a passphrase of 12+ characters\n',
      env: { ...process.env, DATA_DIR: fresh },
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('created admin "first.admin"');
    // Released again, so the server can start on it.
    expect(existsSync(join(fresh, 'server.pid'))).toBe(false);
  }, 60_000);
});
