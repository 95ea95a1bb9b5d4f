/**
 * The CLI's matcher runner: a large reconciliation is matched on two threads, one sign
 * (receipts or payments, whichever has fewer rows) here and the other on a helper
 * thread. No matcher pass ever pairs a receipt with a
 * payment, so the two halves give the same matches as one run (a test holds them equal).
 * The engine's API stays synchronous: this thread does its half and hands it to the caller,
 * then blocks on a shared counter, taking the helper's proposals as it sends them after each
 * pass and handing each part over in turn. Small books, and books with rejected pairings
 * (whose check reads row ids the helper does not have), are matched here alone.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import { t } from '../book/types';
import { fail } from '../util/error';
import type { LedgerColumns } from '../reconcile/ledger-columns';
import { matchStatementLog, type MatcherRunner } from '../reconcile/match-statement';
import { textIds } from '../reconcile/match-state';
import { ProposalLog } from '../reconcile/proposal-log';
import type { MatchJob, MatchReply, SideData } from './match-worker';

/**
 * Below this many rows (both sides) a second thread costs more than it saves: it starts
 * cold (its code is not compiled yet) and, on two CPUs, shares them with the collector.
 * Measured on 2 CPUs: 0.6 s against 0.7 s at 200,000 rows, even at 1M, 4.9 s against 4.3 s at 2M.
 */
export const TWO_THREAD_MIN_ROWS = 1_000_000;

// Least silence from the helper taken as failure, and how often the wait looks for signs.
const STALL_MIN_MS = 5_000;
const WAIT_SLICE_MS = 100;
// The helper reads one side's references back as one string: well inside the longest
// string V8 makes (2^29 − 24 code units), and 256 MB of buffer at most.
const MAX_REFERENCE_CHARS = 2 ** 27;

/**
 * About the most rows a workbook of `bytes` bytes holds: a cash book row (ids, date, amount,
 * texts) takes some 80 bytes compressed, and rarely under 32. A command that may reconcile
 * starts the helper from this as it begins reading the file, so the helper has loaded by
 * the time the rows are in; a book it misses starts it when the match begins.
 */
export function rowsAFileMayHold(bytes: number): number {
  return Math.floor(bytes / 32);
}

/** A file's size in bytes; 0 when it cannot be read (the command then says why). */
export function fileSize(file: string): number {
  try {
    return fs.statSync(file).size;
  } catch {
    return 0;
  }
}

export interface TwoThreadMatcher extends MatcherRunner {
  warmUp(rows: number): void;
  /**
   * Start the helper now when the workbook `file` may hold a large account
   * ({@link rowsAFileMayHold}), so it loads while the book is read.
   */
  warmUpForBook(file: string): void;
  /** Stop the helper thread (the process can exit without it: it never holds it open). */
  close(): void;
  /** How the last match ran, for logs and tests. */
  lastRun: 'one-thread' | 'two-threads' | 'helper-failed' | undefined;
}

export interface TwoThreadOptions {
  /** Rows (both sides) from which the helper thread is used; tests set 0. */
  minRows?: number;
  /** Longest wait for the helper's half in all before doing it here. */
  waitMs?: number;
  /** Least silence from the helper taken as failure. */
  stallMinMs?: number;
  /** Most characters of one side's references handed to the helper (tests set fewer). */
  maxReferenceChars?: number;
  /** The helper's script, in place of the bundled or TypeScript one (tests). */
  helperScript?: string;
}

