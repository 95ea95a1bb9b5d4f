import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { main } from '../../analytics/cli/main';
import type { CliIo } from '../../analytics/cli/cli-io';
import { writeBook } from '../../analytics/io/write-book';
import { cloneBook, makeSealedBook } from './sealed-book';

function fakeIo(): CliIo & { stdout: string[]; stderr: string[] } {
  const stdout: string[] = [];
  const stderr: string[] = [];
  return { stdout, stderr, out: (s) => stdout.push(s), err: (s) => stderr.push(s), lang: 'en-US', now: () => '2024-04-30 17:00:00', user: 'auditor' };
}

const dir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-verify-cli-'));

describe('cashbook verify', () => {
  it('prints ok and exits 0 for an intact book', async () => {
    const file = path.join(dir(), 'book.xlsx');
    await writeBook(file, makeSealedBook());
    const io = fakeIo();
    expect(await main(['verify', file, '--json'], io)).toBe(0);
    expect(JSON.parse(io.stdout.join('\n'))).toEqual({ ok: true, failures: [] });
  });

  it('lists the tampered rows and exits 1', async () => {
    const file = path.join(dir(), 'book.xlsx');
    const book = cloneBook(makeSealedBook());
    book.tables.Journal!.rows[1].Summary = '改过';
    await writeBook(file, book);
    const io = fakeIo();
    expect(await main(['verify', file, '--json'], io)).toBe(1);
    const out = JSON.parse(io.stdout.join('\n'));
    expect(out.ok).toBe(false);
    expect(out.failures).toEqual([
      { code: 'entry-edited', table: 'Journal', row: 3, id: 'J2', message: 'Journal sheet row 3 (entry J2) does not match its RowHash: the posted entry was edited.' },
    ]);
  });

  it('exits 2 naming the file when it is not a workbook, and leaves it as it was', async () => {
    const file = path.join(dir(), 'book.xlsx');
    fs.writeFileSync(file, 'not a zip at all');
    const io = fakeIo();
    expect(await main(['verify', file], io)).toBe(2);
    expect(io.stderr.join('\n')).toContain(file);
    expect(fs.readFileSync(file, 'utf8')).toBe('not a zip at all');
  });
});
