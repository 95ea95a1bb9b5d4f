import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tableFromIPC } from '@uwdata/flechette';
import { emptyBook } from '../../analytics/book/book';
import { exportBookArrow } from '../../analytics/io/export-arrow';

describe('exportBookArrow', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-arrow-'));
  const book = emptyBook('en-US');
  book.tables.Journal!.rows = [
    { EntryId: 'J1', Date: '2025-03-03', AccountId: 'BANK1', Inflow: '1200.50', Outflow: null, Summary: '货款' },
    { EntryId: 'J2', Date: '2025-03-04', AccountId: 'BANK1', Inflow: null, Outflow: '0.01', Summary: null },
  ];
  const [written] = exportBookArrow(book, dir).files;
  const table = tableFromIPC(fs.readFileSync(written.file), { useDecimalInt: true, useDate: true });

  it('writes one Arrow file per table that has rows, named after the Excel table', () => {
    expect(written).toEqual({ table: 'Journal', file: path.join(dir, 'Journal.arrow'), rows: 2 });
  });

  it('keeps amounts exact as scaled decimals, not floats', () => {
    expect(table.getChild('Inflow')!.toArray()).toEqual([120050n, null]);
    expect(table.getChild('Outflow')!.toArray()).toEqual([null, 1n]);
  });

  it('stores dates as calendar days and text as text', () => {
    expect((table.getChild('Date')!.at(0) as Date).toISOString().slice(0, 10)).toBe('2025-03-03');
    expect(table.getChild('Summary')!.toArray()).toEqual(['货款', null]);
  });
});
