import { readStatementFile } from '../../analytics/import/read-statement-file';
import { utf8 } from './helpers';

// Case R4's rows: times without an offset are the bank's own wall time; a time with an offset
// is an instant, read as the wall time in the book's zone (Asia/Shanghai here).
const CSV = utf8(
  [
    'Date,Description,Amount',
    '2024-06-03 22:30:00,r1,-101.00',
    '2024-06-03T14:30:00Z,r2,-102.00',
    '2024-06-09 01:30:00,r3,-103.00',
    '2024-06-04T10:15:00+08:00,r5,-105.00',
    '2024-06-03T23:30:00-05:00,r6,-106.00',
  ].join('\n'),
);

describe('readStatementFile on time stamps with an offset', () => {
  it('reads each as the wall time in the book zone, whatever zone the host runs in', async () => {
    const read = await readStatementFile(CSV, 'api.csv', { timeZone: 'Asia/Shanghai' });
    expect(read.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(read.lines.map((l) => `${l.date} ${l.time}`)).toEqual([
      '2024-06-03 22:30:00',
      '2024-06-03 22:30:00',
      '2024-06-09 01:30:00',
      '2024-06-04 10:15:00',
      '2024-06-04 12:30:00',
    ]);
  });

  it('reads the same instant into another book zone', async () => {
    const read = await readStatementFile(utf8('Date,Description,Amount\n2024-06-03T14:30:00Z,r2,-102.00\n'), 'api.csv', { timeZone: 'America/New_York' });
    expect([read.lines[0].date, read.lines[0].time]).toEqual(['2024-06-03', '10:30:00']);
  });
});
