import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { auditRowHash } from '../../analytics/audit/audit-chain';
import { entryRowHash } from '../../analytics/audit/entry-hash';
import { verifyBook } from '../../analytics/audit/verify-book';
import { commitCommand } from '../../analytics/book/commit-command';
import { readBook } from '../../analytics/io/read-book';
import { streamReadBook } from '../../analytics/io/stream-read-book';
import { writeBook } from '../../analytics/io/write-book';
import type { Book, Row } from '../../analytics/book/types';
import { cloneBook, commit, entry, makeSealedBook } from './sealed-book';
import { buildDemoBook } from '../../analytics/demo/build-demo-book';
import { DEMO_STATEMENTS } from '../../analytics/demo/sample-accounts';
import { importStatement } from '../../analytics/import/import-statement';
import { SAMPLES_DIR } from '../../analytics/cli/commands/demo';

const audit = (b: Book) => b.tables.AuditLog!.rows;
const journal = (b: Book) => b.tables.Journal!.rows;
const codes = (b: Book) => verifyBook(b).problems.map((p) => [p.code, p.ids?.join(',') ?? p.id]);

describe('verifyBook', () => {
  it('passes a book written only through Cashbook', () => {
    expect(verifyBook(makeSealedBook())).toEqual({ ok: true, problems: [] });
  });

  it('passes the same book after a trip through an .xlsx file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-verify-')), 'book.xlsx');
    await writeBook(file, makeSealedBook());
    const { book } = await readBook(file);
    expect(verifyBook(book)).toEqual({ ok: true, problems: [] });
  });

  it('passes the same book read back by the streaming reader', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-verify-')), 'book.xlsx');
    await writeBook(file, makeSealedBook());
    const { book } = await streamReadBook(file);
    expect(verifyBook(book)).toEqual({ ok: true, problems: [] });
  });

  it('passes a 1904-date-system book after a trip through an .xlsx file', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-verify-')), 'book1904.xlsx');
    await writeBook(file, { ...makeSealedBook(), date1904: true });
    const { book } = await readBook(file);
    expect(book.date1904).toBe(true);
    expect(verifyBook(book)).toEqual({ ok: true, problems: [] });
  });

  it('passes after the Journal sheet is sorted differently', () => {
    const book = cloneBook(makeSealedBook());
    journal(book).reverse();
    expect(verifyBook(book).ok).toBe(true);
  });

  it('names an AuditLog row whose Detail was edited', () => {
    const book = cloneBook(makeSealedBook());
    audit(book)[2].Detail = '{"n":0}';
    expect(codes(book)).toEqual([['audit-row-edited', '3']]);
  });

  it('names AuditLog rows deleted from the middle', () => {
    const book = cloneBook(makeSealedBook());
    audit(book).splice(2, 1);
    expect(codes(book)).toEqual([['audit-rows-deleted', '3']]);
  });

  it('names AuditLog rows deleted from the start', () => {
    const book = cloneBook(makeSealedBook());
    audit(book).splice(0, 2);
    expect(codes(book)).toEqual([['audit-rows-deleted', '1,2']]);
  });

  it('names the newest AuditLog row deleted together with the journal entry it appended', () => {
    // Seq 6 records J5; deleting J5 and Seq 6 leaves a log and a journal that agree with
    // each other (Seq 5's seal), but not with the head kept in Settings.
    let book = makeSealedBook();
    book = commit(book, 'record', [{ table: 'Journal', op: 'append', rows: [entry('J5', '2024-04-08', '10.00', null, '1460.00')] }], '2024-04-08 09:00:00');
    expect(verifyBook(book).ok).toBe(true);
    const cut = cloneBook(book);
    journal(cut).pop();
    audit(cut).pop();
    expect(codes(cut)).toEqual([['audit-rows-deleted', '6']]);
  });

  it('names the last two AuditLog rows cut off the end', () => {
    const book = cloneBook(makeSealedBook());
    audit(book).splice(3, 2);
    expect(codes(book)).toContainEqual(['audit-rows-deleted', '4,5']);
  });

  it('keeps naming the cut after a later command moves the head on', () => {
    let book = makeSealedBook();
    book = commit(book, 'record', [{ table: 'Journal', op: 'append', rows: [entry('J5', '2024-04-08', '10.00', null, '1460.00')] }], '2024-04-08 09:00:00');
    const cut = cloneBook(book);
    journal(cut).pop();
    audit(cut).pop();
    const after = commit(cut, 'risk', [], '2024-04-09 09:00:00');
    // the new row takes Seq 7, after the recorded head (6), and keeps what it found
    expect(audit(after).map((r) => r.Seq)).toEqual([1, 2, 3, 4, 5, 7]);
    expect(String(audit(after)[5].Detail)).toContain('"headBroken"');
    expect(verifyBook(after).problems.map((p) => [p.code, p.ids?.join(','), p.id])).toEqual([['audit-rows-deleted', '6', '7']]);
    // and it stays named after yet another command
    const later = commit(after, 'risk', [], '2024-04-10 09:00:00');
    expect(verifyBook(later).problems.map((p) => [p.code, p.ids?.join(',')])).toEqual([['audit-rows-deleted', '6']]);
  });

  it('keeps naming a deleted head after a later command', () => {
    const book = cloneBook(makeSealedBook());
    book.tables.Settings!.rows = book.tables.Settings!.rows.filter((r) => r.Key !== 'audit.head');
    const after = commit(book, 'risk', [], '2024-04-09 09:00:00');
    expect(verifyBook(after).problems.map((p) => [p.code, p.id])).toEqual([['audit-head-missing', '6']]);
  });

  it('says when the audit head in Settings is missing or does not match', () => {
    const missing = cloneBook(makeSealedBook());
    missing.tables.Settings!.rows = missing.tables.Settings!.rows.filter((r) => r.Key !== 'audit.head');
    expect(codes(missing)).toEqual([['audit-head-missing', undefined]]);
    const edited = cloneBook(makeSealedBook());
    edited.tables.Settings!.rows.find((r) => r.Key === 'audit.head')!.Value = '5:' + 'ab'.repeat(32);
    expect(codes(edited)).toEqual([['audit-head-mismatch', undefined]]);
  });

  it('keeps the head of the chain in Settings after each command', () => {
    const book = makeSealedBook();
    const last = audit(book)[audit(book).length - 1];
    // Seq and SHA-256 of 'cashbook audit head ' + Hash, a value found nowhere in the sheets
    const tag = createHash('sha256').update(`cashbook audit head ${last.Hash}`, 'utf8').digest('hex');
    expect(book.tables.Settings!.rows.find((r) => r.Key === 'audit.head')!.Value).toBe(`5:${tag}`);
  });

  it('names a cut that copied the last remaining row into the head', () => {
    // The edit a red-team made in Excel: cut Seq 5, then copy Seq 4's Seq and Hash into the head.
    const book = cloneBook(makeSealedBook());
    audit(book).pop();
    const last = audit(book)[audit(book).length - 1];
    book.tables.Settings!.rows.find((r) => r.Key === 'audit.head')!.Value = `${last.Seq}:${last.Hash}`;
    expect(codes(book)).toContainEqual(['audit-head-mismatch', undefined]);
  });

  it('names a wiped AuditLog while the journal holds entries Cashbook recorded', () => {
    const book = cloneBook(makeSealedBook());
    book.tables.AuditLog!.rows = [];
    book.tables.Settings!.rows = book.tables.Settings!.rows.filter((r) => r.Key !== 'audit.head');
    expect(codes(book)).toEqual([['audit-rows-deleted', undefined]]);
    // and a command run on it keeps that finding
    const after = commit(book, 'risk', [], '2024-04-09 09:00:00');
    expect(verifyBook(after).ok).toBe(false);
  });

  it('names an AuditLog row inserted with a self-consistent hash', () => {
    const book = cloneBook(makeSealedBook());
    const rows = audit(book);
    const forged: Row = { Seq: 3, At: '2024-04-02 12:00:00', User: 'intruder', Action: 'record', Target: 'BANK1', Detail: '{}', PrevHash: rows[1].Hash };
    forged.Hash = auditRowHash(forged);
    rows.splice(2, 0, forged);
    const problems = verifyBook(book).problems;
    expect(problems.map((p) => [p.code, p.row])).toEqual([['audit-row-inserted', 4]]);
  });

  it('names AuditLog rows that were swapped', () => {
    const book = cloneBook(makeSealedBook());
    const rows = audit(book);
    [rows[2], rows[3]] = [rows[3], rows[2]];
    expect(codes(book)).toEqual([['audit-row-moved', '4'], ['audit-row-moved', '3'], ['audit-row-moved', '5']]);
  });

  it('names the row after one whose content and Hash were both rewritten', () => {
    const book = cloneBook(makeSealedBook());
    const row = audit(book)[2];
    row.User = 'someone-else';
    row.Hash = auditRowHash(row);
    expect(codes(book)).toEqual([['audit-chain-broken', '4']]);
  });

  it('names a posted entry edited outside Cashbook', () => {
    const book = cloneBook(makeSealedBook());
    journal(book)[0].Inflow = '5000.00';
    journal(book)[0].Balance = '6000.00';
    expect(codes(book)).toContainEqual(['entry-edited', 'J1']);
  });

  it('names an entry that carries no RowHash', () => {
    const book = cloneBook(makeSealedBook());
    journal(book)[2].RowHash = null;
    expect(codes(book)).toContainEqual(['entry-unsealed', 'J3']);
  });

  it('names a journal entry deleted outside Cashbook', () => {
    const book = cloneBook(makeSealedBook());
    journal(book).splice(2, 1);
    journal(book)[2].Balance = '1500.00';
    expect(codes(book)).toEqual([['journal-rows-deleted', 'J3']]);
  });

  it('names a journal entry inserted outside Cashbook even with a valid RowHash', () => {
    const book = cloneBook(makeSealedBook());
    const row = entry('J9', '2024-04-09', '10.00', null, '1460.00');
    row.RowHash = entryRowHash(row);
    journal(book).push(row);
    expect(codes(book)).toEqual([['journal-rows-inserted', 'J9']]);
  });

  it('names a copied journal row as inserted', () => {
    const book = cloneBook(makeSealedBook());
    journal(book).push({ ...journal(book)[0], Balance: null });
    const p = verifyBook(book).problems.filter((x) => x.code !== 'balance-mismatch');
    expect(p.map((x) => [x.code, x.id, x.row])).toEqual([['journal-rows-inserted', 'J1', 6]]);
  });

  it('reports an entry edited with a recomputed RowHash through the journal seal', () => {
    const book = cloneBook(makeSealedBook());
    const e = journal(book)[2];
    e.Summary = '改过的摘要';
    e.RowHash = entryRowHash(e);
    expect(codes(book)).toEqual([['journal-seal-mismatch', undefined]]);
  });

  it('reports a typed Balance that disagrees with the recomputed one', () => {
    const book = cloneBook(makeSealedBook());
    journal(book)[2].Balance = '1200.00';
    const p = verifyBook(book).problems;
    expect(p.map((x) => x.code)).toEqual(['balance-mismatch']);
    expect(p[0].message['en-US']).toBe('Journal sheet row 4 (entry J3) shows Balance 1200.00; recomputed it is 1250.00.');
  });
});

