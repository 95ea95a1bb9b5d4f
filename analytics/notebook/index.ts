export * from './types';
export {
  runNotebook,
  type RunNotebookOptions,
  type NotebookRunResult,
  type NotebookSummary,
} from './run-notebook';
export { defaultNotebook } from './default-notebook';
export { notebookCells, notebookRow } from './notebook-table';
export { BUILT_IN_CELLS, isBuiltInKind } from './built-in-cells';
export { runQueryCell, outputOfRows, DEFAULT_QUERY_TIMEOUT_MS } from './query-cell';
export { toResultSheet } from './result-sheet';
export { GUARDS, PRELUDE, packQueryInput } from './sandbox-scripts';
