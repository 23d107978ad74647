/** How the engine's steps report what they found: one issue list per import, one push per feature. */
import type { ImportIssue, IssueCode } from '../../geodata/exchange.ts';
import { IMPORT_LIMITS } from './limits.ts';

/** Reports an issue of the feature being analysed; an error also leaves the feature out. */
export type Push = (level: 'error' | 'warning', code: IssueCode, message: string, fixed?: boolean, suggestion?: string) => void;

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
