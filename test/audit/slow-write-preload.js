// Test-only preload for the crash test: makes large fs.writeSync calls write in 16 KiB
// chunks with a pause between them, so the test can SIGKILL the CLI while the temp file is
// genuinely half written. Nothing else about the CLI changes.
const fs = require('node:fs');
const original = fs.writeSync;
const pause = new Int32Array(new SharedArrayBuffer(4));
fs.writeSync = function slowWriteSync(fd, buffer, ...rest) {
  if (!(buffer instanceof Uint8Array) || buffer.length < 64 * 1024 || rest.length) return original.call(fs, fd, buffer, ...rest);
  let done = 0;
  while (done < buffer.length) {
    done += original.call(fs, fd, buffer, done, Math.min(16384, buffer.length - done));
    Atomics.wait(pause, 0, 0, 10);
  }
  return done;
};
