import { buildClientIfNeeded } from '../../server/build-client.ts';
import { readConfig } from '../../server/config.ts';
import { chromiumPath } from './browser.ts';

/** The browser tests run against the production build, built here once if the sources changed. */
export default async function setup() {
  chromiumPath(); // fail fast, before the build, when CI has no browser
  await buildClientIfNeeded(readConfig({}).clientDir);
}
