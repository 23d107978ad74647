/**
 * A dataset is a directory of the five geodata files, or a directory whose dataset.json lists part
 * directories (the regions of a province), read as one dataset (load.ts mergeDatasets). Node only.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** A directory whose dataset.json lists part directories is one dataset made of those parts. */
const PARTS_FILE = 'dataset.json';

/** The directories a dataset is read from: its parts (relative to it, in order), or itself. */
export function datasetParts(dir: string): string[] {
  const manifest = join(dir, PARTS_FILE);
  if (!existsSync(manifest)) return [dir];
  const { parts } = JSON.parse(readFileSync(manifest, 'utf8')) as { parts: string[] };
  return parts.flatMap((part) => datasetParts(resolve(dir, part)));
}

/** The path of one of a dataset's optional files (targets.json, tour.json): in the first part that has it, or null. */
export function datasetFile(dir: string, file: string): string | null {
  for (const part of datasetParts(dir)) if (existsSync(join(part, file))) return join(part, file);
  return null;
}

