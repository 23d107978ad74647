import { fileURLToPath } from 'node:url';

/** The repository root (geodata/synth/../..). */
export const PROJECT_ROOT_DIR = fileURLToPath(new URL('../..', import.meta.url));
