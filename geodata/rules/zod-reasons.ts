/**
 * The reason code of a zod issue from the request schemas, read from the issue's structure (its
 * kind, bounds, format or pattern) or, for a refinement, from the code it carries in params.
 * Never from the message text. Used by the server for invalid-params and by the client when it
 * checks a form before sending, so both give the same code for the same value.
 */
import type { z } from 'zod';
import { ID_PATTERN, MAX_ID_LENGTH, MAX_SERIAL_ID, SERIAL_ID_PATTERN } from '../ids.ts';
import { DATE_PATTERN, PHONE_PATTERN, USERNAME_PATTERN } from './patterns.ts';
import { english, isReasonCode, type Reason, type ReasonCode, type ReasonParams } from './reasons.ts';

type Issue = z.core.$ZodIssue;

const PATTERN_REASONS = new Map<string, Reason>([
  [String(DATE_PATTERN), { code: 'date' }],
  [String(USERNAME_PATTERN), { code: 'username' }],
  [String(PHONE_PATTERN), { code: 'phone' }],
  [String(ID_PATTERN), { code: 'recordId', params: { max: MAX_ID_LENGTH } }],
  [String(SERIAL_ID_PATTERN), { code: 'serialId', params: { max: MAX_SERIAL_ID } }],
]);

/** For `.refine(check, because('code'))`: the English message and the code the issue carries (with the params its message names). */
export const because = (code: ReasonCode, reasonParams?: ReasonParams) => ({ message: english(code, reasonParams), params: { reason: code, ...(reasonParams ? { reasonParams } : {}) } });

/** What a value of the wrong JSON type should have been. */
const TYPE_REASONS: Partial<Record<string, ReasonCode>> = { number: 'number', int: 'wholeNumber', string: 'text', boolean: 'yesNo', array: 'list', object: 'object' };

export function reasonOfIssue(issue: Issue): Reason {
  switch (issue.code) {
    case 'custom': {
      const code: unknown = issue.params?.reason;
      const params: unknown = issue.params?.reasonParams;
      if (!isReasonCode(code)) return { code: 'invalid' };
      return params && typeof params === 'object' ? { code, params: params as Reason['params'] & object } : { code };
    }
    case 'too_big': {
      const n = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'maxChars', params: { n } };
      if (issue.origin === 'array') return { code: 'maxItems', params: { n } };
      if (issue.origin === 'number') return { code: 'atMost', params: { n } };
      return { code: 'invalid' };
    }
    case 'too_small': {
      const n = Number(issue.minimum);
      if (issue.origin === 'string') return n <= 1 ? { code: 'required' } : { code: 'minChars', params: { n } };
      if (issue.origin === 'array') return { code: 'minItems', params: { n } };
      if (issue.origin === 'number') {
        if (n === 0) return { code: issue.inclusive ? 'negative' : 'positive' };
        return { code: 'atLeast', params: { n } };
      }
      return { code: 'invalid' };
    }
    case 'invalid_format':
      if (issue.format === 'email') return { code: 'email' };
      if (issue.format === 'regex' && issue.pattern) return PATTERN_REASONS.get(issue.pattern) ?? { code: 'invalid' };
      return { code: 'invalid' };
    case 'invalid_type':
      return { code: TYPE_REASONS[issue.expected] ?? 'invalid' };
    case 'invalid_value':
      return { code: 'oneOf', params: { values: issue.values.map(String).join(', ') } };
    case 'unrecognized_keys':
      return { code: 'unknownField' };
    default:
      return { code: 'invalid' };
  }
}
