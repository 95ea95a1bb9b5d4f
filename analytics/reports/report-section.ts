/**
 * Extra report sections that other features contribute (customer satisfaction, …). A
 * provider looks at the book and returns a section, or nothing when it has no data.
 */
import type { Book, Text } from '../book/types';
import type { CellOutput } from '../notebook/types';

export interface ReportSection {
  id: string;
  title: Text;
  /** Rendered like a notebook cell: a table, its chart and headline numbers. */
  output: CellOutput;
}

export type ReportSectionProvider = (book: Book) => ReportSection | undefined;
