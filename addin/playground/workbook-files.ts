/**
 * The playground's .xlsx in and out, through the same ExcelJS reader and writer the CLI uses
 * (loaded on demand: ExcelJS is the heaviest library here). Opening gives a Book for a
 * MemoryHost; downloading writes the host's current book as a Cashbook workbook.
 */
import type { Book } from '../../analytics/book/types';
import type { Problem } from '../../analytics/util/problem';

/** Read an .xlsx file's bytes into a book. */
export async function bookFromXlsx(
  bytes: ArrayBuffer,
  fileName: string,
): Promise<{ book: Book; problems: Problem[] }> {
  const [{ default: ExcelJS }, { bookFromWorkbook }] = await Promise.all([
    import(/* webpackChunkName: "exceljs" */ 'exceljs'),
    import(/* webpackChunkName: "book-io" */ '../../analytics/io/read-book'),
  ]);
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes);
  return bookFromWorkbook(workbook, fileName);
}

/** Write a book as .xlsx bytes. */
export async function xlsxFromBook(book: Book): Promise<Uint8Array> {
  const { bookToWorkbook } = await import(
    /* webpackChunkName: "book-io" */ '../../analytics/io/write-book'
  );
  const buffer = await bookToWorkbook(book).xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The demo company's book (accounts, customers, three months of journal, bank rules). */
export async function sampleBook(lang: Book['lang']): Promise<Book> {
  const { buildDemoBook } = await import(
    /* webpackChunkName: "sample-book" */ '../../analytics/demo/build-demo-book'
  );
  return buildDemoBook(lang);
}
