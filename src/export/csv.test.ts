import { describe, expect, it } from 'vitest';
import { csvCell, csvLine } from './csv.js';

describe('csvCell', () => {
  it('neutralises a formula at the start of the cell and of each ;-joined part', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('Reuters;=cmd|calc')).toBe("Reuters;'=cmd|calc");
    expect(csvCell('a; @SUM(1)')).toBe("a; '@SUM(1)");
    expect(csvCell('plain;text')).toBe('plain;text');
  });

  it('writes numbers unquoted, negative ones too', () => {
    expect(csvLine([-12.5, 0, 34.5, null, '-3'])).toBe('-12.5,0,34.5,,-3\n');
  });
});
