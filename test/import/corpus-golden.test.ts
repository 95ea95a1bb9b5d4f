/**
 * Golden tests over every bundled statement file. The expected numbers were worked out
 * without the parser, by test/import/corpus-expectations.py (Python csv/xml/re) and by
 * hand, under these import rules: Alipay/WeChat 收入 +, 支出 −, neutral rows (不计收支, /)
 * and closed trades (交易关闭) skipped; ICBC 记账金额(收入) − 记账金额(支出); MT940 booking
 * date = the :61: entry date; camt CRDT +, DBIT −.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { importStatementLines } from '../../analytics/import/import-statement';
import { readStatementFile } from '../../analytics/import/read-statement-file';
import { sumAmountTexts } from '../../analytics/import/amount-cells';
import { CTX, makeBook } from './helpers';

const CORPUS = path.join(__dirname, '../../samples/statements');
const read = (file: string) =>
  readStatementFile(new Uint8Array(fs.readFileSync(path.join(CORPUS, file))), path.basename(file));

// prettier-ignore
// file                                          format   rows read  lines  sum            first         last
const GOLDEN: [string, string, number, number, string, string | null, string | null][] = [
  ['alipay/deg-alipay-gbk.csv',                   'csv',   10,        5,     '222066.86',    '2023-01-18', '2023-07-10'],
  ['wechat/deg-wechat.csv',                       'csv',   27,        16,    '-2876.04',     '2019-09-24', '2024-06-07'],
  ['cn-bank/deg-icbc-debit-v2.csv',               'csv',   11,        11,    '-1399.34',     '2023-02-08', '2023-05-02'],
  ['cn-bank/deg-cmb-debit.csv',                   'csv',   5,         5,     '-779.14',      '2024-01-01', '2024-01-27'],
  ['cn-bank/deg-abc-debit.csv',                   'csv',   5,         5,     '-2355.88',     '2024-01-01', '2024-01-04'],
  ['cn-bank/deg-hsbchk-credit.csv',               'csv',   11,        11,    '1704.37',      '2025-03-20', '2025-04-09'],
  ['ofx/ofxparse-checking.ofx',                   'ofx',   3,         3,     '-59.50',       '2011-03-31', '2011-04-07'],
  ['ofx/ofxparse-bank_medium.ofx',                'ofx',   3,         3,     '-345.27',      '2009-04-01', '2009-04-03'],
  ['ofx/ofxparse-anzcc.ofx',                      'ofx',   1,         1,     '-5.50',        '2017-05-08', '2017-05-08'],
  ['ofx/ofxparse-multiple_accounts.ofx',          'ofx',   0,         0,     '0.00',         null,         null],
  ['mt940/wolph-cmxl-mt940.sta',                  'mt940', 16,        16,    '12327.30',     '2002-11-02', '2013-10-27'],
  ['mt940/wolph-betterplace-sepa_snippet.sta',    'mt940', 11,        11,    '-2143323.39',  '2007-09-04', '2007-09-04'],
  ['mt940/wolph-betterplace-amount_formats.sta',  'mt940', 0,         0,     '0.00',         null,         null],
  ['camt053/genkgo-camt053.v2.minimal.xml',       'camt',  1,         1,     '8.85',         '2014-12-31', '2014-12-31'],
  ['camt053/genkgo-camt053.v2.multi.statement.xml','camt', 2,         2,     '1.85',         '2014-12-31', '2014-12-31'],
];

describe('readStatementFile on the corpus', () => {
  it('covers every file in the corpus', () => {
    const files = fs
      .readdirSync(CORPUS)
      .flatMap((d) =>
        fs.statSync(path.join(CORPUS, d)).isDirectory()
          ? fs.readdirSync(path.join(CORPUS, d)).map((f) => `${d}/${f}`)
          : [],
      );
    expect(files.sort()).toEqual(GOLDEN.map((g) => g[0]).sort());
  });

  it.each(GOLDEN)(
    'reads %s with the right count, sum and date range',
    async (file, format, rowsRead, lines, sum, first, last) => {
      const r = await read(file);
      const dates = r.lines.map((l) => l.date).sort();
      expect(r.format).toBe(format);
      expect(r.problems.filter((p) => p.severity === 'error')).toEqual([]);
      expect(r.rowsRead).toBe(rowsRead);
      expect(r.lines).toHaveLength(lines);
      expect(sumAmountTexts(r.lines.map((l) => l.amount))).toBe(sum);
      expect(dates[0] ?? null).toBe(first);
      expect(dates[dates.length - 1] ?? null).toBe(last);
    },
  );

  it.each(GOLDEN.filter((g) => g[3] > 0))(
    'adds nothing when %s is imported a second time',
    async (file) => {
      const r = await read(file);
      const book = makeBook();
      const first = importStatementLines(book, [r], { accountId: 'BANK' }, CTX);
      const after = applyChangeSet(book, first.changes);
      const second = importStatementLines(after, [r], { accountId: 'BANK' }, CTX);
      expect(first.summary.added).toBe(r.lines.length);
      expect(second.summary.added).toBe(0);
      expect(second.summary.duplicates).toBe(r.lines.length);
      expect(second.changes).toEqual([]);
    },
  );
});

describe('corpus details', () => {
  it('detects the real Alipay bill as GBK and reads its Chinese text', async () => {
    const r = await read('alipay/deg-alipay-gbk.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.preset).toBe('alipay');
    expect(r.lines[0]).toMatchObject({
      date: '2023-02-12',
      time: '21:32:14',
      amount: '-49.74',
      method: '交通银行信用卡(7449)',
      description: '亲情卡',
    });
    expect(r.problems.some((p) => p.code === 'unreadable-encoding')).toBe(false);
  });

  it('skips the Alipay neutral and closed rows and says why', async () => {
    const r = await read('alipay/deg-alipay-gbk.csv');
    expect(r.skipped.map((p) => [p.row, p.code])).toEqual([
      [28, 'neutral-row'],
      [29, 'neutral-row'],
      [31, 'closed-row'],
      [32, 'neutral-row'],
      [33, 'closed-row'],
    ]);
  });

  it('reports the Alipay summary lines that disagree with the detail rows', async () => {
    const r = await read('alipay/deg-alipay-gbk.csv');
    expect(r.problems.filter((p) => p.code === 'preamble-total-mismatch')).toHaveLength(2);
  });

  it('keeps the two WeChat rows that share an order number, date and amount', async () => {
    const r = await read('wechat/deg-wechat.csv');
    const twins = r.lines.filter((l) => l.reference === '4200002168202406076349888061');
    expect(twins.map((l) => l.amount)).toEqual(['-0.01', '-0.01']);
    const result = importStatementLines(makeBook(), [r], { accountId: 'BANK' }, CTX);
    expect(result.summary.added).toBe(16);
  });

  it('skips the ICBC 合计 footer and reports its totals as not matching the rows', async () => {
    const r = await read('cn-bank/deg-icbc-debit-v2.csv');
    expect(r.skipped.map((p) => p.code)).toEqual(['footer-line']);
    expect(
      r.problems.filter((p) => p.code === 'footer-total-mismatch').map((p) => p.message),
    ).toEqual([
      'The footer gives a money-in total of 1234.56; the rows add up to 2841.74',
      'The footer gives a money-out total of 9876.54; the rows add up to 4241.08',
    ]);
  });

  it('reads HSBC dates day-first and keeps each line currency', async () => {
    const r = await read('cn-bank/deg-hsbchk-credit.csv');
    expect(r.lines[3]).toMatchObject({
      date: '2025-04-07',
      valueDate: '2025-04-08',
      amount: '-27.90',
      currency: 'HKD',
    });
    expect(r.lines[0].currency).toBe('CNY');
  });

  it('reads ABC compact dates and HHMMSS times', async () => {
    const r = await read('cn-bank/deg-abc-debit.csv');
    expect(r.lines[0]).toMatchObject({
      date: '2024-01-01',
      time: '12:34:56',
      amount: '10000.00',
      runningBalance: '11000.00',
      reference: '369396693',
    });
    expect(r.lines[4].amount).toBe('0.00');
  });

  it('reports the broken running-balance chain of the CMB sample', async () => {
    const r = await read('cn-bank/deg-cmb-debit.csv');
    expect(r.problems.find((p) => p.code === 'balance-chain-break')?.message).toMatch(
      /^3 running balance/,
    );
  });

  it('checks MT940 opening plus lines against closing and reports the one that differs by 300.08', async () => {
    const r = await read('mt940/wolph-betterplace-sepa_snippet.sta');
    const mismatches = r.problems.filter((p) => p.code === 'closing-balance-mismatch');
    expect(mismatches).toHaveLength(1);
    expect(mismatches[0].message).toContain('difference 300.08');
  });

  it('finds the MT940 balances of the cmxl file all consistent', async () => {
    const r = await read('mt940/wolph-cmxl-mt940.sta');
    expect(r.balances).toHaveLength(3);
    expect(r.problems.filter((p) => p.code === 'closing-balance-mismatch')).toEqual([]);
  });

  it('joins an MT940 :86: that runs over several lines and takes the counterparty name', async () => {
    const r = await read('mt940/wolph-betterplace-sepa_snippet.sta');
    expect(r.lines[0]).toMatchObject({
      date: '2007-09-04',
      valueDate: '2007-09-07',
      amount: '50990.05',
      reference: '0724710333343453',
      counterparty: 'KARL KAUFMANN',
    });
    expect(r.lines[0].description).toContain('SVWZ+Verw CTSc-01 BC-PPP TF');
  });

  it('checks camt balances and skips one whose closing currency differs', async () => {
    const multi = await read('camt053/genkgo-camt053.v2.multi.statement.xml');
    expect(multi.balances.map((b) => [b.opening?.amount, b.closing?.amount])).toEqual([
      ['18.15', '27.00'],
      ['27.00', '20.00'],
    ]);
    expect(multi.problems).toEqual([]);
    const minimal = await read('camt053/genkgo-camt053.v2.minimal.xml');
    expect(minimal.problems.map((p) => p.code)).toEqual(['balance-currency']);
  });

  it('keeps camt reference zeros and reads the debtor of a credit as counterparty', async () => {
    const r = await read('camt053/genkgo-camt053.v2.multi.statement.xml');
    expect(r.lines.map((l) => [l.reference, l.amount, l.counterparty])).toEqual([
      ['000000001', '8.85', undefined],
      ['000000002', '-7.00', 'Company Name 2'],
    ]);
  });

  it('reads OFX SGML written on one line with time-zone suffixes', async () => {
    const r = await read('ofx/ofxparse-bank_medium.ofx');
    expect(r.lines[1]).toMatchObject({
      date: '2009-04-02',
      time: '12:20:17',
      amount: '-316.67',
      currency: 'CAD',
      counterparty: "Joe's Bald Hairstyles",
      reference: '0000123456782009040200004',
    });
  });
});
