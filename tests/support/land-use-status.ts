import type { LandUse, PlotStatus } from '../../geodata/vocabulary.ts';

/**
 * Which status each land use allows, written out by hand (not computed from the rule), so the
 * unit test of the shared rule, the edit form's check and the API are all held to one table.
 * Roads, infrastructure and green space are never leased or offered; they may be reserved or
 * not developed (the bundled Huyền Tụng and Thanh Bình plots are "reserved").
 */
export const LAND_USE_ALLOWS: Record<LandUse, Record<PlotStatus, boolean>> = {
  industrial: { leased: true, reserved: true, available: true, not_developed: true },
  service: { leased: true, reserved: true, available: true, not_developed: true },
  infrastructure: { leased: false, reserved: true, available: false, not_developed: true },
  green: { leased: false, reserved: true, available: false, not_developed: true },
};

export const LAND_USE_STATUS_CASES = Object.entries(LAND_USE_ALLOWS).flatMap(([landUse, row]) =>
  Object.entries(row).map(([status, allowed]) => ({ landUse: landUse as LandUse, status: status as PlotStatus, allowed })),
);
