/**
 * Write a file so that a crash leaves either the old file or the new one, never a torn one:
 * write a temp file beside it, flush it to disk, then rename over the target.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

/** Atomically replace `target` with `data`. */
export function writeFileAtomic(target: string, data: Uint8Array | string): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${process.pid}.${Date.now()}.tmp`);
  const fd = fs.openSync(tmp, 'w');
  try {
    fs.writeSync(fd, typeof data === 'string' ? Buffer.from(data) : data);
    fs.fsyncSync(fd);
  } catch (e) {
    fs.closeSync(fd);
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  fs.closeSync(fd);
  try {
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    throw e;
  }
  // Flush the directory entry too, so the rename itself survives a power cut.
  try {
    const dfd = fs.openSync(dir, 'r');
    fs.fsyncSync(dfd);
    fs.closeSync(dfd);
  } catch (e) {
    // Some file systems refuse fsync on a directory; the rename is still atomic there.
    if (!['EINVAL', 'EPERM', 'EISDIR', 'ENOTSUP', 'EBADF'].includes((e as NodeJS.ErrnoException).code ?? '')) throw e;
  }
}