describe('verifyBook on closed periods', () => {
  // April closed at 1450.00 on BANK1 (opening 1000 + 500 − 200 − 50 + 200).
  function closedApril(): Book {
    const book = cloneBook(makeSealedBook());
    const close = { Period: '2024-04', Status: 'closed', ClosedAt: '2024-05-01 09:00:00', ClosedBy: 'cashier', ClosingBalances: '{"BANK1":"1450.00"}' };
    const result = { changes: [{ table: 'Periods' as const, op: 'upsert' as const, rows: [close] }], summary: {}, messages: [], exitCode: 0 as const, audit: { action: 'close', target: '2024-04', detail: {} } };
    return commitCommand(book, result, { now: '2024-05-01 09:00:00', user: 'cashier', lang: 'en-US' }).book;
  }

  it('passes while the journal still gives the recorded closing balance', () => {
    expect(verifyBook(closedApril()).ok).toBe(true);
  });

  it('names a closed period whose closing balance the journal no longer gives', () => {
    const book = closedApril();
    const e = entry('J8', '2024-04-20', null, '80.00', '1370.00');
    e.RowHash = entryRowHash(e);
    journal(book).push(e);
    const p = verifyBook(book).problems.filter((x) => x.code === 'closed-period-changed');
    expect(p.map((x) => [x.id, x.row, x.message['en-US']])).toEqual([['2024-04', 2, 'Closed period 2024-04: account BANK1 closed at 1450.00, but the Journal now gives 1370.00; entries of the closed period were changed after closing.']]);
  });
});

