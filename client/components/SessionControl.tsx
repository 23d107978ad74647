import { useState } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../lib/error-message.ts';
import { useSession } from '../session/session.tsx';
import { deferred } from './deferred.tsx';

/** Loaded when "Sign in" is pressed: visitors never need it. */
const SignInForm = deferred(() => import('./SignInForm.tsx').then((m) => m.SignInForm));

/** The header's account corner: "Sign in", or who is signed in with their role and "Sign out". */
export function SessionControl({ onOpenUsers, onOpenImport }: { onOpenUsers: () => void; onOpenImport: () => void }) {
  const { t } = useI18n();
  const session = useSession();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!session.ready) return null;

  if (session.user) {
    const { user } = session;
    return (
      <div className="session" data-testid="session">
        <span className="who">
          <strong>{user.username}</strong> <small>{t(user.role === 'admin' ? 'roleAdmin' : 'rolePlanner')}</small>
        </span>
        <button type="button" className="lang" onClick={onOpenImport} data-testid="open-import">
          {t('imOpen')}
        </button>
        {user.role === 'admin' && (
          <button type="button" className="lang" onClick={onOpenUsers}>
            {t('users')}
          </button>
        )}
        <button
          type="button"
          className="lang"
          onClick={() => {
            setError(null);
            session.signOut().catch((e: unknown) => setError(errorMessage(e, t)));
          }}
        >
          {t('signOut')}
        </button>
        {error && (
          <span className="form-error" role="alert">
            {error}
          </span>
        )}
      </div>
    );
  }

  return (
    <div className="session">
      <button type="button" className="lang" aria-expanded={open} onClick={() => setOpen((o) => !o)}>
        {t('signIn')}
      </button>
      {open && <SignInForm onDone={() => setOpen(false)} />}
    </div>
  );
}
