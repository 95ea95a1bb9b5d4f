/**
 * The import cases I1–I9 (cases/import.md) and the import side of E4 (cases/excel.md),
 * each as the behaviour it pins down.
 */
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { importStatementLines } from '../../analytics/import/import-statement';
import { readStatementFile } from '../../analytics/import/read-statement-file';
import { sumAmountTexts } from '../../analytics/import/amount-cells';
import { CTX, makeBook, utf8 } from './helpers';

const ALIPAY_HEADER =
  '交易时间,交易分类,交易对方,对方账号,商品说明,收/支,金额,收/付款方式,交易状态,交易订单号,商家订单号,备注,';

describe('I1: an Alipay bill re-saved by Excel', () => {
  const text = `${ALIPAY_HEADER}\n2024/3/5 9:07,餐饮美食,测试商户A,"""/""",午餐,支出,18.5,余额,交易成功,2024030500001,,,\n`;

  it('reads the one row with minute precision and the quotes around "/" removed', async () => {
    const r = await readStatementFile(utf8(text), 'alipay.csv');
    expect(r.preset).toBe('alipay');
    expect(r.lines).toEqual([
      {
        date: '2024-03-05',
        time: '09:07',
        amount: '-18.50',
        currency: 'CNY',
        counterparty: '测试商户A',
        counterpartyAccount: '/',
        description: '午餐',
        method: '余额',
        reference: '2024030500001',
        row: 2,
      },
    ]);
  });

  it('warns that seconds are missing so duplicates are matched by the minute', async () => {
    const r = await readStatementFile(utf8(text), 'alipay.csv');
    expect(r.problems.map((p) => [p.code, p.message])).toEqual([
      [
        'resaved-by-excel',
        'This file looks re-saved by Excel; seconds are missing, so duplicate matching uses minute precision',
      ],
    ]);
  });
});

describe('I2: the Alipay preamble changes length', () => {
  const bill = (preambleLines: number) => {
    const preamble = Array.from({ length: preambleLines }, (_, i) =>
      i === 3
        ? '起始时间：[2024-03-01 00:00:00]    终止时间：[2024-03-31 23:59:59]'
        : `说明第${i + 1}行,`,
    );
    const rows = [
      '2024-03-02 10:00:00,餐饮美食,测试商户A,/,早餐,支出,8.00,余额,交易成功,A1,,,',
      '2024-03-03 11:00:00,日用百货,测试商户B,/,纸巾,支出,12.50,余额,交易成功,A2,,,',
      '2024-03-04 12:00:00,转账红包,测试好友,/,红包,收入,20.00,余额,交易成功,A3,,,',
    ];
    return utf8([...preamble, ALIPAY_HEADER, ...rows].join('\n'));
  };

  it.each([22, 23])('finds the header by its names after %i preamble lines', async (n) => {
    const r = await readStatementFile(bill(n), 'alipay.csv');
    expect(r.lines.map((l) => [l.date, l.amount, l.row])).toEqual([
      ['2024-03-02', '-8.00', n + 2],
      ['2024-03-03', '-12.50', n + 3],
      ['2024-03-04', '20.00', n + 4],
    ]);
  });
});

describe('I3: a WeChat bill with fewer columns', () => {
  const header = '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号';

  it('imports the row as an expense of 25.00 with the missing columns empty', async () => {
    const r = await readStatementFile(
      utf8(`${header}\n2024-06-01 12:00:00,商户消费,测试店,咖啡,支出,¥25.00,零钱,支付成功,T0001\n`),
      'wechat.csv',
    );
    expect(r.preset).toBe('wechat');
    expect(r.problems).toEqual([]);
    expect(r.lines).toEqual([
      {
        date: '2024-06-01',
        time: '12:00:00',
        amount: '-25.00',
        currency: 'CNY',
        counterparty: '测试店',
        description: '咖啡 商户消费',
        method: '零钱',
        reference: 'T0001',
        row: 2,
      },
    ]);
  });

  it('rejects a row shorter than the header as a row error and keeps the others', async () => {
    const r = await readStatementFile(
      utf8(
        `${header}\n2024-06-01 12:00:00,商户消费,测试店,咖啡,支出\n2024-06-02 12:00:00,商户消费,测试店,茶,支出,¥5.00,零钱,支付成功,T0002\n`,
      ),
      'wechat.csv',
    );
    expect(r.lines.map((l) => l.amount)).toEqual(['-5.00']);
    expect(
      r.problems.filter((p) => p.severity === 'error').map((p) => [p.code, p.row, p.column]),
    ).toEqual([['short-row', 2, '金额(元)']]);
  });
});

