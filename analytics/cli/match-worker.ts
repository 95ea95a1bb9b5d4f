/**
 * The helper thread of the two-thread matcher: it matches one sign of a reconciliation
 * (payments, say, while the main thread does receipts) and sends its proposals back as
 * each pass ends, so the main thread can make their rows while this one goes on.
 * The main thread is blocked waiting, so the parts go on a port it reads synchronously,
 * and a shared counter wakes it.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { withReferenceCode, type LedgerColumns, type SerialCode } from '../reconcile/ledger-columns';
import { matchStatementLog } from '../reconcile/match-statement';
import { likenessCache, type MatchStatementOptions, type TextIds } from '../reconcile/match-state';
import type { ProposalLog, ProposalLogData } from '../reconcile/proposal-log';

/** One side's columns as the matcher reads them. */
export interface SideData {
  length: number;
  day: Int32Array;
  /** Fen, moved across in four bytes each when they all fit, else eight; rebuilt as a plain array. */
  amount: Int32Array | Float64Array;
  /** UTF-16 code units of each row's reference followed by '\n' (references hold no white space). */
  references?: Uint16Array;
  /** Or the references as numbers, when the main thread holds them so. */
  referenceCode?: SerialCode;
}

export interface MatchJob {
  journal: SideData;
  statement: SideData;
  /** The main thread's text ids, less its likeness cache. */
  texts: Omit<TextIds, 'cacheA' | 'cacheB' | 'cacheValue'>;
  /** Numbers only: what a matcher option may be across threads. */
  options: Omit<MatchStatementOptions, 'isRejected' | 'texts' | 'timings' | 'onlySign' | 'onPass' | 'onProgress' | 'log'>;
  sign: 1 | -1;
  reply: MessagePort;
  /** Counted up and notified as each reply is posted. */
  posted: Int32Array;
  /** Counted up as each pass ends and every few thousand steps within one: the main thread
   * takes a count that stops as a dead helper. */
  beat: Int32Array;
}

/**
 * A part of the proposals: those found since the last part (never none but in the last),
 * `from` saying how many came before it; the last part says so and how many there were in
 * all. Or a failure.
 */
export type MatchReply = { ok: true; log: ProposalLogData; from: number; last: false } | { ok: true; log: ProposalLogData; from: number; last: true; total: number } | { ok: false; message: string };

/** Columns rebuilt from what was sent: the matcher reads neither ids nor name texts. */
export function columnsOf(side: SideData): LedgerColumns {
  const amount = new Array<number>(side.length);
  for (let i = 0; i < side.length; i++) amount[i] = side.amount[i];
  // References held as numbers are added as an accessor (see numberedColumns in ledger-columns.ts).
  if (side.referenceCode) return withReferenceCode({ length: side.length, ids: [], day: side.day, amount, party: [], memo: [] } as unknown as LedgerColumns, side.referenceCode);
  // Buffer's UTF-16 keeps every code unit (a lone surrogate or a leading U+FEFF included).
  const units = side.references ?? new Uint16Array(0);
  const reference = side.length ? Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le').split('\n', side.length) : [];
  return { length: side.length, ids: [], day: side.day, amount, reference, party: [], memo: [] };
}

if (parentPort && workerData?.ready instanceof Int32Array) {
  Atomics.store(workerData.ready, 0, 1);
  Atomics.notify(workerData.ready, 0);
}

parentPort?.on('message', (job: MatchJob) => {
  const post = (reply: MatchReply, transfer: ArrayBuffer[] = []) => {
    job.reply.postMessage(reply, transfer);
    Atomics.add(job.posted, 0, 1);
    Atomics.notify(job.posted, 0);
  };
  let sent = 0;
  const sendFound = (log: ProposalLog, last: boolean) => {
    const part = log.slice(sent).export();
    const from = sent;
    sent = log.count;
    post(last ? { ok: true, log: part, from, last, total: log.count } : { ok: true, log: part, from, last }, part.buffers);
  };
  try {
    const onPass = (_pass: string, found: ProposalLog) => {
      Atomics.add(job.beat, 0, 1);
      if (found.count > sent) sendFound(found, false);
    };
    const log = matchStatementLog(columnsOf(job.journal), columnsOf(job.statement), { ...job.options, texts: { ...job.texts, ...likenessCache() }, onlySign: job.sign, onPass, onProgress: () => Atomics.add(job.beat, 0, 1) });
    sendFound(log, true);
  } catch (e) {
    post({ ok: false, message: String((e as Error)?.message ?? e) });
  }
});
