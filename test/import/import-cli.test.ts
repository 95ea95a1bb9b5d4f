/** `cashbook import` over a book file: JSON summary, exit codes, nothing written on bad input. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { importCommand } from '../../analytics/cli/commands/import';
import type { CliIo } from '../../analytics/cli/cli-io';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { makeBook } from './helpers';

const CORPUS = path.join(__dirname, '../../samples/statements');

function fakeIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return {
    stdout,
    stderr,
    out: (s) => stdout.push(s),
    err: (s) => stderr.push(s),
    lang: 'en-US',
    now: () => '2024-07-10 09:00:00',
    user: 'cashier',
  };
}

const run = (positionals: string[], values: Record<string, string | boolean>, io: CliIo) =>
  importCommand.run({ positionals, values }, io);

async function bookFile(): Promise<string> {
  const file = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-import-cli-')),
    'book.xlsx',
  );
  await writeBook(file, makeBook());
  return file;
}

describe('cashbook import', () => {
  it('prints counts, total and date range as JSON, then adds nothing the second time', async () => {
    const book = await bookFile();
    const file = path.join(CORPUS, 'cn-bank/deg-icbc-debit-v2.csv');
    const io = fakeIo();
    expect(await run([book, file], { account: 'BANK', json: true }, io)).toBe(1);
    expect(JSON.parse(io.stdout.join('\n'))).toMatchObject({
      added: 11,
      duplicates: 0,
      rejected: 0,
      total: '-1399.34',
      first: '2023-02-08',
      last: '2023-05-02',
    });
    const again = fakeIo();
    await run([book, file], { account: 'BANK', json: true }, again);
    expect(JSON.parse(again.stdout.join('\n'))).toMatchObject({ added: 0, duplicates: 11 });
    const { book: saved } = await readBook(book);
    expect(saved.tables.Statement!.rows).toHaveLength(11);
    expect(saved.tables.AuditLog!.rows.map((r) => r.Action)).toEqual(['import', 'import']);
  });

  it('exits 2 for an unknown account and leaves the book byte-identical', async () => {
    const book = await bookFile();
    const before = fs.readFileSync(book);
    const io = fakeIo();
    expect(
      await run([book, path.join(CORPUS, 'cn-bank/deg-cmb-debit.csv')], { account: 'NOPE' }, io),
    ).toBe(2);
    expect(io.stderr.join('\n')).toContain("Unknown account 'NOPE'");
    expect(fs.readFileSync(book).equals(before)).toBe(true);
  });

  it('exits 2 when an input file does not exist', async () => {
    const io = fakeIo();
    expect(await run([await bookFile(), '/nonexistent/x.csv'], { account: 'BANK' }, io)).toBe(2);
    expect(io.stderr).toEqual(['error: file not found: /nonexistent/x.csv']);
  });

  it('exits 2 with the usage line when --account is missing', async () => {
    const io = fakeIo();
    expect(await run([await bookFile(), 'x.csv'], {}, io)).toBe(2);
    expect(io.stderr[0]).toMatch(/^usage: cashbook import <book.xlsx> <file>\.\.\. --account ID/);
  });
});