describe('I4: a UTF-8 BOM glued to the first header', () => {
  it('recognises Date as the first column', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('Date,Description,Amount\n2024-02-01,Test fee,-5.00\n'),
    ]);
    const r = await readStatementFile(bytes, 'bank.csv');
    expect(r.columns?.Date).toBe('date');
    expect(r.lines.map((l) => [l.date, l.amount, l.description])).toEqual([
      ['2024-02-01', '-5.00', 'Test fee'],
    ]);
  });

  it('recognises 交易时间 after a BOM in a WeChat export', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8(
        '交易时间,交易类型,交易对方,商品,收/支,金额(元),支付方式,当前状态,交易单号\n2024-06-01 12:00:00,商户消费,测试店,咖啡,支出,¥25.00,零钱,支付成功,T0001\n',
      ),
    ]);
    const r = await readStatementFile(bytes, 'wechat.csv');
    expect(r.encoding).toBe('utf-8-bom');
    expect(r.lines).toHaveLength(1);
  });
});

describe('I5: identical transactions on the same day', () => {
  const cmb = utf8(
    '记账日期,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要\n2024-05-10,CNY,-2.00,98.00,快捷支付,测试公交,乘车\n2024-05-10,CNY,-2.00,96.00,快捷支付,测试公交,乘车\n',
  );

  it('keeps both rows and the running balance confirms them', async () => {
    const r = await readStatementFile(cmb, 'cmb.csv');
    expect(r.lines.map((l) => [l.amount, l.runningBalance])).toEqual([
      ['-2.00', '98.00'],
      ['-2.00', '96.00'],
    ]);
    expect(sumAmountTexts(r.lines.map((l) => l.amount))).toBe('-4.00');
    expect(r.problems).toEqual([]);
  });

  it('imports both into the book, not one', async () => {
    const r = await readStatementFile(cmb, 'cmb.csv');
    const result = importStatementLines(makeBook(), [r], { accountId: 'BANK' }, CTX);
    expect(result.summary).toMatchObject({ added: 2, duplicates: 0, total: '-4.00' });
  });

  it('adds the second payment when a later file holds two where the book holds one', async () => {
    const one = await readStatementFile(
      utf8(
        '记账日期,货币,交易金额,联机余额,交易摘要,对手信息\n2024-05-10,CNY,-2.00,98.00,快捷支付,测试公交\n',
      ),
      'morning.csv',
    );
    const two = await readStatementFile(cmb, 'day.csv');
    const book = applyChangeSet(
      makeBook(),
      importStatementLines(makeBook(), [one], { accountId: 'BANK' }, CTX).changes,
    );
    expect(importStatementLines(book, [two], { accountId: 'BANK' }, CTX).summary).toMatchObject({
      added: 1,
      duplicates: 1,
    });
  });
});

