import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EnquiryDesk } from '../geodata/enquiry-receipt.ts';
import type { BasemapService } from '../geodata/basemaps.ts';
import { readBasemaps } from './basemaps/config.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('..', import.meta.url));

export type Config = {
  host: string;
  port: number;
  dataDir: string;
  /** Geodata folder used to seed an empty database. */
  geodataDir: string;
  clientDir: string;
  /** Who receives investors' enquiries (ENQUIRY_DESK_*). */
  enquiryDesk: EnquiryDesk;
  /** Online basemaps offered beside the offline one (BASEMAPS_FILE or DATA_DIR/basemaps.json, else the defaults). */
  basemaps: BasemapService[];
};

/** Reads the environment once; every default is documented in README.md. */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, got "${env.PORT}"`);
  if (env.PUBLIC_URL && !/^https?:\/\/[^/?#\s]+(\/[^?#\s]*)?$/.test(env.PUBLIC_URL)) {
    throw new Error(`PUBLIC_URL must be an http:// or https:// address such as https://atlas.example.vn, got "${env.PUBLIC_URL}"`);
  }
  const dataDir = resolve(env.DATA_DIR ?? './data');
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    dataDir,
    geodataDir: resolve(env.GEODATA ?? resolve(PROJECT_ROOT, 'geodata/province')),
    clientDir: resolve(PROJECT_ROOT, 'dist'),
    enquiryDesk: readEnquiryDesk(env),
    basemaps: readBasemaps(env, dataDir),
  };
}

/** ENQUIRY_DESK_NAME, _EMAIL, _PHONE and _RESPONSE_DAYS; each unset part stays null ("no data"). */
export function readEnquiryDesk(env: NodeJS.ProcessEnv): EnquiryDesk {
  const text = (v: string | undefined) => (v?.trim() ? v.trim() : null);
  const days = text(env.ENQUIRY_DESK_RESPONSE_DAYS);
  if (days !== null && !/^[1-9]\d{0,2}$/.test(days)) {
    throw new Error(`ENQUIRY_DESK_RESPONSE_DAYS must be a whole number of working days (1–999), got "${days}"`);
  }
  return {
    name: text(env.ENQUIRY_DESK_NAME),
    email: text(env.ENQUIRY_DESK_EMAIL),
    phone: text(env.ENQUIRY_DESK_PHONE),
    responseDays: days === null ? null : Number(days),
  };
}
