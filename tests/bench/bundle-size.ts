import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gzipSync } from 'node:zlib';

export type SizedFile = { file: string; raw: number; gzip: number };

function sized(path: string): SizedFile {
  const raw = readFileSync(path);
  return { file: basename(path), raw: raw.length, gzip: gzipSync(raw, { level: 9 }).length };
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
}

/** Scripts the browser fetches before the app can run: the module entry and its modulepreloads. */
function initialScripts(html: string): string[] {
  const urls: string[] = [];
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = attr(tag, 'src');
    if (attr(tag, 'type') === 'module' && src) urls.push(src);
  }
  for (const [tag] of html.matchAll(/<link\b[^>]*>/g)) {
    const href = attr(tag, 'href');
    if (attr(tag, 'rel') === 'modulepreload' && href) urls.push(href);
  }
  return urls;
}

export type BundleSize = { initial: SizedFile[]; initialGzip: number; maplibre: SizedFile | null; worker: SizedFile | null };

export function measureBundle(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  // Built with base '/' (app) or './' (bare): both resolve against the dist root.
  const initial = initialScripts(html).map((u) => sized(join(distDir, u.replace(/^\.?\//, ''))));
  const workerName = readdirSync(join(distDir, 'assets')).find((f) => /^maplibre-gl-worker-.*\.mjs$/.test(f));
  return {
    initial,
    initialGzip: initial.reduce((s, f) => s + f.gzip, 0),
    maplibre: initial.find((f) => f.file.startsWith('maplibre-')) ?? null,
    worker: workerName ? sized(join(distDir, 'assets', workerName)) : null,
  };
}