describe('I6: re-importing an overlapping file', () => {
  const file = (days: number[]) =>
    utf8(
      [
        'Date,Description,Amount,Counterparty',
        ...days.map((d) => `2024-07-0${d},Test,-${d * 10},测试商户`),
      ].join('\n'),
    );

  it('holds 5 lines after A (3 rows) then B (5 rows, 3 the same)', async () => {
    const a = await readStatementFile(file([1, 2, 3]), 'a.csv');
    const b = await readStatementFile(file([1, 2, 3, 4, 5]), 'b.csv');
    const afterA = applyChangeSet(
      makeBook(),
      importStatementLines(makeBook(), [a], { accountId: 'BANK' }, CTX).changes,
    );
    const resultB = importStatementLines(afterA, [b], { accountId: 'BANK' }, CTX);
    const afterB = applyChangeSet(afterA, resultB.changes);
    expect(afterB.tables.Statement!.rows).toHaveLength(5);
    expect(resultB.summary).toMatchObject({ added: 2, duplicates: 3 });
  });

  it('previews "3 already imported, 2 new" without changing anything', async () => {
    const a = await readStatementFile(file([1, 2, 3]), 'a.csv');
    const b = await readStatementFile(file([1, 2, 3, 4, 5]), 'b.csv');
    const afterA = applyChangeSet(
      makeBook(),
      importStatementLines(makeBook(), [a], { accountId: 'BANK' }, CTX).changes,
    );
    const preview = importStatementLines(afterA, [b], { accountId: 'BANK', dryRun: true }, CTX);
    expect(preview.changes).toEqual([]);
    expect(preview.summary).toMatchObject({ added: 2, duplicates: 3 });
    expect(preview.messages.find((m) => m.event === 'import-read')?.text['zh-CN']).toBe(
      'b.csv：读取 5 行，新增 2，重复跳过 3，拒绝 0，另跳过 0',
    );
  });

  it('lets an order number decide the match when there is one', async () => {
    const a = await readStatementFile(
      utf8('Date,Amount,Reference,Counterparty\n2024-07-01,-10,R1,甲\n'),
      'a.csv',
    );
    const b = await readStatementFile(
      utf8('Date,Amount,Reference,Counterparty\n2024-07-01,-10,R1,甲公司\n2024-07-01,-10,R2,甲\n'),
      'b.csv',
    );
    const afterA = applyChangeSet(
      makeBook(),
      importStatementLines(makeBook(), [a], { accountId: 'BANK' }, CTX).changes,
    );
    expect(importStatementLines(afterA, [b], { accountId: 'BANK' }, CTX).summary).toMatchObject({
      added: 1,
      duplicates: 1,
    });
  });
});

describe('I7: date-only OFX dates in any time zone', () => {
  const ofx = `OFXHEADER:100\nDATA:OFXSGML\n\n<OFX><BANKMSGSRSV1><STMTTRNRS><STMTRS><CURDEF>USD<BANKTRANLIST>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240301<TRNAMT>-12.00<FITID>A1</STMTTRN>
<STMTTRN><TRNTYPE>DEBIT<DTPOSTED>20240301120000.000[-5:EST]<TRNAMT>-12.00<FITID>A2</STMTTRN>
</BANKTRANLIST></STMTRS></STMTTRNRS></BANKMSGSRSV1></OFX>`;
  const savedTz = process.env.TZ;
  afterAll(() => {
    process.env.TZ = savedTz;
  });

  it.each(['America/New_York', 'Asia/Shanghai'])(
    'books both on 2024-03-01 under TZ=%s',
    async (tz) => {
      process.env.TZ = tz;
      const r = await readStatementFile(utf8(ofx), 'a.ofx');
      expect(r.lines.map((l) => [l.date, l.amount])).toEqual([
        ['2024-03-01', '-12.00'],
        ['2024-03-01', '-12.00'],
      ]);
    },
  );
});

describe('I8: thousands separators and decimal commas', () => {
  const semicolon = utf8(
    'Datum;Omschrijving;Bedrag\n01.03.2024;Huur;-3.000\n02.03.2024;Salaris;1.234,56\n03.03.2024;Kosten;-0,50\n',
  );

  it('reads a column set to decimal comma', async () => {
    const r = await readStatementFile(semicolon, 'nl.csv', {
      mapping: { date: 'Datum', amount: 'Bedrag', description: 'Omschrijving', decimalMark: ',' },
    });
    expect(r.lines.map((l) => l.amount)).toEqual(['-3000.00', '1234.56', '-0.50']);
  });

  it('decides the decimal comma from the other rows of the column', async () => {
    const r = await readStatementFile(semicolon, 'nl.csv', {
      mapping: { date: 'Datum', amount: 'Bedrag' },
    });
    expect(r.lines.map((l) => l.amount)).toEqual(['-3000.00', '1234.56', '-0.50']);
    expect(r.problems).toEqual([]);
  });

  it('warns when every amount of the column is ambiguous', async () => {
    const r = await readStatementFile(utf8('Date,Amount\n2024-03-01,-3.000\n'), 'x.csv');
    expect(r.problems.map((p) => p.code)).toEqual(['ambiguous-decimal-mark']);
  });

  it('reads a CN grouped amount in quotes', async () => {
    const r = await readStatementFile(utf8('日期,金额\n2024-03-01,"1,234.56"\n'), 'cn.csv');
    expect(r.lines.map((l) => l.amount)).toEqual(['1234.56']);
  });
});

