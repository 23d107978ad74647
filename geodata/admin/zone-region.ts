/**
 * A zone's region from its commune (regions.ts): the former province of the commune holding most
 * of its outline. Node only (it reads the join boundaries); the browser reads the same
 * `formerProvince` from communes.geojson.
 */
import { type Region, regionOfFormerProvince } from '../regions.ts';
import { joinCommunes } from './derive-commune.ts';

let byCode: Map<string, string> | null = null;

/** The region of the commune with this GSO code, or null for a code outside the province. */
export function regionOfCommune(communeCode: string | null | undefined): Region | null {
  byCode ??= new Map(joinCommunes().communes.map((c) => [c.code, c.formerProvince]));
  return communeCode ? regionOfFormerProvince(byCode.get(communeCode)) : null;
}
