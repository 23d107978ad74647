/** How the engine's steps report what they found: one issue list per import, one push per feature. */
import { issueFields } from '../../geodata/import-report-text.ts';
import type { ImportIssue, IssueCode } from '../../geodata/exchange.ts';
import type { Reason } from '../../geodata/rules/reasons.ts';
import { IMPORT_LIMITS } from './limits.ts';

/**
 * Reports an issue of the feature being analysed; an error also leaves the feature out. The
 * message (and suggestion) is a reason of the one message table, so every reader gets it in
 * their language; `field` names the column when the reason is a generic one (a schema refusal).
 */
export type Push = (level: 'error' | 'warning', code: IssueCode, message: Reason, fixed?: boolean, suggestion?: Reason, field?: string) => void;

/** The issue's text fields from its reasons, rendered in English (the API and CLI re-render them in the language asked for). */
export const issueText = (message: Reason, suggestion?: Reason, field?: string) => issueFields('en', message, suggestion, field);

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