describe('I9: amounts in parentheses', () => {
  const text = utf8(
    'Date,Description,Amount\n01/02/2024,Refund,($30.00)\n01/03/2024,Deposit,$400.00\n01/04/2024,Fee,"(¥1,234.50)"\n',
  );

  it('reads parentheses as negative', async () => {
    const r = await readStatementFile(text, 'us.csv');
    expect(r.lines.map((l) => l.amount)).toEqual(['-30.00', '400.00', '-1234.50']);
  });

  it('flips (30.00) to +30.00 with the negate option', async () => {
    const r = await readStatementFile(text, 'us.csv', { mapping: { negate: true } });
    expect(r.lines.map((l) => l.amount)).toEqual(['30.00', '-400.00', '1234.50']);
  });

  it('warns that 01/02/2024 could be day-first or month-first', async () => {
    const r = await readStatementFile(text, 'us.csv');
    expect(r.problems.map((p) => p.code)).toEqual(['ambiguous-day-order']);
  });

  it('reads the dates month-first when told', async () => {
    const r = await readStatementFile(text, 'us.csv', { mapping: { dayOrder: 'mdy' } });
    expect(r.lines.map((l) => l.date)).toEqual(['2024-01-02', '2024-01-03', '2024-01-04']);
  });
});

describe('E4: encodings on import', () => {
  it('reads our own BOM-prefixed CRLF export back with header 日期', async () => {
    const bytes = new Uint8Array([
      0xef,
      0xbb,
      0xbf,
      ...utf8('日期,摘要,金额\r\n2024-06-30,测试未达账项,-100.00\r\n'),
    ]);
    const r = await readStatementFile(bytes, 'outstanding.csv');
    expect(r.columns?.['日期']).toBe('date');
    expect(r.lines.map((l) => [l.date, l.description, l.amount])).toEqual([
      ['2024-06-30', '测试未达账项', '-100.00'],
    ]);
  });

  it('detects a GBK bank file (C8 D5 C6 DA for 日期) as GBK', async () => {
    // 日期,摘要,金额 / 2024-06-30,测试,-100.00 in GBK
    const header = [
      0xc8, 0xd5, 0xc6, 0xda, 0x2c, 0xd5, 0xaa, 0xd2, 0xaa, 0x2c, 0xbd, 0xf0, 0xb6, 0xee, 0x0a,
    ];
    const row = [...utf8('2024-06-30,'), 0xb2, 0xe2, 0xca, 0xd4, ...utf8(',-100.00\n')];
    const r = await readStatementFile(new Uint8Array([...header, ...row]), 'gbk.csv');
    expect(r.encoding).toBe('gb18030');
    expect(r.columns?.['日期']).toBe('date');
    expect(r.lines.map((l) => [l.description, l.amount])).toEqual([['测试', '-100.00']]);
  });

  it('refuses by name a file valid in neither UTF-8 nor GBK', async () => {
    const bytes = new Uint8Array([...utf8('Date,Amount\n2024-06-30,'), 0x81, 0x20, ...utf8('\n')]);
    const r = await readStatementFile(bytes, 'broken.csv');
    expect(r.lines).toEqual([]);
    expect(r.problems.map((p) => [p.code, p.file])).toEqual([
      ['unreadable-encoding', 'broken.csv'],
    ]);
  });
});

describe('dates in the layouts statements use', () => {
  // prettier-ignore
  it.each([
    ['2026-11-03',      '2026-11-03', undefined],
    ['2026/11/3 9:07',  '2026-11-03', '09:07'],
    ['03.11.2026',      '2026-11-03', undefined],
    ['20261103',        '2026-11-03', undefined],
    ['2026年11月3日',    '2026-11-03', undefined],
    ['46329',           '2026-11-03', undefined],
  ])('reads %s as %s', async (cell, date, time) => {
    const r = await readStatementFile(utf8(`日期,金额,摘要\n${cell},1.00,x\n`), 'd.csv');
    expect(r.lines.map((l) => [l.date, l.time])).toEqual([[date, time]]);
  });
});

