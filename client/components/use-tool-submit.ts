import { useState } from 'react';
import { ApiError } from '../api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { errorMessage } from '../lib/error-message.ts';
import { fromProblem } from '../lib/form-errors.ts';
import { useSession } from '../session/session.tsx';

/**
 * Sending a split or merge: busy while it runs, and on failure one message, the server's reason
 * for `field` when it names it, else the request's. A 401 signs the user out. On success the tool
 * is closed by its caller, so busy stays set.
 */
export function useToolSubmit(field: string) {
  const { t, explain } = useI18n();
  const { expired } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = async (send: () => Promise<void>) => {
    setError(null);
    setBusy(true);
    try {
      await send();
    } catch (err) {
      if (err instanceof ApiError && err.status === 401) expired();
      const fields = fromProblem(err);
      const reason = fields[field];
      const others = Object.entries(fields).map(([name, r]) => `${name}: ${explain(r)}`);
      setError(reason ? explain(reason) : [errorMessage(err, t), ...others].join(' '));
      setBusy(false);
    }
  };
  return { busy, error, setError, run };
}
