/** Property: any table written as RFC 4180 CSV splits back into the same cells. */
import fc from 'fast-check';
import { splitDelimited } from '../../analytics/import/split-delimited';

// Cells as exports write them: already trimmed, never a bare quoted layer of quotes
const cell = fc
  .string({ unit: fc.constantFrom('a', '1', ' ', ',', '"', '\n', '测', '.', '-', '¥'), maxLength: 8 })
  .map((s) => s.trim())
  .filter((s) => !/^".*"$/s.test(s));

const quote = (s: string) => (/[",\n\r]/.test(s) || s === '' ? `"${s.replace(/"/g, '""')}"` : s);

describe('splitDelimited (property)', () => {
  it('gives back the cells of any quoted CSV table', () => {
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 2, maxLength: 5 }), { minLength: 1, maxLength: 6 }), (rows) => {
        const text = rows.map((r) => r.map(quote).join(',')).join('\r\n') + '\r\n';
        expect(splitDelimited(text, ',').map((r) => r.cells)).toEqual(rows);
      }),
      { numRuns: 300, seed: 20240710 },
    );
  });
});
