/**
 * Run a notebook: each cell in order, each seeing the outputs of the cells before it.
 * A failing cell is reported with its name and does not stop the rest; a later cell that
 * needs it simply finds nothing under its id. Every cell that ran writes its result
 * sheet (with its chart spec) and gets OutputSheet and LastRun in the Notebook table;
 * a book with no notebook gets the default one, stored as it runs.
 */
import { SCHEMA, TABLE_KEYS } from '../book/schema';
import {
  t,
  type Book,
  type CommandContext,
  type CommandResult,
  type Message,
  type TableChange,
} from '../book/types';
import { isAnalyticsError } from '../util/error';
import { BUILT_IN_CELLS, isBuiltInKind } from './built-in-cells';
import { defaultNotebook } from './default-notebook';
import { notebookCells, notebookRow, type StoredCell } from './notebook-table';
import { runQueryCell } from './query-cell';
import { sheetNameFor, toResultSheet } from './result-sheet';
import type { CellOutput, CellRun, NotebookCell, QuerySandbox } from './types';

export interface RunNotebookOptions {
  /** Cells to run instead of the book's notebook. */
  cells?: NotebookCell[];
  /** Run only these cell ids (earlier cells they need must be in the list too). */
  only?: string[];
  /** Runs query cells; without one, query cells fail with a clear message. */
  sandbox?: QuerySandbox;
}

export interface NotebookSummary extends Record<string, unknown> {
  cells: {
    id: string;
    kind: string;
    title: string;
    sheet?: string;
    rows?: number;
    error?: string;
  }[];
  failed: number;
}

export type NotebookRunResult = CommandResult<NotebookSummary> & { cells: CellRun[] };

/**
 * Run the notebook of a book.
 * @param book the book
 * @param ctx the command context (its `now` becomes LastRun and the cells' "today")
 * @param options cells to run instead, a subset, and the query sandbox
 * @returns the change set (result sheets, Notebook rows), a summary, and each cell's run for the report;
 *   exit code 1 when any cell failed
 * @example (await runNotebook(book, ctx, { sandbox })).cells[0].ok // true
 */
export async function runNotebook(
  book: Book,
  ctx: CommandContext,
  options: RunNotebookOptions = {},
): Promise<NotebookRunResult> {
  const stored: StoredCell[] = options.cells ?? notebookCells(book);
  const all = stored.length ? stored : defaultNotebook(book.lang);
  const cells = options.only ? all.filter((c) => options.only!.includes(c.id)) : all;
  const taken = new Set(
    TABLE_KEYS.flatMap((k) =>
      [SCHEMA[k].sheet['zh-CN'], SCHEMA[k].sheet['en-US'], SCHEMA[k].tableName].map((s) =>
        s.toLowerCase(),
      ),
    ),
  );
  const input = { book, today: ctx.now.slice(0, 10), earlier: new Map<string, CellOutput>() };

  // Step 1: run each cell in order; outputs feed later cells
  const runs: CellRun[] = [];
  for (const cell of cells) {
    const outcome = await runCell(cell, input, options.sandbox);
    if (!outcome.ok) {
      runs.push({ cell, ok: false, error: outcome.error });
      continue;
    }
    input.earlier.set(cell.id, outcome.output);
    runs.push({
      cell,
      ok: true,
      output: outcome.output,
      sheet: sheetNameFor(cell.outputSheet || cell.title, cell.id, taken),
    });
  }

  // Step 2: result sheets and Notebook rows
  const changes: TableChange[] = [];
  for (const r of runs)
    if (r.ok)
      changes.push({
        table: 'sheet',
        op: 'sheet',
        sheet: toResultSheet(r.sheet, r.cell.title, r.output, book.lang),
      });
  const rows = runs.map((r) => {
    const row = notebookRow({
      ...stripStored(r.cell),
      outputSheet: r.ok ? r.sheet : r.cell.outputSheet,
      lastRun: ctx.now,
    });
    // Unreadable Params stay exactly as the user typed them.
    const bad = (r.cell as StoredCell).badParams;
    return bad === undefined ? row : { ...row, Params: bad };
  });
  // A book without a notebook keeps the whole default one, even when only some cells ran.
  if (!stored.length) {
    const ran = new Set(runs.map((r) => r.cell.id));
    for (const cell of all) if (!ran.has(cell.id)) rows.push(notebookRow(cell));
    const order = new Map(all.map((c, i) => [c.id, i]));
    rows.sort((a, b) => (order.get(String(a.CellId)) ?? 0) - (order.get(String(b.CellId)) ?? 0));
  }
  if (rows.length) changes.push({ table: 'Notebook', op: 'upsert', rows });

  // Step 3: what to tell the user
  const failed = runs.filter((r) => !r.ok).length;
  const messages: Message[] = runs.map((r) =>
    r.ok
      ? {
          level: 'info',
          event: 'notebook-cell',
          text: t(
            `${r.cell.title}: ${r.output.rows.length} 行 → ${r.sheet}`,
            `${r.cell.title}: ${r.output.rows.length} row(s) → ${r.sheet}`,
          ),
        }
      : { level: 'error', event: 'notebook-cell-failed', text: r.error },
  );
  return {
    changes,
    summary: {
      cells: runs.map((r) =>
        r.ok
          ? {
              id: r.cell.id,
              kind: r.cell.kind,
              title: r.cell.title,
              sheet: r.sheet,
              rows: r.output.rows.length,
            }
          : { id: r.cell.id, kind: r.cell.kind, title: r.cell.title, error: r.error['en-US'] },
      ),
      failed,
    },
    messages,
    exitCode: failed ? 1 : 0,
    audit: { action: 'notebook-run', target: 'Notebook', detail: { cells: runs.length, failed } },
    cells: runs,
  };
}

async function runCell(
  cell: StoredCell,
  input: { book: Book; today: string; earlier: Map<string, CellOutput> },
  sandbox: QuerySandbox | undefined,
) {
  const name = `${cell.id}「${cell.title}」`;
  const nameEn = `${cell.id} "${cell.title}"`;
  if (cell.badParams !== undefined) {
    return {
      ok: false as const,
      error: t(
        `单元 ${name} 的参数不是 JSON 对象: ${cell.badParams}`,
        `Cell ${nameEn}: Params is not a JSON object: ${cell.badParams}`,
      ),
    };
  }
  if (cell.kind === 'query') return runQueryCell(cell, input.book, input.earlier, sandbox);
  if (!isBuiltInKind(cell.kind))
    return {
      ok: false as const,
      error: t(
        `单元 ${name} 的类型 ${cell.kind} 未知`,
        `Cell ${nameEn} has an unknown kind '${cell.kind}'`,
      ),
    };
  try {
    return { ok: true as const, output: BUILT_IN_CELLS[cell.kind].run(cell.params, input) };
  } catch (e) {
    // A bad parameter is the user's to fix; anything else is a bug and propagates.
    if (!isAnalyticsError(e)) throw e;
    return {
      ok: false as const,
      error: t(`单元 ${name}: ${e.text['zh-CN']}`, `Cell ${nameEn}: ${e.text['en-US']}`),
    };
  }
}

function stripStored(cell: StoredCell): NotebookCell {
  const { badParams: _bad, ...rest } = cell;
  return rest;
}
