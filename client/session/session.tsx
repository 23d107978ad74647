/**
 * Who is signed in, and the CSRF token their writes must carry. Both live in React state only:
 * the session cookie itself is HttpOnly and never visible to scripts.
 */
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useMemo, type ReactNode } from 'react';
import type { SessionInfo, SessionUser } from '../../geodata/api.ts';
import { api, ApiError, editor, type Editor } from '../api.ts';
import { keys } from '../data/keys.ts';
import { dataUpdates } from '../data/updates.ts';

type Session = {
  /** False until GET /api/session has answered, so the header does not flash "Sign in". */
  ready: boolean;
  user: SessionUser | null;
  /** The write calls, bound to the CSRF token; null for a viewer. */
  editor: Editor | null;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** A write came back 401: the server no longer knows the session (expired, or the account changed). */
  expired(): void;
};

const ANONYMOUS: SessionInfo = { user: null, csrfToken: null };
const Ctx = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const qc = useQueryClient();
  // A session that cannot be read is a viewer's: the map still works.
  const query = useQuery({ queryKey: keys.session, queryFn: () => api.session().catch(() => ANONYMOUS) });
  const info = query.data ?? ANONYMOUS;
  const ready = !query.isPending;
  const setInfo = useCallback(
    (next: SessionInfo) => {
      // What one user may read is not kept for the next one (dropped before anyone renders for them).
      dataUpdates(qc).sessionChanged();
      qc.setQueryData(keys.session, next);
    },
    [qc],
  );

  const signIn = useCallback(async (username: string, password: string) => {
    setInfo(await api.signIn(username, password));
  }, [setInfo]);

  const csrf = info.user ? info.csrfToken : null;
  const boundEditor = useMemo(() => (csrf ? editor(csrf) : null), [csrf]);

  const signOut = useCallback(async () => {
    try {
      await boundEditor?.signOut();
    } catch (e) {
      // Already gone on the server: signing out locally is all that is left to do.
      if (!(e instanceof ApiError && e.status === 401)) throw e;
    }
    setInfo(ANONYMOUS);
  }, [boundEditor, setInfo]);

  const expired = useCallback(() => setInfo(ANONYMOUS), [setInfo]);

  const value = useMemo<Session>(
    () => ({ ready, user: info.user, editor: boundEditor, signIn, signOut, expired }),
    [ready, info.user, boundEditor, signIn, signOut, expired],
  );
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useSession(): Session {
  const v = useContext(Ctx);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}

/** Planners and admins may edit the map. */
export const canEdit = (user: SessionUser | null) => user?.role === 'planner' || user?.role === 'admin';
