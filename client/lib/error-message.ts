import { ApiError } from '../api.ts';
import type { StringKey } from '../i18n/strings.ts';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

/**
 * A sentence for the user about a failed request, in the interface language. The server's own
 * detail (English) follows in brackets when it adds something the status does not say.
 */
export function errorMessage(err: unknown, t: T): string {
  if (!(err instanceof ApiError)) return t('errorUnexpected');
  const detail = err.problem?.detail ? ` (${err.problem.detail})` : '';
  switch (err.status) {
    case 0:
      return t('errorNetwork');
    case 400:
      return t('errorInvalid') + detail;
    case 401:
      return t('errorSignedOut');
    case 403:
      return t('errorForbidden');
    case 404:
      return t('errorNotFound');
    case 412:
      return t('conflictTitle');
    case 428:
      return t('errorPrecondition');
    case 429:
      return throttledMessage(err.retryAfter, t);
    default:
      return err.status >= 500 ? t('errorServer') : t('errorUnexpected') + detail;
  }
}

/** "Try again in 45 s", or in whole minutes once the wait is long. */
export function throttledMessage(seconds: number | null, t: T): string {
  const s = seconds ?? 60;
  return s >= 120 ? t('tooManyAttemptsMin', { m: Math.ceil(s / 60) }) : t('tooManyAttempts', { s });
}
