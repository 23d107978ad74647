import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PROJECT_ROOT } from './config.ts';

/** Newest modification time under the folders the client bundle is built from. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : statSync(p).mtimeMs);
  }
  return newest;
}

export function clientIsStale(clientDir: string): boolean {
  const index = join(clientDir, 'index.html');
  if (!existsSync(index)) return true;
  const inputs = ['client', 'geodata'].map((d) => newestMtime(join(PROJECT_ROOT, d)));
  return Math.max(...inputs) > statSync(index).mtimeMs;
}

/** `npm start` on a fresh clone builds the client once; later starts skip it unless sources changed. */
export async function buildClientIfNeeded(clientDir: string): Promise<boolean> {
  if (!clientIsStale(clientDir)) return false;
  console.log('Building the client (first start or changed sources)…');
  const { build } = await import('vite');
  // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(PROJECT_ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
  return true;
}
