// Starts the TypeScript heavy-work thread (./worker.ts): a worker thread does not inherit tsx's loader, and on
// node 20 `--import tsx` in a worker's execArgv does not reach the worker's own entry file.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
