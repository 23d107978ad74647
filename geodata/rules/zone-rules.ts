/** What a zone's status allows. */
import { PRE_LEASING_STATUSES, type ZoneStatus } from '../vocabulary.ts';

/** A planned or revoked zone has no leasable land yet: no occupancy is drawn or counted for it. */
export const zoneStatusAllowsLeasing = (status: ZoneStatus) => !PRE_LEASING_STATUSES.includes(status);
