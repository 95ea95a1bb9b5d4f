/**
 * The WorkbookHost port as the task pane sees it: read the whole book, and write a
 * committed change set back. ExcelHost implements it over Office.js; MemoryHost over
 * in-memory 2-D arrays for the playground and the pane's tests. The pane never touches
 * Office.js itself.
 */
import type { Book, TableChange } from '../../analytics/book/types';
import type { Problem } from '../../analytics/util/problem';

export interface ReadBookResult {
  book: Book;
  /** Cells that did not fit their column (file = sheet name). */
  problems: Problem[];
}

/** Progress of a long write: chunks written out of the total planned. */
export interface WriteProgress {
  done: number;
  total: number;
  table: string;
}

export interface ApplyOptions {
  onProgress?: (progress: WriteProgress) => void;
}

/** What one apply did, for the pane's status line and for tests. */
export interface ApplyReport {
  /** `context.sync()` calls made (or simulated by the fake host). */
  syncs: number;
  /** Write chunks sent. */
  chunks: number;
  /** Largest request payload estimate of a chunk, in bytes. */
  largestChunkBytes: number;
}

export interface WorkbookHost {
  readonly kind: 'excel' | 'memory';
  /** Read every schema table and the language/date system of the workbook. */
  readBook(): Promise<ReadBookResult>;
  /**
   * Write changes already committed in memory. `next` is the book after the changes: tables
   * changed by upsert/delete (or anything but plain appends) are rewritten whole from it.
   */
  apply(changes: readonly TableChange[], next: Book, options?: ApplyOptions): Promise<ApplyReport>;
}
