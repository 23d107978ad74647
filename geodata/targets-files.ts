/**
 * Reads a dataset's targets.json and tour.json from disk. Kept apart from targets.ts, whose
 * schemas the browser bundle imports: node:fs must not reach the client.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { datasetFile } from './dataset-parts.ts';
import { type TargetsFile, targetsFileSchema, type Tour, tourSchema } from './targets.ts';

/** The file in the dataset (or in the first of its parts that has it). */
const pathOf = (dir: string, file: string) => datasetFile(dir, file) ?? join(dir, file);

export async function loadTargets(dir: string): Promise<TargetsFile> {
  return targetsFileSchema.parse(JSON.parse(await readFile(pathOf(dir, 'targets.json'), 'utf8')));
}
export async function loadTour(dir: string): Promise<Tour> {
  return tourSchema.parse(JSON.parse(await readFile(pathOf(dir, 'tour.json'), 'utf8')));
}