describe('verifyBook on tables besides the Journal', () => {
  function bookWithStatement(): Book {
    const book = cloneBook(makeSealedBook());
    const lines = [
      { LineId: 'S-1', AccountId: 'BANK1', Date: '2024-04-02', Amount: '100.00', Description: '货款', Source: 'a.csv#2' },
      { LineId: 'S-2', AccountId: 'BANK1', Date: '2024-04-03', Amount: '-20.00', Description: '手续费', Source: 'a.csv#3' },
    ];
    const result = { changes: [{ table: 'Statement' as const, op: 'append' as const, rows: lines }], summary: {}, messages: [], exitCode: 0 as const, audit: { action: 'import', target: 'BANK1', detail: {} } };
    return commitCommand(book, result, { now: '2024-05-01 09:00:00', user: 'cashier', lang: 'en-US' }).book;
  }

  it('passes a statement written through Cashbook', () => {
    expect(verifyBook(bookWithStatement()).problems).toEqual([]);
  });

  it('names the Statement table when a bank line amount is edited by hand', () => {
    const book = bookWithStatement();
    book.tables.Statement!.rows[1] = { ...book.tables.Statement!.rows[1], Amount: '-2.00' };
    expect(verifyBook(book).problems.map((p) => [p.code, p.table, p.message['en-US']])).toEqual([
      ['table-changed', 'Statement', 'The Statement table was changed outside Cashbook: it no longer matches the seal in the latest AuditLog row.'],
    ]);
  });

  it('still names the edit after a later command appends to the same table', () => {
    const book = bookWithStatement();
    book.tables.Statement!.rows[0] = { ...book.tables.Statement!.rows[0], Description: '改过的摘要' };
    const more = { changes: [{ table: 'Statement' as const, op: 'append' as const, rows: [{ LineId: 'S-3', AccountId: 'BANK1', Date: '2024-04-05', Amount: '5.00' }] }], summary: {}, messages: [], exitCode: 0 as const, audit: { action: 'import', target: 'BANK1', detail: {} } };
    const after = commitCommand(book, more, { now: '2024-05-02 09:00:00', user: 'cashier', lang: 'en-US' }).book;
    expect(verifyBook(after).problems.map((p) => p.code)).toEqual(['table-changed']);
  });

  it('passes the same book read back from the .xlsx it was written to', async () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-seal-')), 'b.xlsx');
    await writeBook(file, bookWithStatement());
    expect(verifyBook((await readBook(file)).book).problems).toEqual([]);
  });
});

