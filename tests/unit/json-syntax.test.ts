import { describe, expect, it } from 'vitest';
import { jsonSyntaxReason } from '../../geodata/json-syntax.ts';
import { reasonMessage } from '../../geodata/rules/reasons.ts';

const why = (text: string) => {
  try {
    JSON.parse(text);
  } catch (err) {
    return jsonSyntaxReason(err, text);
  }
  throw new Error('parsed');
};

describe('why JSON.parse refused a text, as a code', () => {
  it('a text cut short, a syntax error by line and column, in both languages', () => {
    expect(why('{"type": "FeatureCollection", "features": [')).toEqual({ code: 'jsonTruncated' });
    expect(why('{"a": 1,\n "b": 2,\n "c" 3}')).toEqual({ code: 'jsonSyntaxAt', params: { line: 3, column: 6 } });
    expect(reasonMessage('vi', why('{"a": 1,\n "b": 2,\n "c" 3}'))).toBe('JSON không hợp lệ: lỗi cú pháp ở dòng 3, cột 6.');
    expect(reasonMessage('en', why('[1, 2'))).toBe('Not valid JSON: it stops in the middle (cut short?).');
  });
});
