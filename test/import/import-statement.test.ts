/** The import command: accounts, exit codes, all or nothing, presets in Settings, limits, text safety. */
import ExcelJS from 'exceljs';
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { bookToWorkbook } from '../../analytics/io/write-book';
import { importStatement } from '../../analytics/import/import-statement';
import { fingerprintLines, fnv1a64 } from '../../analytics/import/fingerprint';
import { CTX, makeBook, utf8 } from './helpers';

const GOOD = utf8('Date,Description,Amount\n2024-02-01,Fee,-5.00\n2024-02-02,Deposit,100.00\n');
const ONE_BAD = utf8('Date,Description,Amount\n2024-02-01,Fee,-5.00\n2024-02-02,Deposit,abc\n');

describe('importStatement', () => {
  it('refuses an unknown account with exit 2 and names the accounts there are', async () => {
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes: GOOD }],
      { accountId: 'NOPE' },
      CTX,
    );
    expect(r.exitCode).toBe(2);
    expect(r.changes).toEqual([]);
    expect(r.messages[0].text['en-US']).toMatch(
      /^Unknown account 'NOPE' \(accounts in the book: BANK\)/,
    );
  });

  it('creates the account when asked to', async () => {
    const r = await importStatement(
      makeBook([]),
      [{ name: 'a.csv', bytes: GOOD }],
      { accountId: 'NEW', createAccount: true },
      CTX,
    );
    expect(r.exitCode).toBe(0);
    expect(r.changes[0]).toMatchObject({
      table: 'Accounts',
      op: 'append',
      rows: [{ AccountId: 'NEW', Kind: 'bank', Currency: 'CNY' }],
    });
    expect(r.changes[1]).toMatchObject({ table: 'Statement', op: 'append' });
  });

  it('writes statement rows with their Source, Fingerprint and signed amount', async () => {
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes: GOOD }],
      { accountId: 'BANK' },
      CTX,
    );
    const rows = (r.changes[0] as { rows: Record<string, unknown>[] }).rows;
    expect(rows.map((x) => [x.Date, x.Amount, x.Currency, x.Source, x.Description])).toEqual([
      ['2024-02-01', '-5.00', 'CNY', 'a.csv#2', 'Fee'],
      ['2024-02-02', '100.00', 'CNY', 'a.csv#3', 'Deposit'],
    ]);
    expect(rows[0].LineId).toBe(`S-${rows[0].Fingerprint}`);
    expect(r.summary).toMatchObject({
      added: 2,
      duplicates: 0,
      rejected: 0,
      total: '95.00',
      first: '2024-02-01',
      last: '2024-02-02',
    });
    expect(r.audit).toMatchObject({ action: 'import', target: 'BANK' });
  });

  it('imports the good lines and ends with exit 1 when a row is rejected', async () => {
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes: ONE_BAD }],
      { accountId: 'BANK' },
      CTX,
    );
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatchObject({ added: 1, rejected: 1 });
    const rejected = r.messages.find((m) => m.event === 'import-rejected')!;
    expect(rejected.text['en-US']).toBe("a.csv, line 3, column Amount: 'abc' is not an amount");
    expect(rejected.text['zh-CN']).toBe('a.csv，第 3 行，列 Amount：“abc”不是金额');
  });

  it('rejects a row whose unquoted comma shifts its cells, naming file and line; a trailing delimiter is fine', async () => {
    // every row but the shifted one ends with one empty extra cell (the export's trait)
    const csv = utf8('Date,Counterparty,Reference,Amount\n2024-02-01,Bank,,-5.00,\n2024-02-02,ACME Trading Co., Ltd.,R1,100.00\n2024-02-03,Shop,R2,7.50,\n');
    const r = await importStatement(makeBook(), [{ name: 'a.csv', bytes: csv }], { accountId: 'BANK' }, CTX);
    expect(r.exitCode).toBe(1);
    expect(r.summary).toMatchObject({ added: 2, rejected: 1 });
    const rejected = r.messages.find((m) => m.event === 'import-rejected')!;
    expect(rejected.text['en-US']).toMatch(/^a\.csv, line 3: The row has 5 cells but the header has 4 columns \(text past its last column\); a field holds an unquoted delimiter/);
    expect(rejected.text['zh-CN']).toBe(
      'a.csv，第 3 行：该行有 5 个单元格，但表头只有 4 列（最后一列之后还有内容）。某个字段里有未加引号的分隔符（如公司名称或“1,200.00”这样的金额中的逗号），使其后的各列错位。请给该字段加上引号或修正该行；此行未导入',
    );
    const lines = r.changes.find((c) => c.table === 'Statement')!;
    expect('rows' in lines && lines.rows.map((l) => l.Amount)).toEqual(['-5.00', '7.50']);
  });

  it('rejects a row whose company name was cut at its comma, even when the extra cell is empty', async () => {
    // the red-team case: 'Co., Ltd.' pushes 1000.00 from Inflow into Outflow
    const csv = utf8('Date,Counterparty,Reference,Inflow,Outflow\n2024-06-09,ACME Trading Co., Ltd.,,1000.00,\n2024-06-10,Shop,,,5.00\n');
    const r = await importStatement(makeBook(), [{ name: 'r.csv', bytes: csv }], { accountId: 'BANK' }, CTX);
    expect(r.summary).toMatchObject({ added: 1, rejected: 1 });
    expect(r.messages.find((m) => m.event === 'import-rejected')!.text['en-US']).toMatch(/^r\.csv, line 2: The row has 6 cells but the header has 5 columns \(a company name cut at its comma\)/);
  });

  it('rejects amounts cut at an unquoted thousands separator, even when most rows are cut', async () => {
    const csv = utf8('Date,Description,Amount,Remark\n2024-01-02,a,1,200.00,\n2024-01-03,b,-3,500.00,\n2024-01-04,c,7.50,\n');
    const r = await importStatement(makeBook(), [{ name: 't.csv', bytes: csv }], { accountId: 'BANK' }, CTX);
    expect(r.summary).toMatchObject({ added: 1, rejected: 2 });
    const texts = r.messages.filter((m) => m.event === 'import-rejected').map((m) => m.text['en-US']);
    expect(texts[0]).toMatch(/^t\.csv, line 2: .*an amount cut at a thousands separator \('1', '200\.00'\)/);
    const lines = r.changes.find((c) => c.table === 'Statement')!;
    expect('rows' in lines && lines.rows.map((l) => l.Amount)).toEqual(['7.50']);
  });

  it('rejects a cut amount in a file whose rows leave off their empty last column', async () => {
    const csv = utf8('Date,Description,Amount,Remark\n2024-01-02,a,-5.00\n2024-01-03,b,-3,500.00\n2024-01-04,c,7.50\n');
    const r = await importStatement(makeBook(), [{ name: 's.csv', bytes: csv }], { accountId: 'BANK' }, CTX);
    expect(r.summary).toMatchObject({ added: 2, rejected: 1 });
    expect(r.messages.find((m) => m.event === 'import-rejected')!.text['en-US']).toMatch(/^s\.csv, line 3: The row has 4 cells but the file's rows usually have 3 \(an amount cut at a thousands separator \('-3', '500\.00'\)\)/);
  });

  it('says each rejected row in Chinese with no English beyond the file name and the value read', async () => {
    const csv = utf8(
      'Date,Counterparty,Reference,Amount\n' +
        '2024-02-01,Bank,R1,abc\n' + // an amount that cannot be read
        '2024-02-02,ACME Trading Co., Ltd.,R2,100.00\n' + // a company name cut at its comma
        '2024-02-03,Shop,R3\n' + // the amount cell missing
        'someday,Shop,R4,5.00\n' + // a date that cannot be read
        '2024-02-05,Shop,R5,-7.50\n',
    );
    const r = await importStatement(makeBook(), [{ name: 'bank.csv', bytes: csv }], { accountId: 'BANK' }, CTX);
    expect(r.summary).toMatchObject({ added: 1, rejected: 4 });
    const zh = r.messages.filter((m) => m.event === 'import-rejected').map((m) => m.text['zh-CN']);
    expect(zh).toEqual([
      'bank.csv，第 2 行，列 Amount：“abc”不是金额',
      'bank.csv，第 3 行：该行有 5 个单元格，但表头只有 4 列（最后一列之后还有内容）。某个字段里有未加引号的分隔符（如公司名称或“1,200.00”这样的金额中的逗号），使其后的各列错位。请给该字段加上引号或修正该行；此行未导入',
      'bank.csv，第 4 行，列 Amount：该行只有 3 个单元格，表头有 4 列，缺少金额',
      'bank.csv，第 5 行，列 Date：“someday”不是日期',
    ]);
    // beyond the file name, the column names from the header and the quoted value, no Latin letters
    for (const text of zh) {
      const rest = text.replace('bank.csv', '').replace(/列 (Amount|Date)/, '').replace(/“[^”]*”/g, '');
      expect(rest).not.toMatch(/[A-Za-z]/);
    }
  });

  it('takes a one-line export whose line ends with a delimiter the header lacks', async () => {
    const csv = utf8('Date,Counterparty,Reference,Amount\n2024-06-09,Shop,R9,-5.00,\n');
    const r = await importStatement(makeBook(), [{ name: 'one.csv', bytes: csv }], { accountId: 'BANK' }, CTX);
    expect(r.exitCode).toBe(0);
    expect(r.summary).toMatchObject({ added: 1, rejected: 0 });
  });

  it('imports nothing and exits 2 when all or nothing was chosen and a row is rejected', async () => {
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes: ONE_BAD }],
      { accountId: 'BANK', allOrNothing: true },
      CTX,
    );
    expect(r.exitCode).toBe(2);
    expect(r.changes).toEqual([]);
    expect(r.summary.files[0].added).toBe(0);
  });

  it('imports nothing, writes no audit row and exits 2 when every row is rejected', async () => {
    const bytes = utf8('Date,Description,Amount\n2024-02-01,Fee,x\n2024-02-02,Deposit,1.2.3\n');
    const r = await importStatement(makeBook(), [{ name: 'a.csv', bytes }], { accountId: 'BANK' }, CTX);
    expect([r.exitCode, r.changes, r.audit, r.summary.added, r.summary.rejected]).toEqual([2, [], undefined, 0, 2]);
  });

  it('stops with exit 2 when one of the files cannot be read', async () => {
    const r = await importStatement(
      makeBook(),
      [
        { name: 'a.csv', bytes: GOOD },
        { name: 'b.csv', bytes: new Uint8Array([0x81, 0x20]) },
      ],
      { accountId: 'BANK' },
      CTX,
    );
    expect(r.exitCode).toBe(2);
    expect(r.changes).toEqual([]);
  });

  it('refuses a file over the row limit from Settings with a clear message', async () => {
    const book = makeBook();
    book.tables.Settings!.rows = [{ Key: 'import.maxRows', Value: '1' }];
    const r = await importStatement(
      book,
      [{ name: 'a.csv', bytes: GOOD }],
      { accountId: 'BANK' },
      CTX,
    );
    expect(r.exitCode).toBe(2);
    expect(r.messages.map((m) => m.text['en-US']).join('\n')).toContain(
      'The file has 2 data rows; the limit is 1',
    );
  });

  it('refuses a file over the size limit', async () => {
    const book = makeBook();
    book.tables.Settings!.rows = [{ Key: 'import.maxBytes', Value: '10' }];
    const r = await importStatement(
      book,
      [{ name: 'a.csv', bytes: GOOD }],
      { accountId: 'BANK' },
      CTX,
    );
    expect(r.exitCode).toBe(2);
    expect(r.messages.some((m) => /limit is 10/.test(m.text['en-US']))).toBe(true);
  });

  it('saves the preset and mapping used in Settings and reads them back next time', async () => {
    const odd = utf8('Buchungstag;Betrag;Text\n01.03.2024;-1.234,50;Miete\n');
    const mapping = {
      date: 'Buchungstag',
      amount: 'Betrag',
      description: 'Text',
      decimalMark: ',' as const,
    };
    const first = await importStatement(
      makeBook(),
      [{ name: 'de.csv', bytes: odd }],
      { accountId: 'BANK', mapping, savePresetAs: 'hausbank' },
      CTX,
    );
    const setting = first.changes.find((c) => c.table === 'Settings') as unknown as {
      rows: { Key: string; Value: string }[];
    };
    expect(setting.rows[0].Key).toBe('import.preset.hausbank');
    expect(JSON.parse(setting.rows[0].Value)).toEqual({ base: 'generic', mapping });
    const book = makeBook();
    book.tables.Settings!.rows = setting.rows;
    const again = await importStatement(
      book,
      [{ name: 'de2.csv', bytes: odd }],
      { accountId: 'BANK', preset: 'hausbank', dryRun: true },
      CTX,
    );
    expect(again.summary).toMatchObject({ added: 1, total: '-1234.50' });
  });

  it('names an unknown preset as bad input', async () => {
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes: GOOD }],
      { accountId: 'BANK', preset: 'nosuch' },
      CTX,
    );
    expect(r.exitCode).toBe(2);
    expect(r.messages.some((m) => m.text['en-US'].includes("Unknown preset 'nosuch'"))).toBe(true);
  });

  it('keeps a description that starts with = as text, written as a string cell', async () => {
    const bytes = utf8(
      'Date,Description,Amount\n2024-06-03,"=HYPERLINK(""http://example.invalid"",""x"")",-350.00\n',
    );
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes }],
      { accountId: 'BANK' },
      CTX,
    );
    const book = applyChangeSet(makeBook(), r.changes);
    const row = book.tables.Statement!.rows[0];
    expect(row.Description).toBe('=HYPERLINK("http://example.invalid","x")');
    const ws = bookToWorkbook(book).worksheets.find((w) => w.name === '对账单')!;
    const cells: ExcelJS.Cell[] = [];
    ws.eachRow((r_) => r_.eachCell((c) => cells.push(c)));
    const cell = cells.find((c) => String(c.value).startsWith('=HYPERLINK'))!;
    expect(cell.type).toBe(ExcelJS.ValueType.String);
  });
});

