/**
 * Why JSON.parse refused a text, as a code of the reason table: V8 explains itself in English
 * ("Expected ',' or '}' after property value in JSON at position 58"), which must not reach a
 * Vietnamese sentence. Input that stops early, or a syntax error where V8 names its offset (given
 * as line and column); V8 quotes the text around some unexpected tokens instead of an offset, and
 * then only "not valid JSON" is said. The engine's own words stay the caller's, for logs.
 */
import type { Reason } from './rules/reasons.ts';

/** Line and column (from 1) of a character offset. */
function lineAndColumn(text: string, offset: number) {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

export function jsonSyntaxReason(err: unknown, text: string): Reason {
  const said = err instanceof Error ? err.message : String(err);
  if (/Unexpected end of JSON input|Unterminated string in JSON/i.test(said)) return { code: 'jsonTruncated' };
  const at = /at position (\d+)/.exec(said)?.[1];
  if (at === undefined) return { code: 'jsonInvalid' };
  // V8 names the offset just past the end for input that stops inside a value.
  if (Number(at) >= text.trimEnd().length) return { code: 'jsonTruncated' };
  return { code: 'jsonSyntaxAt', params: lineAndColumn(text, Number(at)) };
}
