/**
 * Reads a geodata directory (five files) and validates it against the zod schemas. Schema
 * problems name the file, the feature's index and id, and the path inside it, so a broken edit
 * can be found without a debugger.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { loadTour } from './targets-files.ts';
import {
  contextFileSchema,
  plotsFileSchema,
  sourcesFileSchema,
  yearlyFileSchema,
  zonesFileSchema,
  type Dataset,
} from './schema.ts';

/** The bundled data of former Bắc Kạn province. */
export const DEFAULT_GEODATA_DIR = join(dirname(fileURLToPath(import.meta.url)), 'bac-kan');

export const GEODATA_FILES = {
  zones: 'zones.geojson',
  plots: 'plots.geojson',
  context: 'context.geojson',
  sources: 'sources.json',
  yearly: 'yearly.json',
} as const;

export type SchemaIssue = {
  file: string;
  /** Index of the feature (or array entry) the problem is in, when there is one. */
  index: number | null;
  /** Its id, when the entry has a readable one. */
  id: string | null;
  problem: string;
};

const formatPath = (path: PropertyKey[]) =>
  path.reduce<string>((s, k) => (typeof k === 'number' ? `${s}[${k}]` : s ? `${s}.${String(k)}` : String(k)), '');

const idOf = (entry: unknown): string | null => {
  if (typeof entry !== 'object' || entry === null) return null;
  const e = entry as { id?: unknown; zoneId?: unknown; indicator?: unknown; properties?: { id?: unknown } };
  const id = e.properties?.id ?? e.id ?? e.zoneId ?? e.indicator;
  return typeof id === 'string' ? id : null;
};

/** Where an issue path points: features[i] in GeoJSON, [i] in sources, zones[i] / province[i] in yearly. */
function locate(raw: unknown, path: PropertyKey[]): { index: number | null; id: string | null; rest: PropertyKey[] } {
  const [first, second, ...tail] = path;
  if (typeof first === 'number') return { index: first, id: idOf((raw as unknown[])[first]), rest: path.slice(1) };
  if (typeof first === 'string' && typeof second === 'number') {
    const list = (raw as Record<string, unknown>)[first];
    return { index: second, id: Array.isArray(list) ? idOf(list[second]) : null, rest: tail };
  }
  return { index: null, id: null, rest: path };
}

function schemaIssues(file: string, raw: unknown, error: z.ZodError): SchemaIssue[] {
  return error.issues.map((issue) => {
    const { index, id, rest } = locate(raw, issue.path);
    const where = formatPath(rest);
    return { file, index, id, problem: where ? `${where}: ${issue.message}` : issue.message };
  });
}

export function formatSchemaIssue(i: SchemaIssue): string {
  const entry = i.index === null ? '' : ` feature ${i.index}${i.id ? ` (${i.id})` : ''}:`;
  return `${i.file}:${entry} ${i.problem}`;
}

async function readJson(dir: string, file: string): Promise<{ raw?: unknown; issue?: SchemaIssue }> {
  let text: string;
  try {
    text = await readFile(join(dir, file), 'utf8');
  } catch (e) {
    return { issue: { file, index: null, id: null, problem: `cannot read: ${(e as Error).message}` } };
  }
  try {
    return { raw: JSON.parse(text) };
  } catch (e) {
    return { issue: { file, index: null, id: null, problem: `invalid JSON: ${(e as Error).message}` } };
  }
}

/** Reads and validates every file; returns all problems instead of stopping at the first. */
export async function readDataset(dir: string): Promise<{ dataset: Dataset | null; issues: SchemaIssue[] }> {
  const issues: SchemaIssue[] = [];
  const parse = async <S extends z.ZodTypeAny>(file: string, schema: S): Promise<z.infer<S> | null> => {
    const { raw, issue } = await readJson(dir, file);
    if (issue) {
      issues.push(issue);
      return null;
    }
    const result = schema.safeParse(raw);
    if (result.success) return result.data;
    issues.push(...schemaIssues(file, raw, result.error));
    return null;
  };
  const zones = await parse(GEODATA_FILES.zones, zonesFileSchema);
  const plots = await parse(GEODATA_FILES.plots, plotsFileSchema);
  const context = await parse(GEODATA_FILES.context, contextFileSchema);
  const sources = await parse(GEODATA_FILES.sources, sourcesFileSchema);
  const yearly = await parse(GEODATA_FILES.yearly, yearlyFileSchema);
  if (!zones || !plots || !context || !sources || !yearly) return { dataset: null, issues };
  return { dataset: { zones: zones.features, plots: plots.features, context: context.features, sources, yearly }, issues };
}

/** Loads a geodata directory; throws with every schema problem listed, one per line. */
export async function loadDataset(dir: string): Promise<Dataset> {
  const { dataset, issues } = await readDataset(dir);
  if (!dataset || issues.length) {
    const shown = issues.slice(0, 20).map(formatSchemaIssue);
    if (issues.length > shown.length) shown.push(`… and ${issues.length - shown.length} more`);
    throw new Error(`invalid geodata in ${dir}:\n${shown.join('\n')}`);
  }
  // The bundled tour is optional (another dataset may have none); the seed stores the figures its stops describe.
  if (existsSync(join(dir, 'tour.json'))) dataset.tour = await loadTour(dir);
  return dataset;
}