export function createTwoThreadMatcher(opts: TwoThreadOptions = {}): TwoThreadMatcher {
  const minRows = opts.minRows ?? TWO_THREAD_MIN_ROWS;
  const waitMs = opts.waitMs ?? 10 * 60_000;
  const stallMinMs = opts.stallMinMs ?? STALL_MIN_MS;
  const maxChars = opts.maxReferenceChars ?? MAX_REFERENCE_CHARS;
  let worker: Worker | undefined;
  let broken = false;
  // Set by the helper once it has loaded the matcher.
  let ready: Int32Array<ArrayBufferLike> = new Int32Array(1);
  const start = () => {
    if (worker || broken) return;
    const entry = opts.helperScript ? { file: opts.helperScript, execArgv: [] } : workerEntry();
    if (!entry) {
      broken = true;
      return;
    }
    ready = new Int32Array(new SharedArrayBuffer(4));
    worker = new Worker(entry.file, { execArgv: entry.execArgv, workerData: { ready } });
    worker.unref();
    worker.on('error', () => {
      broken = true;
    });
  };
  const runner: TwoThreadMatcher = {
    lastRun: undefined,
    warmUp(rows) {
      if (rows >= minRows) start();
    },
    warmUpForBook(file) {
      runner.warmUp(rowsAFileMayHold(fileSize(file)));
    },
    match(J, S, options, meanwhile) {
      if (J.length + S.length < minRows || options.isRejected || options.onlySign || (start(), !worker)) {
        runner.lastRun = 'one-thread';
        return matchStatementLog(J, S, options);
      }
      const setupStart = performance.now();
      const texts = options.texts ?? textIds(J, S);
      // What crosses to the helper: the numeric options, not the callbacks or this thread's log.
      const { timings: _t, onPass: _p, onProgress: _g, log: _l, texts: _x, ...numbers } = options;
      // The helper takes the larger sign: this thread also has the setup and makes the rows.
      const helperSign = largerSign(J, S);
      const channel = new MessageChannel();
      const posted = new Int32Array(new SharedArrayBuffer(4));
      const beat = new Int32Array(new SharedArrayBuffer(4));
      try {
        // The helper makes its own likeness cache.
        const { cacheA: _a, cacheB: _b, cacheValue: _v, ...shared } = texts;
        const transfer: ArrayBuffer[] = [];
        const job: MatchJob = { journal: sideData(J, helperSign, maxChars, transfer), statement: sideData(S, helperSign, maxChars, transfer), texts: shared, options: numbers, sign: helperSign, reply: channel.port2, posted, beat };
        worker!.postMessage(job, [channel.port2, ...transfer]);
      } catch {
        // What cannot be handed over (references longer in all than a helper can read back
        // as one string, say) is matched here, as a small book is.
        channel.port1.close();
        runner.lastRun = 'one-thread';
        return matchStatementLog(J, S, { ...options, texts });
      }
      if (options.timings) options.timings['helper-setup'] = Math.round(performance.now() - setupStart);
      const halfStart = performance.now();
      // The log is sized for both halves, so the helper's proposals are added without a second copy.
      const here = matchStatementLog(J, S, { ...options, texts, onlySign: -helperSign as 1 | -1, log: new ProposalLog(J.length, S.length) });
      // The helper is taken to have failed when it shows no sign of life (loaded, a pass done)
      // for three times what this half took, and at least STALL_MIN_MS: a helper that died
      // cannot say so while this thread waits, so its silence is what tells.
      const stallMs = Math.max(stallMinMs, 3 * (performance.now() - halfStart));
      // The caller makes this half's rows, then each part of the helper's as it comes in.
      const own = here.count;
      let handedMs = 0;
      const handOver = (log: ProposalLog) => {
        const handStart = performance.now();
        meanwhile?.(log);
        handedMs += performance.now() - handStart;
      };
      if (!broken) handOver(here);
      const waitStart = performance.now();
      const handedBefore = handedMs;
      const complete = !broken && receiveHalf(here, channel.port1, posted, [ready, beat], stallMs, waitMs, handOver, helperPartCheck(J, S, helperSign));
      if (options.timings) {
        options.timings['meanwhile'] = Math.round(handedMs);
        options.timings['helper-wait'] = Math.round(performance.now() - waitStart - (handedMs - handedBefore));
      }
      channel.port1.close();
      if (!complete) {
        // The helper failed or took too long: do its half here, and stop using it. The parts
        // it sent are what this thread finds first (same code, same rows): their rows may
        // already be made, so only what follows them is added.
        runner.close();
        broken = true;
        runner.lastRun = 'helper-failed';
        const rest = matchStatementLog(J, S, { ...options, texts, onlySign: helperSign });
        const received = here.count - own;
        if (!rest.sameAs(0, here, own, received)) {
          fail('helper-disagreed', t('辅助线程的匹配结果与本线程重算的不一致，未写入任何内容。', 'The helper thread\'s matches differ from this thread\'s own run of them; nothing was written.'));
        }
        here.appendFrom(rest, received);
        return here;
      }
      runner.lastRun = 'two-threads';
      return here;
    },
    close() {
      void worker?.terminate();
      worker = undefined;
    },
  };
  return runner;
}

// The helper's script: the bundled one beside this bundle (see bin/bundle.js), or the
// TypeScript source loaded through tsx, as bin/cashbook.js falls back to.
function workerEntry(): { file: string; execArgv: string[] } | undefined {
  const bundled = path.join(__dirname, 'match-worker.js');
  if (!__filename.endsWith('.ts') && fs.existsSync(bundled)) return { file: bundled, execArgv: [] };
  const source = path.join(__dirname, 'match-worker.ts');
  return fs.existsSync(source) ? { file: source, execArgv: ['--require', require.resolve('tsx/cjs')] } : undefined;
}

// What the helper needs of one side, as typed arrays moved to it (not serialised): days,
// amounts, and the references of rows of its sign (it never reads the others) as their
// UTF-16 code units, each followed by a newline (references hold no white space). A
// million strings cross threads far slower than their characters in one buffer.
export function sideData(cols: LedgerColumns, sign: 1 | -1, maxChars: number, transfer: ArrayBuffer[]): SideData {
  const day = cols.day.slice();
  const amount = fitsInt32(cols.amount) ? new Int32Array(cols.amount) : new Float64Array(cols.amount);
  transfer.push(day.buffer, amount.buffer);
  // References held as numbers cross as the numbers.
  const code = cols.referenceCode;
  if (code) {
    const numbers = code.numbers.slice();
    transfer.push(numbers.buffer);
    return { length: cols.length, day, amount, referenceCode: { prefix: code.prefix, width: code.width, numbers } };
  }
  let chars = cols.length;
  for (let i = 0; i < cols.length; i++) if (cols.amount[i] * sign > 0) chars += cols.reference[i].length;
  if (chars > maxChars) throw new RangeError(`references of ${chars} characters are more than a helper is handed`);
  const references = new Uint16Array(chars);
  let at = 0;
  for (let i = 0; i < cols.length; i++) {
    if (cols.amount[i] * sign > 0) {
      const r = cols.reference[i];
      for (let c = 0; c < r.length; c++) {
        const unit = r.charCodeAt(c);
        // A newline would split one row's reference in two (normalised references have none).
        if (unit === 10) throw new RangeError(`reference of row ${i} holds a line break`);
        references[at++] = unit;
      }
    }
    references[at++] = 10;
  }
  transfer.push(references.buffer);
  return { length: cols.length, day, amount, references };
}

