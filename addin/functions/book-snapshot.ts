/**
 * The book snapshot custom functions read. In the shared runtime the pane and the functions
 * share globals: the pane hands over the book after every read and write, so a formula never
 * waits for a workbook read. Without the pane (functions recalculating on open), the first
 * call reads the book once through ExcelHost and keeps it until the pane writes.
 */
import type { Book } from '../../analytics/book/types';

let snapshot: Book | undefined;
let pending: Promise<Book> | undefined;

/** Called by the pane after each read or write. */
export function setFunctionsBook(book: Book): void {
  snapshot = book;
  pending = undefined;
}

/** The current book: the snapshot, or one read through `read` shared by concurrent callers. */
export async function functionsBook(read: () => Promise<Book>): Promise<Book> {
  if (snapshot) return snapshot;
  pending ??= read().then((b) => (snapshot = b));
  return pending;
}

/** Drop the snapshot (tests). */
export function clearFunctionsBook(): void {
  snapshot = undefined;
  pending = undefined;
}
