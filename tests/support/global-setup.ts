import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { makeSnapshot } from './db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    dbSnapshot: string;
  }
}

/** Pays for PGlite's initdb and the seeding once per run instead of once per test file. */
export default async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'iz-atlas-snapshot-'));
  const file = join(dir, 'seeded.tar');
  writeFileSync(file, Buffer.from(await (await makeSnapshot()).arrayBuffer()));
  project.provide('dbSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
