/**
 * `npm run geodata:synth -- --zones 1600 --plots 200000 --seed 1 [--out DIR] [--check]`: writes a
 * synthetic national dataset (the five geodata files) for load tests and benchmarks. Default
 * output: data/synth-national (git-ignored). With --check it also runs geodata:check on it.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { PROJECT_ROOT_DIR } from './paths.ts';
import { datasetFiles, generateNational } from './generate.ts';

export const DEFAULT_SYNTH_DIR = join(PROJECT_ROOT_DIR, 'data/synth-national');

const { values } = parseArgs({
  options: {
    zones: { type: 'string', default: '1600' },
    plots: { type: 'string', default: '200000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    check: { type: 'boolean', default: false },
  },
});

const int = (name: string, s: string) => {
  const n = Number(s);
  if (!Number.isInteger(n)) throw new Error(`--${name} must be an integer, got "${s}"`);
  return n;
};

const t0 = performance.now();
const opts = { zones: int('zones', values.zones), plots: int('plots', values.plots), seed: int('seed', values.seed) };
const out = values.out ? resolve(values.out) : DEFAULT_SYNTH_DIR;
const ds = generateNational(opts);
await mkdir(out, { recursive: true });
const files = datasetFiles(ds);
let bytes = 0;
for (const [name, text] of Object.entries(files)) {
  await writeFile(join(out, name), text);
  bytes += Buffer.byteLength(text);
}
console.log(
  `geodata:synth: ${ds.zones.length} zones (${ds.zones.filter((z) => z.properties.kind === 'KCN').length} KCN), ${ds.plots.length} plots, seed ${opts.seed} → ${out} (${(bytes / 1e6).toFixed(1)} MB, ${Math.round(performance.now() - t0)} ms)`,
);

if (values.check) {
  const { formatIssue, inspectDir } = await import('../check.ts');
  const t1 = performance.now();
  const { issues } = await inspectDir(out);
  for (const issue of issues.slice(0, 50)) console.log(formatIssue(issue));
  console.log(`geodata:check: ${issues.length} issue(s) in ${Math.round(performance.now() - t1)} ms`);
  if (issues.length) process.exit(1);
}
