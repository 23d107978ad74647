import type { Session } from '../auth/sessions.ts';

/** What middleware hands to handlers. */
export type AppEnv = { Variables: { session: Session | null } };
