/** `npm run geodata:check [DIR]`: exits 1 and lists `file: featureId: problem` on any issue. */
import { resolve } from 'node:path';
import { formatIssue, inspectDir } from './check.ts';
import { DEFAULT_GEODATA_DIR } from './load.ts';

const dir = process.argv[2] ? resolve(process.argv[2]) : DEFAULT_GEODATA_DIR;
const { dataset, issues } = await inspectDir(dir);

if (issues.length || !dataset) {
  for (const issue of issues) console.log(formatIssue(issue));
  console.error(`geodata:check: ${issues.length} issue(s) in ${dir}`);
  process.exit(1);
}
console.log(
  `geodata:check ok: ${dataset.zones.length} zones, ${dataset.plots.length} plots, ${dataset.context.length} context features, ${dataset.sources.length} sources (${dir})`,
);
