/** Notebook cells to and from rows of the Notebook table (CellId, Kind, Title, Params JSON, OutputSheet, LastRun). */
import { rowsOf, text } from '../book/book';
import type { Book, Row } from '../book/types';
import type { CellKind, NotebookCell } from './types';

/** A stored cell whose Params text is not a JSON object keeps it here so the run can report it. */
export type StoredCell = NotebookCell & { badParams?: string };

/**
 * The book's notebook cells in table order; rows without a CellId are skipped.
 * @param book the book
 * @returns cells; a cell whose Params is not a JSON object carries `badParams`
 */
export function notebookCells(book: Book): StoredCell[] {
  const out: StoredCell[] = [];
  for (const row of rowsOf(book, 'Notebook')) {
    const id = text(row.CellId).trim();
    if (!id) continue;
    const raw = text(row.Params).trim();
    let params: Record<string, unknown> = {};
    let badParams: string | undefined;
    if (raw) {
      try {
        const parsed: unknown = JSON.parse(raw);
        if (parsed && typeof parsed === 'object' && !Array.isArray(parsed))
          params = parsed as Record<string, unknown>;
        else badParams = raw;
      } catch {
        badParams = raw;
      }
    }
    out.push({
      id,
      kind: text(row.Kind).trim() as CellKind,
      title: text(row.Title) || id,
      params,
      outputSheet: text(row.OutputSheet) || undefined,
      lastRun: text(row.LastRun) || undefined,
      badParams,
    });
  }
  return out;
}

/** A cell as a Notebook table row. */
export function notebookRow(cell: NotebookCell): Row {
  return {
    CellId: cell.id,
    Kind: cell.kind,
    Title: cell.title,
    Params: JSON.stringify(cell.params),
    OutputSheet: cell.outputSheet ?? null,
    LastRun: cell.lastRun ?? null,
  };
}
