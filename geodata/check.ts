/**
 * geodata:check: everything the schema alone cannot say about a dataset. Each issue names the
 * file and the feature so it can be fixed by hand.
 */
import type { Dataset } from './schema.ts';
import { checkCommunes } from './check-communes.ts';
import { checkFigures } from './check-figures.ts';
import { checkGeometry } from './check-geometry.ts';
import { checkProvenance } from './check-provenance.ts';
import { checkReferences } from './check-references.ts';
import { checkRules } from './check-rules.ts';
import { checkTargetsAndTour } from './check-targets.ts';
import type { CheckIssue } from './check-issue.ts';
import { readDataset } from './load.ts';

export type { CheckIssue };

export function checkDataset(ds: Dataset): CheckIssue[] {
  return [...checkReferences(ds), ...checkGeometry(ds), ...checkFigures(ds), ...checkRules(ds), ...checkProvenance(ds), ...checkCommunes(ds)];
}

/** Loads and checks a directory, keeping the dataset (null when a file failed its schema). */
export async function inspectDir(dir: string): Promise<{ dataset: Dataset | null; issues: CheckIssue[] }> {
  const { dataset, issues } = await readDataset(dir);
  const schemaIssues = issues.map(
    (i): CheckIssue => ({
      file: i.file,
      featureId: i.id,
      problem: i.index === null ? `schema: ${i.problem}` : `schema: feature ${i.index}: ${i.problem}`,
    }),
  );
  if (!dataset) return { dataset, issues: schemaIssues };
  return { dataset, issues: [...schemaIssues, ...checkDataset(dataset), ...(await checkTargetsAndTour(dir, dataset))] };
}

/** Loads and checks a directory; schema errors come back as issues instead of being thrown. */
export async function checkDir(dir: string): Promise<CheckIssue[]> {
  return (await inspectDir(dir)).issues;
}

export const formatIssue = (i: CheckIssue) => `${i.file}: ${i.featureId ?? '-'}: ${i.problem}`;
