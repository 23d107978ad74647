/** Reads geodata/province-facts.json (node only: the browser gets it from GET /api/province-facts). */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ProvinceFacts, provinceFactsSchema } from './province-facts.ts';

export const PROVINCE_FACTS_FILE = join(dirname(fileURLToPath(import.meta.url)), 'province-facts.json');

export function loadProvinceFacts(file = PROVINCE_FACTS_FILE): ProvinceFacts {
  return provinceFactsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}
