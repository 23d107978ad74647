/** The domain rules (geodata/rules/) over a whole dataset, so bundled data obeys what edits and imports must. */
import type { CheckIssue } from './check-issue.ts';
import { GEODATA_FILES } from './load.ts';
import { landUseAllows } from './rules/plot-rules.ts';
import { english } from './rules/reasons.ts';
import type { Dataset } from './schema.ts';

export function checkRules(ds: Dataset): CheckIssue[] {
  return ds.plots
    .filter((f) => !landUseAllows(f.properties.landUse, f.properties.status))
    .map((f) => ({
      file: GEODATA_FILES.plots,
      featureId: f.properties.id,
      problem: `${f.properties.landUse} land is ${f.properties.status}: ${english('landUseStatus')}`,
    }));
}
