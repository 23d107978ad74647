import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { describeUrl } from '../../server/db/postgres.ts';
import { makeSnapshot, preparePgTemplate, testDatabaseUrl } from './db.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** A PGlite snapshot file, or "postgres:TEMPLATE" when the tests run on DATABASE_URL. */
    dbSnapshot: string;
  }
}

/**
 * Pays for the migrations and the seeding once per run instead of once per test file: a PGlite
 * snapshot by default, a template database on the PostgreSQL server DATABASE_URL names.
 * `npm run test:api:pg` sets IZ_TEST_DB=postgres, which makes a missing DATABASE_URL an error.
 */
export default async function setup(project: TestProject) {
  const url = testDatabaseUrl();
  if (process.env.IZ_TEST_DB === 'postgres' && !url) {
    throw new Error(
      'npm run test:api:pg needs DATABASE_URL=postgres://USER:PASSWORD@HOST:PORT/NAME_test: a scratch database (its name must contain "test"; it is dropped and recreated) and a role with CREATEDB. .ci/run starts such a server.',
    );
  }
  if (url) {
    console.log(`API tests on PostgreSQL: ${describeUrl(url)}`);
    const { snapshot, teardown } = await preparePgTemplate(url);
    project.provide('dbSnapshot', snapshot);
    return teardown;
  }
  const dir = mkdtempSync(join(tmpdir(), 'iz-atlas-snapshot-'));
  const file = join(dir, 'seeded.tar');
  writeFileSync(file, Buffer.from(await (await makeSnapshot()).arrayBuffer()));
  project.provide('dbSnapshot', file);
  return () => rmSync(dir, { recursive: true, force: true });
}
