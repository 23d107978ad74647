import { useState, type FormEvent } from 'react';
import { loginBody } from '../../geodata/requests.ts';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage, throttledMessage } from '../lib/error-message.ts';
import { fromProblem, fromZod, type FieldErrors } from '../lib/form-errors.ts';
import { useSession } from '../session/session.tsx';
import { Field } from './forms/Field.tsx';

/**
 * Username and password. A wrong pair gets one generic message (the server never says which part
 * was wrong); throttling says how long to wait.
 */
export function SignInForm({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const { signIn } = useSession();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    const parsed = loginBody.safeParse({ username, password });
    if (!parsed.success) {
      setErrors(fromZod(parsed.error));
      return;
    }
    setErrors({});
    setBusy(true);
    try {
      await signIn(parsed.data.username, parsed.data.password);
      onDone();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) {
        setError(t('badCredentials'));
        setPassword('');
      } else if (err instanceof ApiError && err.status === 429) {
        setError(throttledMessage(err.retryAfter, t));
      } else {
        setErrors(fromProblem(err));
        setError(errorMessage(err, t));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="signin" aria-label={t('signIn')} onSubmit={submit} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <Field label={t('username')} error={errors.username}>
        {(p) => <input {...p} name="username" autoComplete="username" autoFocus value={username} onChange={(e) => setUsername(e.target.value)} />}
      </Field>
      <Field label={t('password')} error={errors.password}>
        {(p) => <input {...p} name="password" type="password" autoComplete="current-password" value={password} onChange={(e) => setPassword(e.target.value)} />}
      </Field>
      {error && (
        <p className="form-error" role="alert" data-testid="signin-error">
          {error}
        </p>
      )}
      <div className="actions">
        <button type="submit" disabled={busy}>
          {t('signIn')}
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
