/**
 * An import issue's text in the reader's language: its reason (after the column it names) and its
 * suggestion, through the one message table, whatever language the server rendered it in.
 */
import type { ImportIssue } from '../../../geodata/exchange.ts';
import { issueMessage, issueSuggestion } from '../../../geodata/import-report-text.ts';
import type { Lang } from '../../i18n/strings.ts';

export function issueDetail(lang: Lang, issue: ImportIssue): string[] {
  const suggestion = issueSuggestion(lang, issue);
  return suggestion ? [issueMessage(lang, issue), suggestion] : [issueMessage(lang, issue)];
}
