/**
 * The first view's scripts carry no zod: its schemas cost ~60 ms to build before the map could
 * start, and only the forms need them (geodata/routes.ts holds what a call needs). An import of a
 * schema module from anything the first view loads would bring them back unseen; this catches it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readConfig } from '../../server/config.ts';
import { measureBundle } from '../bench/bundle-size.ts';

// Every zod schema object carries this property: a chunk holding zod's core has the name in it.
const ZOD_MARK = '_zod';

describe('the first view', () => {
  const assets = join(readConfig({}).clientDir, 'assets');
  const holdsZod = (file: string) => readFileSync(join(assets, file), 'utf8').includes(ZOD_MARK);

  it('loads its scripts without zod; the forms load it when opened', () => {
    const initial = measureBundle(join(assets, '..')).initial.map((f) => f.file);
    expect(initial.length).toBeGreaterThan(0);
    expect(initial.filter(holdsZod)).toEqual([]);
    // The mark is real: a chunk loaded later (the forms') holds zod.
    const later = readdirSync(assets).filter((f) => f.endsWith('.js') && !initial.includes(f));
    expect(later.filter(holdsZod).length).toBeGreaterThan(0);
  });
});
