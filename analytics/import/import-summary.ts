/**
 * What an import reports: per file and in total, the lines read, added, skipped as
 * duplicates, rejected and skipped on purpose, with the sum and date range of what was
 * read. This is the object `cashbook import --json` prints.
 */
import { sumAmountTexts } from './amount-cells';
import type { Problem } from '../util/problem';
import type { StatementReadResult } from './types';

export interface FileSummary {
  file: string;
  format: string;
  preset?: string;
  encoding?: string;
  read: number;
  added: number;
  duplicates: number;
  rejected: number;
  skipped: number;
  total: string;
  first: string | null;
  last: string | null;
  problems: Problem[];
}

export interface ImportSummary {
  [key: string]: unknown;
  accountId: string;
  into: 'statement' | 'journal';
  added: number;
  duplicates: number;
  rejected: number;
  skipped: number;
  /** Sum of the amounts of every line read (added or duplicate), canonical text. */
  total: string;
  /** Earliest and latest date read. */
  first: string | null;
  last: string | null;
  files: FileSummary[];
}

/** The summary of one file read. */
export function fileSummary(
  read: StatementReadResult,
  added: number,
  duplicates: number,
): FileSummary {
  let first: string | null = null;
  let last: string | null = null;
  for (const l of read.lines) {
    if (first === null || l.date < first) first = l.date;
    if (last === null || l.date > last) last = l.date;
  }
  return {
    file: read.file,
    format: read.format,
    preset: read.preset,
    encoding: read.encoding,
    read: read.rowsRead,
    added,
    duplicates,
    rejected: read.problems.filter((p) => p.severity === 'error' && p.row !== undefined).length,
    skipped: read.skipped.length,
    total: sumAmountTexts(read.lines.map((l) => l.amount)),
    first,
    last,
    // Capped so a file full of bad rows keeps the summary readable; messages list them too
    problems: read.problems.slice(0, 200),
  };
}

/** Add up per-file summaries. */
export function summarise(
  params: { accountId: string; into?: 'statement' | 'journal' },
  files: FileSummary[],
): ImportSummary {
  const firsts = files
    .map((f) => f.first)
    .filter((d): d is string => d !== null)
    .sort();
  const lasts = files
    .map((f) => f.last)
    .filter((d): d is string => d !== null)
    .sort();
  const sum = (k: 'added' | 'duplicates' | 'rejected' | 'skipped') =>
    files.reduce((n, f) => n + f[k], 0);
  return {
    accountId: params.accountId,
    into: params.into ?? 'statement',
    added: sum('added'),
    duplicates: sum('duplicates'),
    rejected: sum('rejected'),
    skipped: sum('skipped'),
    total: sumAmountTexts(files.map((f) => f.total)),
    first: firsts[0] ?? null,
    last: lasts[lasts.length - 1] ?? null,
    files,
  };
}
