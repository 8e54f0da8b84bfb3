import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from '@/lib/export/csv';

describe('csvCell: RFC 4180 quoting and the formula guard', () => {
  it.each([
    ['plain', 'plain'],
    ['', ''],
    ['with space', 'with space'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['"', '""""'],
    ['line1\nline2', '"line1\nline2"'],
    ['line1\r\nline2', '"line1\r\nline2"'],
    ['ends with CR\r', '"ends with CR\r"'],
    // Formula guard: the first character decides.
    ['=SUM(A1:A2)', "'=SUM(A1:A2)"],
    ['+1', "'+1"],
    ['-5', "'-5"],
    ['@cmd', "'@cmd"],
    ['\tindented', "'\tindented"],
    ['\rcarriage', `"'\rcarriage"`],
    ['=HYPERLINK("http://x","y")', `"'=HYPERLINK(""http://x"",""y"")"`],
    ['=1,2', `"'=1,2"`],
    // Not at the start: no guard.
    ['a=b', 'a=b'],
    ['1-2', '1-2'],
    [' =not first', ' =not first'],
    ["'already quoted", "'already quoted"],
    ['unicode ✓ ü', 'unicode ✓ ü'],
  ])('%j → %j', (input, expected) => {
    expect(csvCell(input)).toBe(expected);
  });
});

describe('csvRow', () => {
  it('joins with commas and ends with CRLF', () => {
    expect(csvRow(['a', 'b,c', '=x'])).toBe(`a,"b,c",'=x\r\n`);
  });

  it('keeps empty cells', () => {
    expect(csvRow(['', 'x', ''])).toBe(',x,\r\n');
  });
});
