/**
 * Kill the CLI (SIGKILL) at several points while it rewrites a large book, and show the
 * book is always the old version or the complete new one: readable, verified, never torn.
 * A preload slows the temp-file write into 16 KiB steps so "half written" is a real state.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { verifyBook } from '../../analytics/audit/verify-book';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { makeLargeBook } from './large-book';

const ROOT = path.join(__dirname, '../..');
const PRELOAD = path.join(__dirname, 'slow-write-preload.js');
const ENTRIES = 1500;

type KillPoint = { name: string; when: (tmpSize: number | undefined, elapsed: number) => boolean } | { name: string; when: null };

const tmpOf = (dir: string) => fs.readdirSync(dir).filter((f) => f.startsWith('.book.xlsx.') && f.endsWith('.tmp'));

/** Run `cashbook record` on the book; kill it when `point.when` says so. Resolves when the process is gone. */
function recordAndKill(dir: string, file: string, point: KillPoint, expectedSize: number): Promise<{ killed: boolean }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', PRELOAD, path.join(ROOT, 'bin/cashbook.js'), 'record', file, '--date', '2024-03-31', '--account', 'BANK1', '--out', '10.00', '--summary', '崩溃测试'], { cwd: ROOT, env: { ...process.env, CASHBOOK_USER: 'crash-test', CASHBOOK_LANG: 'en-US' }, stdio: 'ignore' });
    const started = Date.now();
    let killed = false;
    const timer = setInterval(() => {
      if (point.when === null || killed) return;
      const tmp = tmpOf(dir).map((f) => path.join(dir, f)).find((f) => !existingTmp.has(f));
      const size = tmp && fs.existsSync(tmp) ? fs.statSync(tmp).size : undefined;
      if (point.when(size === undefined ? undefined : size / expectedSize, Date.now() - started)) {
        killed = child.kill('SIGKILL');
      }
    }, 2);
    const existingTmp = new Set(tmpOf(dir).map((f) => path.join(dir, f)));
    child.on('exit', () => {
      clearInterval(timer);
      resolve({ killed });
    });
  });
}

describe('a CLI write killed part-way', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-crash-'));
  const file = path.join(dir, 'book.xlsx');
  const leftovers: number[] = [];

  beforeAll(async () => {
    await writeBook(file, makeLargeBook(ENTRIES));
  }, 120_000);

  const points: KillPoint[] = [
    { name: 'while the CLI starts and reads', when: (_, ms) => ms > 400 },
    { name: 'as soon as the temp file exists', when: (size) => size !== undefined },
    { name: 'with the temp file a third written', when: (size) => size !== undefined && size > 0.33 },
    { name: 'with the temp file nearly complete', when: (size) => size !== undefined && size > 0.9 },
    { name: 'never (the write completes)', when: null },
  ];

  it.each(points)('leaves the old or the complete new book when killed $name', async (point) => {
    const before = fs.readFileSync(file);
    const beforeRows = (await readBook(file)).book.tables.Journal!.rows.length;

    const { killed } = await recordAndKill(dir, file, point, before.length);
    leftovers.push(tmpOf(dir).length);

    const after = fs.readFileSync(file);
    const { book } = await readBook(file);
    expect(verifyBook(book)).toEqual({ ok: true, problems: [] });
    if (Buffer.compare(before, after) === 0) {
      expect(point.when).not.toBeNull();
    } else {
      // The new version, whole: one more entry, the one we recorded.
      expect(book.tables.Journal!.rows.length).toBe(beforeRows + 1);
      expect(book.tables.Journal!.rows.some((r) => r.Summary === '崩溃测试')).toBe(true);
    }
    if (point.when !== null) expect(killed).toBe(true);
  }, 120_000);

  it('removes the temp files of killed writes on the next complete write', async () => {
    // Kills landed mid-write (temp files were left), and the completed run cleared them.
    expect(Math.max(...leftovers)).toBeGreaterThan(0);
    expect(leftovers[leftovers.length - 1]).toBe(0);
    expect(tmpOf(dir)).toEqual([]);
  }, 120_000);
});
