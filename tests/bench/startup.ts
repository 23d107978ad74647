import { max, median } from './stats.ts';
import { startServer } from './processes.ts';

export const APP_SCRIPT = 'server/main.ts';
// Same flag as `npm start`: with a built client it only checks staleness, which is part of a real start.
export const APP_ARGS = ['--build-if-needed'];
const HELLO_SCRIPT = 'tests/bench/fixtures/hello-server.ts';

export type StartupResult = {
  /** The first start on an empty DATA_DIR: initdb, migrations and seeding. */
  firstMs: number;
  appMs: number[];
  helloMs: number[];
  appMedian: number;
  appMax: number;
  helloMedian: number;
  helloMax: number;
};

/**
 * Spawn-to-healthy for the app on an existing DATA_DIR versus a trivial tsx server. Runs alternate
 * app/baseline so that drift in machine load lands on both sides of the ratio.
 */
export async function measureStartup(dataDir: string, runs: number, env: Record<string, string> = {}): Promise<StartupResult> {
  const first = await startServer(APP_SCRIPT, APP_ARGS, { ...env, DATA_DIR: dataDir });
  await first.proc.stop();
  // Unmeasured: warms tsx's transform cache for the fixture as the first app start did for the app.
  await (await startServer(HELLO_SCRIPT, [], {})).proc.stop();

  const appMs: number[] = [];
  const helloMs: number[] = [];
  let rebuilds = 0;
  for (let i = 0; i < runs; i++) {
    const app = await startServer(APP_SCRIPT, APP_ARGS, { ...env, DATA_DIR: dataDir });
    await app.proc.stop();
    if (app.proc.output().includes('Building the client') && rebuilds++ < 3) {
      // Someone changed client/ or geodata/ mid-run: that start paid for a Vite build, so measure again.
      i--;
      continue;
    }
    appMs.push(app.ms);
    const hello = await startServer(HELLO_SCRIPT, [], {});
    await hello.proc.stop();
    helloMs.push(hello.ms);
  }
  return {
    firstMs: first.ms,
    appMs,
    helloMs,
    appMedian: median(appMs),
    appMax: max(appMs),
    helloMedian: median(helloMs),
    helloMax: max(helloMs),
  };
}