describe('verifyBook names edited statement lines by their fingerprints', () => {
  // The five real statement files of the demo (CSV in UTF-8 and GBK, wallet bills), imported
  // through Cashbook and read back from .xlsx both ways: no line is named until one is edited.
  async function importedBook(): Promise<Book> {
    let book = buildDemoBook('zh-CN');
    const ctx = { now: '2024-05-01 09:00:00', user: 'cashier', lang: 'zh-CN' as const };
    for (const s of DEMO_STATEMENTS) {
      const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, s.file)));
      book = commitCommand(book, await importStatement(book, [{ name: path.basename(s.file), bytes }], { accountId: s.accountId }, ctx), ctx).book;
    }
    return book;
  }

  it.each([
    ['in memory', async (b: Book) => b],
    ['read back by ExcelJS', async (b: Book) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-fp-')), 'b.xlsx');
      await writeBook(file, b);
      return (await readBook(file)).book;
    }],
    ['read back by the streaming reader', async (b: Book) => {
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-fp-')), 'b.xlsx');
      await writeBook(file, b);
      return (await streamReadBook(file)).book;
    }],
  ])('%s', async (_how, trip) => {
    const book = await trip(await importedBook());
    const lines = book.tables.Statement!.rows;
    expect(lines.length).toBe(42);
    expect(verifyBook(book).ok).toBe(true);
    // Edit one line: only it is named, at its sheet row.
    const k = 7;
    const target = lines[k];
    lines[k] = { ...target, Amount: (Number(target.Amount) + 1).toFixed(2) };
    const problems = verifyBook(book).problems.filter((p) => p.table === 'Statement');
    expect(problems.map((p) => [p.code, p.ids, p.row])).toEqual([['table-changed', [target.LineId], k + 2]]);
  });
});
