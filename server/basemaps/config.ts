/**
 * Which online basemaps the server offers, read once at start: the file BASEMAPS_FILE names, else
 * DATA_DIR/basemaps.json if it exists, else the documented defaults (OpenStreetMap and Esri World
 * Imagery). A file that cannot be read or does not match the schema stops the start with a message
 * naming the file and the field, so an operator never runs with half a configuration.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { basemapList, DEFAULT_BASEMAPS, type BasemapService } from '../../geodata/basemaps.ts';

export const BASEMAPS_FILE_NAME = 'basemaps.json';

/** "[1].tiles[0]" for the path zod gives. */
function fieldName(path: readonly PropertyKey[]): string {
  return path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '') || '(the whole file)';
}

/** Parses a configuration file's text; throws naming the file and each bad field. */
export function parseBasemaps(text: string, file: string): BasemapService[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new Error(`${file} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = basemapList.safeParse(json);
  if (!parsed.success) {
    const fields = parsed.error.issues.map((i) => `${fieldName(i.path)}: ${i.message}`);
    throw new Error(`${file} is not a valid list of basemaps (see README, "Basemaps"): ${fields.join('; ')}`);
  }
  return parsed.data;
}

export function readBasemaps(env: NodeJS.ProcessEnv, dataDir: string): BasemapService[] {
  const file = env.BASEMAPS_FILE || join(dataDir, BASEMAPS_FILE_NAME);
  if (!existsSync(file)) {
    if (env.BASEMAPS_FILE) throw new Error(`BASEMAPS_FILE names ${file}, which does not exist`);
    return DEFAULT_BASEMAPS;
  }
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`${file} cannot be read: ${err instanceof Error ? err.message : String(err)}`);
  }
  return parseBasemaps(text, file);
}
