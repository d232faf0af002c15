import { describe, expect, it } from 'vitest';
import { csvField, toCsv } from './csv.js';

describe('CSV', () => {
  it('quotes a field holding a comma, a quote or a line break, doubling its quotes', () => {
    expect(csvField('crash, again')).toBe('"crash, again"');
    expect(csvField('say "refund"')).toBe('"say ""refund"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
    expect(csvField('plain')).toBe('plain');
  });

  it('defuses a text that a spreadsheet would run as a formula', () => {
    expect(csvField('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField('-5')).toBe("'-5");
    expect(csvField(-5)).toBe('-5');
  });

  it('writes a header and rows with CRLF line ends, empty cells for nothing', () => {
    expect(
      toCsv(
        ['term', 'lift'],
        [
          ['a,b', null],
          ['c', 2],
        ],
      ),
    ).toBe('term,lift\r\n"a,b",\r\nc,2\r\n');
  });
});
