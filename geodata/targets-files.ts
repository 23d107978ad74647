/**
 * Reads a dataset's targets.json and tour.json from disk. Kept apart from targets.ts, whose
 * schemas the browser bundle imports: node:fs must not reach the client.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type TargetsFile, targetsFileSchema, type Tour, tourSchema } from './targets.ts';

export async function loadTargets(dir: string): Promise<TargetsFile> {
  return targetsFileSchema.parse(JSON.parse(await readFile(join(dir, 'targets.json'), 'utf8')));
}
export async function loadTour(dir: string): Promise<Tour> {
  return tourSchema.parse(JSON.parse(await readFile(join(dir, 'tour.json'), 'utf8')));
}
