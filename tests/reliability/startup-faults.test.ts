import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../bench/processes.ts';

const scratch = mkdtempSync(join(tmpdir(), 'iz-atlas-faults-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Starts the server and expects it to give up: returns its exit code and what it said. */
function startExpectingFailure(env: Record<string, string>) {
  const r = spawnSync(join(PROJECT_ROOT, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { status: r.status, output: `${r.stdout}${r.stderr}`, timedOut: r.error !== undefined };
}

describe('start-up faults give a clear error and a non-zero exit', () => {
  it('DATA_DIR that cannot be a directory', () => {
    const file = join(scratch, 'not-a-dir');
    writeFileSync(file, 'x');
    const r = startExpectingFailure({ DATA_DIR: file });
    expect(r.timedOut).toBe(false);
    expect(r.status).not.toBe(0);
    expect(r.output).toMatch(/could not start/);
    expect(r.output).toContain(file);
  });

  it('a full disk under DATA_DIR', () => {
    const mnt = join(scratch, 'full');
    mkdirSync(mnt);
    // A 4 MiB tmpfs, filled up: initdb needs tens of MiB.
    const mount = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=4m', 'tmpfs', mnt], { encoding: 'utf8' });
    expect(mount.status, `mount tmpfs: ${mount.stderr}`).toBe(0);
    try {
      spawnSync('dd', ['if=/dev/zero', `of=${join(mnt, 'filler')}`, 'bs=1M', 'count=8'], { encoding: 'utf8' });
      const r = startExpectingFailure({ DATA_DIR: join(mnt, 'data') });
      expect(r.timedOut).toBe(false);
      expect(r.status).not.toBe(0);
      expect(r.output).toMatch(/could not start/);
    } finally {
      spawnSync('umount', [mnt]);
    }
  });

  it('a corrupt geodata file at first start, naming the file and the feature', () => {
    const geodata = join(scratch, 'geodata');
    cpSync(join(PROJECT_ROOT, 'geodata/bac-kan'), geodata, { recursive: true });
    const zones = JSON.parse(readFileSync(join(geodata, 'zones.geojson'), 'utf8')) as { features: { properties: { status: string } }[] };
    zones.features[3]!.properties.status = 'teleported';
    writeFileSync(join(geodata, 'zones.geojson'), JSON.stringify(zones));
    const r = startExpectingFailure({ DATA_DIR: join(scratch, 'fresh'), GEODATA: geodata });
    expect(r.status).not.toBe(0);
    expect(r.output).toContain('zones.geojson');
    expect(r.output).toMatch(/feature 3/);
    expect(r.output).toContain('status');
  });
});