// Whether every amount fits four bytes (under 21,474,836.48 in fen), as in most books:
// memory outside the JS heap is what makes V8 collect the whole heap, so it is spent sparingly.
function fitsInt32(amounts: readonly number[]): boolean {
  for (let i = 0; i < amounts.length; i++) if ((amounts[i] | 0) !== amounts[i]) return false;
  return true;
}

// A check of each part the helper sends: every row in range, of the helper's sign, in no
// earlier proposal, each residual what the rows' amounts leave (0 but for a netted fee), and
// each proposal of a rule the matcher makes, with a score.
function helperPartCheck(J: LedgerColumns, S: LedgerColumns, sign: 1 | -1): (part: ProposalLog) => boolean {
  const entryTaken = new Uint8Array(J.length);
  const lineTaken = new Uint8Array(S.length);
  const take = (cols: LedgerColumns, taken: Uint8Array, row: number) => {
    if (!(row >= 0 && row < cols.length) || taken[row] || !(cols.amount[row] * sign > 0)) return NaN;
    taken[row] = 1;
    return cols.amount[row];
  };
  return (part) => {
    for (let k = 0; k < part.count; k++) {
      let left = 0;
      for (let x = 0; x < part.entryCountOf(k); x++) left -= take(J, entryTaken, part.entryOf(k, x));
      for (let x = 0; x < part.lineCountOf(k); x++) left += take(S, lineTaken, part.lineOf(k, x));
      // Rules the matcher makes (not a user's manual match or a transfer), each scored.
      const rule = part.ruleOf(k);
      if (part.entryCountOf(k) === 0 || part.lineCountOf(k) === 0 || left !== part.residualOf(k) || rule === 'manual' || rule === 'transfer' || !(part.scoreOf(k) > 0)) return false;
    }
    return true;
  };
}

// The sign with more rows on both sides together (receipts on a tie).
function largerSign(J: LedgerColumns, S: LedgerColumns): 1 | -1 {
  let balance = 0;
  for (const cols of [J, S]) for (let i = 0; i < cols.length; i++) balance += cols.amount[i] > 0 ? 1 : cols.amount[i] < 0 ? -1 : 0;
  return balance >= 0 ? 1 : -1;
}

// Add the helper's parts to `log` as they come, handing the log to `meanwhile` after each;
// true once the last part is in, false when the helper fails: a reply that is not a part,
// silence for `stallMs` (no change in any of `signs`), or no last part in `waitMs` in all.
function receiveHalf(log: ProposalLog, port: MessagePort, posted: Int32Array, signs: Int32Array[], stallMs: number, waitMs: number, meanwhile: (log: ProposalLog) => void, isSound: (part: ProposalLog) => boolean): boolean {
  const start = performance.now();
  const before = log.count;
  let heard = start;
  let last = signs.map((s) => Atomics.load(s, 0)).join();
  for (;;) {
    // Read before draining: a part posted after the drain changes it, so the wait below
    // returns at once rather than missing it.
    const count = Atomics.load(posted, 0);
    let added = false;
    for (let got = receiveMessageOnPort(port); got; got = receiveMessageOnPort(port)) {
      const reply = got.message as MatchReply | undefined;
      if (!reply?.ok || performance.now() - start > waitMs) return false;
      let part: ProposalLog;
      try {
        part = ProposalLog.import(reply.log);
      } catch {
        // A reply that is not a log (a helper script of another version, say) is a failed helper.
        return false;
      }
      // Only the next part in turn, holding something, of rows of the helper's sign not taken
      // before, and a last part that counts all the helper sent: anything else is a failed
      // helper, found before it is added.
      const received = log.count - before;
      const inTurn = reply.from === received && (reply.last === true ? reply.total === received + part.count : part.count > 0);
      if (!inTurn || !isSound(part)) return false;
      log.appendFrom(part);
      if (reply.last === true) return true;
      added = true;
    }
    if (added) {
      meanwhile(log);
      heard = performance.now();
      continue;
    }
    const woken = Atomics.wait(posted, 0, count, WAIT_SLICE_MS) !== 'timed-out';
    const now = performance.now();
    const seen = signs.map((s) => Atomics.load(s, 0)).join();
    if (woken || seen !== last) {
      last = seen;
      heard = now;
    }
    if (now - heard > stallMs || now - start > waitMs) return false;
  }
}
