/** How the engine's steps report what they found: one issue list per import, one push per feature. */
import type { ImportIssue, IssueCode } from '../../geodata/exchange.ts';
import { english, type Reason } from '../../geodata/rules/reasons.ts';
import { IMPORT_LIMITS } from './limits.ts';

/**
 * Reports an issue of the feature being analysed; an error also leaves the feature out. The
 * message (and suggestion) is a reason of the one message table, so the interface shows it in the
 * reader's language; a plain string is English only (shown as sent).
 */
export type Push = (level: 'error' | 'warning', code: IssueCode, message: string | Reason, fixed?: boolean, suggestion?: string | Reason) => void;

/** The issue's text fields: the English `message` (and `suggestion`) for API users, and the reasons the interface translates. */
export function issueText(message: string | Reason, suggestion?: string | Reason): Pick<ImportIssue, 'message' | 'reason' | 'suggestion' | 'suggestionReason'> {
  const text = (m: string | Reason) => (typeof m === 'string' ? m : english(m.code, m.params));
  return {
    message: text(message),
    ...(typeof message === 'string' ? {} : { reason: message }),
    ...(suggestion ? { suggestion: text(suggestion) } : {}),
    ...(suggestion && typeof suggestion !== 'string' ? { suggestionReason: suggestion } : {}),
  };
}

/** The report's issues: every one counted, the first IMPORT_LIMITS.issuesListed kept (a file of a million broken rings would otherwise fill the memory). */
export class IssueList {
  readonly items: ImportIssue[] = [];
  readonly counts = { errors: 0, warnings: 0, repaired: 0 };
  push(issue: ImportIssue) {
    if (issue.level === 'error') this.counts.errors++;
    else this.counts.warnings++;
    if (issue.fixed) this.counts.repaired++;
    if (this.items.length < IMPORT_LIMITS.issuesListed) this.items.push(issue);
  }
  get omitted() {
    return this.counts.errors + this.counts.warnings - this.items.length;
  }
}
