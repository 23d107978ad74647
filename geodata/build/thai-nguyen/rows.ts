/**
 * Constructors for the former-Thái Nguyên zone table (zones.ts): the parts every zone shares, so
 * that each row states only what its sources say. Unknowns are null with a reason, never a guess.
 */
import type { ZoneProperties } from '../../schema.ts';
import { infraItems, noFig } from '../figures.ts';
import type { LonLat } from '../shapes.ts';

/** Where an outline goes: the commune its sources give (GSO code), and a sourced point where there is one. */
export type TnPlacement = {
  communeCode: string;
  /** A sourced point to start from, and how far the site may be from it (km). */
  point?: { at: LonLat; uncertaintyKm: number };
  /**
   * Where no source names the commune (siteLocated false) and it is only guessed ([E], by the
   * zone's name or the former district): how far the site may be, over the whole former district.
   */
  guessedKm?: number;
};

export type TnZoneRow = { properties: Omit<ZoneProperties, 'accuracy' | 'geometrySourceId' | 'placementUncertaintyKm'>; placement: TnPlacement };

export const TN = 'Thái Nguyên';
export const NO_INDUSTRIAL_LAND = noFig('not_found', 'NOT FOUND: no source gives the industrial + service land area.');
export const NO_AREA = noFig('not_found', 'NOT FOUND: no source gives the area; the outline is a fixed-size marker (iz-atlas-marker).');
export const INFRA_UNREPORTED = infraItems({}, 'not_reported', 'No progress figure reported for this item.');
export const INFRA_PLANNED = infraItems({}, 'not_reported', 'Planned or not yet built: no infrastructure work reported.');
export const INFRA_REMOVED = infraItems({}, 'not_reported', 'Removed from the plan: no infrastructure was reported.');

type Base = Pick<ZoneProperties, 'id' | 'kind' | 'name'> & Partial<Omit<ZoneProperties, 'id' | 'kind' | 'name'>>;

/** A zone with every field not given set to its honest default: unknown, none, no layout. */
export function zone(p: Base & Pick<ZoneProperties, 'status' | 'statusHistory' | 'totalAreaHa' | 'addressOld'>): TnZoneRow['properties'] {
  return {
    industrialLandHa: NO_INDUSTRIAL_LAND,
    developer: null,
    tenants: [],
    sectors: [],
    addressNew: { commune: null, province: TN },
    infrastructure: INFRA_UNREPORTED,
    occupancyClaim: null,
    hasLayout: false,
    decision: null,
    ...p,
  };
}