describe('other file shapes', () => {
  it('reads an Excel "Unicode text" export: UTF-16 LE with TABs', async () => {
    const text = 'Date\tDescription\tAmount\r\n2024-02-01\t测试\t-5.00\r\n';
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      bytes[2 + i * 2] = text.charCodeAt(i) & 0xff;
      bytes[3 + i * 2] = text.charCodeAt(i) >> 8;
    }
    const r = await readStatementFile(bytes, 'unicode.txt');
    expect(r.encoding).toBe('utf-16le');
    expect(r.lines.map((l) => [l.date, l.description, l.amount])).toEqual([
      ['2024-02-01', '测试', '-5.00'],
    ]);
  });

  it('reads split 借方/贷方 columns as money out and money in', async () => {
    const r = await readStatementFile(
      utf8(
        '交易日期,摘要,借方发生额,贷方发生额,余额\n2024-03-02,付款,200.00,,800.00\n2024-03-03,收款,,"1,000.00",1800.00\n2024-03-04,空行,,,1800.00\n',
      ),
      'bank.csv',
    );
    expect(r.lines.map((l) => [l.date, l.amount])).toEqual([
      ['2024-03-02', '-200.00'],
      ['2024-03-03', '1000.00'],
    ]);
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['no-amount', 4]]);
  });

  it('checks opening and closing balance lines against the lines between them', async () => {
    const r = await readStatementFile(
      utf8(
        '交易日期,摘要,借方发生额,贷方发生额,余额\n2024-03-01,期初余额,,,1000.00\n2024-03-02,付款,200.00,,800.00\n2024-03-31,期末余额,,,900.00\n',
      ),
      'bank.csv',
    );
    expect(r.lines).toHaveLength(1);
    expect(r.skipped.map((p) => p.code)).toEqual(['balance-line', 'balance-line']);
    expect(r.problems.map((p) => p.message)).toEqual([
      'Statement 1: opening 1000.00 + lines -200.00 = 800.00, but the closing balance is 900.00 (difference 100.00)',
    ]);
  });

  it('signs amounts by a 借/贷 direction column', async () => {
    const r = await readStatementFile(
      utf8('日期,借贷标志,金额,摘要\n2024-03-02,借,200.00,付款\n2024-03-03,贷,50.00,收款\n'),
      'bank.csv',
    );
    expect(r.lines.map((l) => l.amount)).toEqual(['-200.00', '50.00']);
  });

  it('reports a file with no recognisable header as a file problem', async () => {
    const r = await readStatementFile(utf8('just,some,text\n1,2,3\n'), 'x.csv');
    expect(r.problems.map((p) => [p.code, p.row])).toEqual([['no-header-row', undefined]]);
  });

  it('rejects a row with a bad date in the middle of the file, naming line and column', async () => {
    const r = await readStatementFile(
      utf8('Date,Amount\n2024-02-01,1.00\n2024-02-30,2.00\n2024-02-03,3.00\n'),
      'x.csv',
    );
    expect(r.lines).toHaveLength(2);
    expect(r.problems.map((p) => [p.code, p.row, p.column, p.message])).toEqual([
      ['bad-date', 3, 'Date', "'2024-02-30' is not a date"],
    ]);
  });

  it('imports two overlapping files given together only once', async () => {
    const a = await readStatementFile(
      utf8('Date,Amount,Counterparty\n2024-07-01,-10,甲\n2024-07-02,-20,甲\n'),
      'a.csv',
    );
    const b = await readStatementFile(
      utf8('Date,Amount,Counterparty\n2024-07-02,-20,甲\n2024-07-03,-30,甲\n'),
      'b.csv',
    );
    expect(
      importStatementLines(makeBook(), [a, b], { accountId: 'BANK' }, CTX).summary,
    ).toMatchObject({ added: 3, duplicates: 1, total: '-80.00' });
  });
});

describe('legacy workbooks', () => {
  it('asks for .xlsx or CSV when given a legacy .xls file', async () => {
    const r = await readStatementFile(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'old.xls',
    );
    expect(r.problems.map((p) => p.code)).toEqual(['xls-not-supported']);
  });
});

describe('order numbers shortened by Excel', () => {
  it('flags 2.02303E+27 in an order-number column and does not match on it', async () => {
    const r = await readStatementFile(
      utf8(
        `${ALIPAY_HEADER}\n2023-02-12 21:32:14,亲情卡,测试商户,/,x,支出,49.74,余额,交易成功,2.02303E+27,,,\n`,
      ),
      'alipay.csv',
    );
    expect(r.lines[0].reference).toBeUndefined();
    expect(r.problems.map((p) => [p.code, p.row, p.column])).toEqual([
      ['long-number-id', 2, '交易订单号'],
    ]);
  });
});
