import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { enquiryBody, enquiryPatchBody, HONEYPOT_FIELD } from '../../geodata/requests.ts';
import { clientIp, requireRole } from '../auth/middleware.ts';
import { takeRateSlot } from '../auth/rate-limit.ts';
import type { Database } from '../db/database.ts';
import { createEnquiry, listEnquiries, nextEnquiryId, resolveTarget, setEnquiryStatus } from '../domain/enquiries.ts';
import { fieldErrors, readJson } from '../http/body.ts';
import type { AppEnv } from '../http/env.ts';
import { invalid, notFound, problem } from '../http/problem.ts';
import { serialIdSchema } from '../../geodata/ids.ts';
import { enquiryReference, type EnquiryDesk } from '../../geodata/enquiry-receipt.ts';

export const ENQUIRY_LIMITS = { maxBytes: 16 * 1024, perIp: 5, windowSeconds: 600 };

/**
 * Investors' enquiries. Posting needs no account (the form is public), so it is rate-limited per
 * address, size-capped and has a honeypot; reading and triage are for planners.
 */
export function enquiryRoutes(db: Database, desk: EnquiryDesk) {
  const planner = requireRole('planner', 'admin');
  return new Hono<AppEnv>()
    .post(
      '/',
      bodyLimit({
        maxSize: ENQUIRY_LIMITS.maxBytes,
        onError: (c) => problem(c, 413, 'enquiryTooLarge', { params: { bytes: ENQUIRY_LIMITS.maxBytes } }),
      }),
      async (c) => {
        const body = await readJson(c, enquiryBody);
        if ('error' in body) return body.error;
        const wait = await takeRateSlot(db, `enquiry:${clientIp(c)}`, ENQUIRY_LIMITS.perIp, ENQUIRY_LIMITS.windowSeconds);
        if (wait > 0) {
          c.header('Retry-After', String(wait));
          return problem(c, 429, 'enquiryThrottled', { params: { seconds: wait } });
        }
        const target = await resolveTarget(db, body.data.plotId, body.data.zoneId);
        if (!target) return fieldErrors(c, [{ field: body.data.plotId ? 'plotId' : 'zoneId', reason: { code: 'noSuchTarget' } }]);
        // A filled honeypot gets the answer a real enquiry would get, the next reference
        // included, so a bot learns nothing (a fixed number would tell it it was caught).
        if (body.data[HONEYPOT_FIELD]) {
          const id = await nextEnquiryId(db);
          return c.json({ id, status: 'new', reference: enquiryReference(id, new Date().toISOString()), desk }, 201);
        }
        const enquiry = await createEnquiry(db, target, body.data);
        return c.json({ id: enquiry.id, status: enquiry.status, reference: enquiry.reference, desk }, 201);
      },
    )
    .get('/', planner, async (c) => c.json({ enquiries: await listEnquiries(db) }))
    .patch('/:id', planner, async (c) => {
      const id = serialIdSchema.safeParse(c.req.param('id'));
      if (!id.success) return invalid(c, id.error, 'path', 'id');
      const body = await readJson(c, enquiryPatchBody);
      if ('error' in body) return body.error;
      const e = await setEnquiryStatus(db, id.data, body.data.status);
      return e ? c.json(e) : notFound(c, 'Enquiry', c.req.param('id'));
    });
}
