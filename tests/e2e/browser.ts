import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const DEFAULT_PATH = '/usr/bin/chromium';

/**
 * The Chromium to drive. In CI the browser tests are mandatory, so a missing browser is an error;
 * on a developer's machine the message says how to get one.
 */
export function chromiumPath(): string | null {
  const path = process.env.CHROMIUM_PATH ?? DEFAULT_PATH;
  if (existsSync(path)) return path;
  const help = `Chromium not found at ${path}. Install it (apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary.`;
  if (process.env.CI === 'true') throw new Error(help);
  console.warn(`\n*** Browser tests not run: ${help}\n`);
  return null;
}

export async function launchBrowser(path: string): Promise<Browser> {
  return chromium.launch({
    executablePath: path,
    headless: true,
    // Root needs --no-sandbox; SwiftShader gives WebGL2 on the CPU. Never --disable-software-rasterizer:
    // it leaves MapLibre with no WebGL at all.
    args: [
      '--no-sandbox',
      '--enable-unsafe-swiftshader',
      '--use-angle=swiftshader',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
