/**
 * An import issue's text in the reader's language: its reason (and suggestion) through the one
 * message table when the server sent a code, else the server's English as sent.
 */
import type { ImportIssue } from '../../../geodata/exchange.ts';
import { reasonMessage } from '../../../geodata/rules/reasons.ts';
import type { Lang } from '../../i18n/strings.ts';

export type IssueText = { text: string; lang: Lang };

export function issueDetail(lang: Lang, issue: ImportIssue): IssueText[] {
  const message: IssueText = issue.reason ? { text: reasonMessage(lang, issue.reason), lang } : { text: issue.message, lang: 'en' };
  if (!issue.suggestion) return [message];
  const suggestion: IssueText = issue.suggestionReason ? { text: reasonMessage(lang, issue.suggestionReason), lang } : { text: issue.suggestion, lang: 'en' };
  return [message, suggestion];
}
