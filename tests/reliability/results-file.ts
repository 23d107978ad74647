import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Writes a test's figures to tests/reliability/results/<name>.json, which the README quotes. */
export function writeResults(name: string, figures: object): void {
  const dir = join(import.meta.dirname, 'results');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, `${name}.json`), `${JSON.stringify(figures, null, 2)}\n`);
}
