/**
 * The API's refusals in both languages: every problem code has a Vietnamese and an English title
 * (and detail, when it has one) naming the same params, and with its params given, nothing is
 * left unfilled and neither language reads as the other. The same for every reason a file cannot
 * be imported at all (the `file…` codes of the reason table).
 */
import { describe, expect, it } from 'vitest';
import { placeholdersOf } from '../../geodata/message-format.ts';
import { fileErrorMessage } from '../../geodata/import-report-text.ts';
import { PROBLEM_MESSAGES, type ProblemCode, problemText } from '../../geodata/rules/problem-messages.ts';
import { REASON_MESSAGES, type ReasonCode } from '../../geodata/rules/reasons.ts';
import { foreignText } from '../support/foreign-text.ts';

const CODES = Object.keys(PROBLEM_MESSAGES) as ProblemCode[];

/** A sample value for each param a code's messages name: numbers for counts, a word otherwise. */
const sample = (code: ProblemCode) => {
  const m = PROBLEM_MESSAGES[code] as { title: { en: string }; detail?: { en: string } };
  const names = placeholdersOf(`${m.title.en} ${m.detail?.en ?? ''}`);
  return Object.fromEntries(names.map((n) => [n, ['bytes', 'seconds'].includes(n) ? 16384 : n === 'roles' ? ['planner', 'admin'] : `x${n}`]));
};

describe('the problem table', () => {
  it.each(CODES)('%s has both languages, naming the same params', (code) => {
    const m = PROBLEM_MESSAGES[code] as { title: { vi: string; en: string }; detail?: { vi: string; en: string } };
    for (const text of [m.title, ...(m.detail ? [m.detail] : [])]) {
      expect(text.vi.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(placeholdersOf(text.vi)).toEqual(placeholdersOf(text.en));
    }
  });

  it.each(CODES)('%s with its params filled reads in the language asked for', (code) => {
    const params = sample(code);
    const vi = problemText('vi', code, params);
    const en = problemText('en', code, params);
    for (const t of [vi.title, vi.detail ?? '', en.title, en.detail ?? '']) expect(t).not.toMatch(/\{\w+\}/);
    expect(vi.title).not.toBe(en.title);
    expect(foreignText(`${vi.title}. ${vi.detail ?? ''}`, 'vi', [])).toEqual([]);
    expect(foreignText(`${en.title}. ${en.detail ?? ''}`, 'en', [])).toEqual([]);
  });

  it('writes numbers and lists the language’s way', () => {
    expect(problemText('vi', 'enquiryTooLarge', { bytes: 16384 }).detail).toBe('Tối đa 16.384 byte.');
    expect(problemText('en', 'enquiryTooLarge', { bytes: 16384 }).detail).toBe('At most 16,384 bytes.');
    expect(problemText('vi', 'roleRequired', { roles: ['planner', 'admin'] }).detail).toBe('Thao tác này cần quyền planner hoặc admin.');
    expect(problemText('en', 'roleRequired', { roles: ['planner', 'admin'] }).detail).toBe('This action needs the role planner or admin.');
  });
});

describe('why a file cannot be imported', () => {
  const FILE_CODES = (Object.keys(REASON_MESSAGES) as ReasonCode[]).filter((c) => /^file[A-Z]/.test(c));
  // Place names in a message are the same in both languages.
  const NAMES = new Set(['bắc', 'kạn']);

  it('has a code for each way a file is refused', () => expect(FILE_CODES.length).toBeGreaterThanOrEqual(45));

  it.each(FILE_CODES)('%s with its params filled reads in the language asked for', (code) => {
    const names = placeholdersOf(REASON_MESSAGES[code].en).filter((n) => n !== 'why');
    const reason = { code, params: Object.fromEntries(names.map((n) => [n, n === 'n' || n === 'max' ? '1000' : `x${n}`])) };
    const why = { code: 'crsNoPrj' } as const;
    const vi = fileErrorMessage('vi', reason, why);
    const en = fileErrorMessage('en', reason, why);
    for (const t of [vi, en]) expect(t).not.toMatch(/\{\w+\}/);
    expect(vi).not.toBe(en);
    expect(foreignText(vi, 'vi', [])).toEqual([]);
    expect(foreignText(en, 'en', [], NAMES)).toEqual([]);
  });
});
