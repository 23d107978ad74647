import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** V8's collector, made callable without --expose-gc, so heap figures are live data, not garbage. */
setFlagsFromString('--expose-gc');
export const gc = runInNewContext('gc') as () => void;
export const MB = 1024 * 1024;
export const rss = () => process.memoryUsage().rss;
/** The process's peak resident size so far (bytes). */
export const peakRss = () => process.resourceUsage().maxRSS * 1024;
