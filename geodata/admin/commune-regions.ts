/**
 * The region (former province, geodata/regions.ts) of each commune and ward, from the publisher's
 * table as communes.geojson carries it (formerProvince). Node only: it reads the file once.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Region, regionOfFormerProvince } from '../regions.ts';

const COMMUNES_FILE = join(dirname(fileURLToPath(import.meta.url)), 'communes.geojson');

let byCode: Map<string, Region> | null = null;

function table(): Map<string, Region> {
  if (byCode) return byCode;
  const fc = JSON.parse(readFileSync(COMMUNES_FILE, 'utf8')) as { features: { properties: { code: string; formerProvince: string } }[] };
  byCode = new Map();
  for (const { properties: p } of fc.features) {
    const region = regionOfFormerProvince(p.formerProvince);
    if (region) byCode.set(p.code, region);
  }
  return byCode;
}

/** A zone's or plot's region, from its derived commune; null outside every commune of the province. */
export function regionOfCommune(code: string | null | undefined): Region | null {
  return code ? (table().get(code) ?? null) : null;
}