describe('fingerprintLines', () => {
  const line = { date: '2024-05-10', amount: '-2.00', row: 2 };

  it('gives two identical lines of one file different fingerprints', () => {
    const [a, b] = fingerprintLines('BANK', [line, { ...line, row: 3 }]);
    expect(a).not.toBe(b);
  });

  it('gives the same line the same fingerprint in another file', () => {
    expect(fingerprintLines('BANK', [line])).toEqual(
      fingerprintLines('BANK', [{ ...line, row: 99 }]),
    );
  });

  it('ties the fingerprint to the account', () => {
    expect(fingerprintLines('BANK', [line])).not.toEqual(fingerprintLines('CASH', [line]));
  });

  // prettier-ignore
  it.each([
    ['', 'cbf29ce484222325'],
    ['a', 'af63dc4c8601ec8c'],
    ['foobar', '85944171f73967e8'],
  ])('hashes %j with 64-bit FNV-1a to %s', (text, hex) => {
    expect(fnv1a64(text)).toBe(hex);
  });
});

describe('importStatement and currencies', () => {
  it('warns about lines in another currency than the account', async () => {
    const bytes = utf8('Date,Amount,Currency\n2024-02-01,-5.00,CNY\n2024-02-02,-7.00,HKD\n');
    const r = await importStatement(
      makeBook(),
      [{ name: 'a.csv', bytes }],
      { accountId: 'BANK' },
      CTX,
    );
    expect(
      r.messages.filter((m) => m.event === 'import-currency').map((m) => m.text['en-US']),
    ).toEqual([
      "1 line(s) are in HKD, not the account's currency CNY; reconciliation will not match them against CNY amounts directly",
    ]);
  });
});
