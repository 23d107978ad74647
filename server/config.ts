import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /** Geodata folder used to seed an empty database. */
  geodataDir: string;
  clientDir: string;
};

/** Reads the environment once; every default is documented in README.md. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  if (env.PUBLIC_URL && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(env.PUBLIC_URL)) {
    throw new Error(`PUBLIC_URL must be an http:// or https:// address such as https://atlas.example.vn, got "${env.PUBLIC_URL}"`);
  }
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir: resolve(env.DATA_DIR ?? './data'),
    geodataDir: resolve(env.GEODATA ?? resolve(PROJECT_ROOT, 'geodata/bac-kan')),
    clientDir: resolve(PROJECT_ROOT, 'dist'),
  };
}
