import * as fs from 'node:fs';
import * as path from 'node:path';
import { lockBook } from '../../analytics/io/book-lock';
import { runCli, tempDir } from '../cli/cli-harness';

describe('lockBook', () => {
  it('refuses a second lock while the first holder runs, naming its process', () => {
    const file = path.join(tempDir(), 'book.xlsx');
    fs.writeFileSync(file, 'x');
    const first = lockBook(file);
    expect(() => lockBook(file)).toThrow(new RegExp(`another cashbook command \\(process ${process.pid}\\) is using this book`));
    first.release();
    expect(() => lockBook(file).release()).not.toThrow();
  });

  it('takes over a lock left by a process that is gone', () => {
    const file = path.join(tempDir(), 'book.xlsx');
    fs.writeFileSync(file, 'x');
    fs.writeFileSync(path.join(path.dirname(file), '.book.xlsx.lock'), '999999999');
    expect(() => lockBook(file).release()).not.toThrow();
  });

  it('says the file changed when another program wrote it after the read', () => {
    const file = path.join(tempDir(), 'book.xlsx');
    fs.writeFileSync(file, 'x');
    const lock = lockBook(file);
    fs.writeFileSync(file, 'changed by hand');
    expect(() => lock.checkUnchanged()).toThrow(/changed after it was read/);
    lock.release();
  });
});

describe('two cashbook commands on one book at once', () => {
  it('keeps every entry: the second waits for nothing and stops with exit 2, or both land', async () => {
    const file = path.join(tempDir(), 'book.xlsx');
    await runCli(['init', file]);
    await runCli(['account', file, '--add', 'CASH', '--name', 'Cash', '--kind', 'cash', '--opening', '100', '--opening-date', '2024-01-01']);
    const runs = await Promise.all([1, 2, 3].map((d) => runCli(['record', file, '--date', `2024-01-0${d + 1}`, '--account', 'CASH', '--in', '1.00', '--summary', `r${d}`])));
    const landed = runs.filter((r) => r.code === 0).length;
    expect(runs.filter((r) => r.code !== 0).every((r) => r.code === 2 && /is using this book/.test(r.err))).toBe(true);
    const list = await runCli(['verify', file, '--json']);
    expect(JSON.parse(list.out).ok).toBe(true);
    const { readBook } = await import('../../analytics/io/read-book');
    expect((await readBook(file)).book.tables.Journal!.rows.length).toBe(landed);
  });
});
