/**
 * Reads a geodata directory (five files) and validates it against the zod schemas. Schema
 * problems name the file, the feature's index and id, and the path inside it, so a broken edit
 * can be found without a debugger.
 */
import { readFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { datasetFile, datasetParts } from './dataset-parts.ts';
import { loadTour } from './targets-files.ts';
import {
  contextFileSchema,
  plotsFileSchema,
  sourcesFileSchema,
  yearlyFileSchema,
  zonesFileSchema,
  type Dataset,
  type Source,
} from './schema.ts';

const HERE = dirname(fileURLToPath(import.meta.url));
/** The bundled data of the region of former Bắc Kạn province (its generator: build/make-bac-kan.ts). */
export const BAC_KAN_GEODATA_DIR = join(HERE, 'bac-kan');
/** The bundled data of the region of former Thái Nguyên province (build/make-thai-nguyen.ts). */
export const THAI_NGUYEN_GEODATA_DIR = join(HERE, 'thai-nguyen');
/**
 * The bundled dataset: the whole of Thái Nguyên province since 1 July 2025, one dataset made of
 * the two regions' directories, which its dataset.json lists (see readDataset).
 */
export const DEFAULT_GEODATA_DIR = join(HERE, 'province');

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

/**
 * One dataset from several parts (the regions of a province): features, sources and timelines
 * side by side. A source cited by two parts must be the same record in both; ids must not repeat
 * (geodata:check reports repeated zone ids like any other).
 */
export function mergeDatasets(parts: Dataset[]): { dataset: Dataset; issues: SchemaIssue[] } {
  const issues: SchemaIssue[] = [];
  const sources = new Map<string, Source>();
  for (const part of parts) {
    for (const s of part.sources) {
      const known = sources.get(s.id);
      if (!known) sources.set(s.id, s);
      else if (JSON.stringify(known) !== JSON.stringify(s)) issues.push({ file: GEODATA_FILES.sources, index: null, id: s.id, problem: `source ${s.id} differs between the dataset's parts` });
    }
  }
  const tour = parts.find((p) => p.tour)?.tour;
  const dataset: Dataset = {
    zones: parts.flatMap((p) => p.zones),
    plots: parts.flatMap((p) => p.plots),
    context: parts.flatMap((p) => p.context),
    sources: [...sources.values()],
    yearly: { zones: parts.flatMap((p) => p.yearly.zones), province: parts.flatMap((p) => p.yearly.province) },
    ...(tour ? { tour } : {}),
  };
  return { dataset, issues };
}

/** Reads and validates every file (of every part); returns all problems instead of stopping at the first. */
export async function readDataset(dir: string): Promise<{ dataset: Dataset | null; issues: SchemaIssue[] }> {
  const parts = datasetParts(dir);
  if (parts.length === 1 && parts[0] === dir) return readOneDirectory(dir);
  const read = await Promise.all(parts.map(readOneDirectory));
  // A part's problems name the part: "thai-nguyen/zones.geojson".
  const issues = read.flatMap((r, i) => r.issues.map((issue) => ({ ...issue, file: `${basename(parts[i]!)}/${issue.file}` })));
  const datasets = read.map((r) => r.dataset);
  if (datasets.some((d) => d === null)) return { dataset: null, issues };
  const merged = mergeDatasets(datasets as Dataset[]);
  return { dataset: merged.dataset, issues: [...issues, ...merged.issues] };
}

async function readOneDirectory(dir: string): Promise<{ dataset: Dataset | null; issues: SchemaIssue[] }> {
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
  if (datasetFile(dir, 'tour.json')) dataset.tour = await loadTour(dir);
  return dataset;
}
