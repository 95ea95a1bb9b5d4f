/**
 * One writer per book. A command that will write takes a lock file beside the book
 * (created exclusively, holding its pid) before it reads, and gives it back when done; a
 * second command finds the lock and stops with a clear message instead of silently
 * overwriting the first one's work. A lock left by a process that no longer runs (killed
 * mid-write) is taken over. Before writing, the book's size and time stamp are checked
 * again, so an edit made meanwhile by another program is not overwritten either.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { t } from '../book/types';
import { fail } from '../util/error';

export interface BookLock {
  /** Throws `book-changed` when the file is no longer the one that was read. */
  checkUnchanged(): void;
  release(): void;
}

/**
 * Lock a book for one command.
 * @throws AnalyticsError `book-busy` when another running command holds the lock
 */
export function lockBook(file: string): BookLock {
  const lockFile = path.join(path.dirname(path.resolve(file)), `.${path.basename(file)}.lock`);
  take(lockFile, file);
  const stamp = statOf(file);
  let held = true;
  return {
    checkUnchanged() {
      const now = statOf(file);
      if (now !== stamp) fail('book-changed', t(`${file}: 读取后已被其他程序修改，未写入任何内容；请重新运行该命令`, `${file}: the file changed after it was read (by another program); nothing was written. Run the command again.`));
    },
    release() {
      if (!held) return;
      held = false;
      fs.rmSync(lockFile, { force: true });
    },
  };
}

function take(lockFile: string, file: string): void {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = fs.openSync(lockFile, 'wx');
      fs.writeSync(fd, String(process.pid));
      fs.closeSync(fd);
      return;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      const pid = Number(fs.readFileSync(lockFile, 'utf8').trim());
      if (isRunning(pid)) fail('book-busy', t(`${file}: 另一个 cashbook 命令（进程 ${pid}）正在使用该账簿，请稍后再试`, `${file}: another cashbook command (process ${pid}) is using this book; try again when it has finished.`));
      fs.rmSync(lockFile, { force: true });
    }
  }
  fail('book-busy', t(`${file}: 无法锁定账簿`, `${file}: could not lock the book`));
}

function isRunning(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function statOf(file: string): string {
  const s = fs.statSync(file, { throwIfNoEntry: false });
  return s ? `${s.size}:${s.mtimeMs}` : 'missing';
}
