/**
 * The CPU-heavy half of an import: read the file (any format), reproject and check every feature
 * against what the database holds (`ctx`, read beforehand). Pure data in and out, so the upload
 * endpoint runs it in the heavy-work thread while the CLI runs it in process.
 */
import type { Layer } from './attributes.ts';
import { analyse, type Analysis, type ImportContext } from './engine.ts';
import { readLayerFile, type RawLayer } from './readers.ts';

export type UploadToAnalyse = {
  bytes: Uint8Array;
  fileName: string | null;
  layer: Layer;
  zone: string | null;
  crs: string | null;
  maxBytes: number;
  ctx: ImportContext;
};

export type AnalysedUpload = {
  file: { format: RawLayer['format']; layerName: string | null; encoding: string | null; features: number };
  analysis: Analysis;
};

export async function readAndAnalyse(u: UploadToAnalyse): Promise<AnalysedUpload> {
  const raw = await readLayerFile(u.bytes, u.fileName, { layer: u.layer, hasCrsOption: !!u.crs, maxBytes: u.maxBytes });
  const analysis = analyse(raw, { layer: u.layer, zone: u.zone, crs: u.crs, fileName: u.fileName }, u.ctx);
  return { file: { format: raw.format, layerName: raw.layerName, encoding: raw.encoding, features: raw.features.length }, analysis };
}
