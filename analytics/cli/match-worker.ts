/**
 * The helper thread of the two-thread matcher: it matches one sign of a reconciliation
 * (payments, say, while the main thread does receipts) and sends its proposals back.
 * The main thread is blocked waiting, so the answer goes on a port it reads synchronously,
 * and a shared flag wakes it.
 */
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { LedgerColumns } from '../reconcile/ledger-columns';
import { matchStatementLog } from '../reconcile/match-statement';
import { likenessCache, type MatchStatementOptions, type TextIds } from '../reconcile/match-state';

/** One side's columns as the matcher reads them. */
export interface SideData {
  length: number;
  day: Int32Array;
  /** Moved across as a typed array; the matcher reads it like the main thread's plain array. */
  amount: Float64Array;
  /** UTF-16 code units of each row's reference followed by '\n' (references hold no white space). */
  references: Uint16Array;
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
  /** Set to 1 and notified when the reply is posted. */
  done: Int32Array;
  /** Counted up as each pass ends and every few thousand steps within one: the main thread
   * takes a count that stops as a dead helper. */
  beat: Int32Array;
}

export type MatchReply = { ok: true; log: ReturnType<ReturnType<typeof matchStatementLog>['export']> } | { ok: false; message: string };

/** Columns rebuilt from what was sent: the matcher reads neither ids nor name texts. */
export function columnsOf(side: SideData): LedgerColumns {
  // Buffer's UTF-16 keeps every code unit (a lone surrogate or a leading U+FEFF included).
  const units = side.references;
  const references = side.length ? Buffer.from(units.buffer, units.byteOffset, units.byteLength).toString('utf16le').split('\n', side.length) : [];
  return { length: side.length, ids: [], day: side.day, amount: Array.from(side.amount), reference: references, party: [], memo: [] };
}

if (parentPort && workerData?.ready instanceof Int32Array) {
  Atomics.store(workerData.ready, 0, 1);
  Atomics.notify(workerData.ready, 0);
}

parentPort?.on('message', (job: MatchJob) => {
  let reply: MatchReply;
  let transfer: ArrayBuffer[] = [];
  try {
    const log = matchStatementLog(columnsOf(job.journal), columnsOf(job.statement), { ...job.options, texts: { ...job.texts, ...likenessCache() }, onlySign: job.sign, onPass: () => Atomics.add(job.beat, 0, 1), onProgress: () => Atomics.add(job.beat, 0, 1) });
    const data = log.export();
    transfer = data.buffers;
    reply = { ok: true, log: data };
  } catch (e) {
    reply = { ok: false, message: String((e as Error)?.message ?? e) };
  }
  job.reply.postMessage(reply, transfer);
  Atomics.store(job.done, 0, 1);
  Atomics.notify(job.done, 0);
});
