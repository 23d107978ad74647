import { isReasonCode } from '../../geodata/rules/reasons.ts';
import { ApiError } from '../api.ts';
import type { StringKey } from '../i18n/strings.ts';

type T = (key: StringKey, vars?: Record<string, string | number>) => string;

/**
 * A sentence for the user about a failed request, in the interface language. The server's own
 * detail follows in brackets when it adds something the status does not say (the API layer asks
 * for it in the interface language with Accept-Language); a 400
 * whose fields all carry a reason code gets none, since the caller shows those reasons through
 * the reason table (client/lib/form-errors.ts) in the interface language.
 */
export function errorMessage(err: unknown, t: T): string {
  if (!(err instanceof ApiError)) return t('errorUnexpected');
  const params = err.problem?.['invalid-params'] ?? [];
  const explained = err.status === 400 && params.length > 0 && params.every((p) => isReasonCode(p.code) && p.code !== 'invalid');
  const detail = err.problem?.detail && !explained ? ` (${err.problem.detail})` : '';
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
