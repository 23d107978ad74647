import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The client's one data path, checked over its source: only client/api.ts calls fetch (the
 * contract types every call), and no data file of a dataset is bundled, so the app shows the
 * dataset the server was started with, whatever GEODATA names.
 */
const ROOT = join(import.meta.dirname, '../..');
const CLIENT = join(ROOT, 'client');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.(ts|tsx)$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}
const files = sources(CLIENT).map((f) => ({ path: relative(ROOT, f), text: readFileSync(f, 'utf8') }));

describe('the client data path', () => {
  it('calls fetch only in client/api.ts', () => {
    const callers = files.filter((f) => /(^|[^.\w])fetch\s*\(/.test(f.text.replace(/\/\/.*$|\/\*[\s\S]*?\*\//gm, ''))).map((f) => f.path);
    expect(callers).toEqual(['client/api.ts']);
  });

  it('bundles no dataset file from geodata/ (yearly figures and the tour come from the API)', () => {
    const bundled = files.flatMap((f) => [...f.text.matchAll(/from\s+['"]([^'"]*geodata\/[^'"]+\.(json|geojson))['"]|import\(\s*['"]([^'"]*geodata\/[^'"]+\.(json|geojson))['"]/g)].map((m) => `${f.path}: ${m[1] ?? m[3]}`));
    expect(bundled).toEqual([]);
  });
});
