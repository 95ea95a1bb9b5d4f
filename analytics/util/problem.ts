/**
 * A problem is bad input data, reported with where it was found. Problems are returned,
 * never thrown, so one bad line never hides the good ones.
 */
export interface Problem {
  /** Stable kebab-case code, e.g. `bad-amount`. */
  code: string;
  /** User-facing message; names the value that was wrong. */
  message: string;
  /** File name (or sheet name) the value came from. */
  file?: string;
  /** Sheet name, when the source is a workbook. */
  sheet?: string;
  /** 1-based line or row number in the source. */
  row?: number;
  /** Column header or letter in the source. */
  column?: string;
  /** `error` rejects the row; `warning` keeps it and tells the user. */
  severity: 'error' | 'warning';
}

/** Build a problem with severity `error`. */
export function problem(code: string, message: string, at: Omit<Problem, 'code' | 'message' | 'severity'> = {}): Problem {
  return { code, message, severity: 'error', ...at };
}

/** Build a problem with severity `warning`. */
export function warning(code: string, message: string, at: Omit<Problem, 'code' | 'message' | 'severity'> = {}): Problem {
  return { code, message, severity: 'warning', ...at };
}

/** "file, sheet, row 12, column 金额: message" — the one way problems are shown to a user. */
export function describeProblem(p: Problem): string {
  const where = [
    p.file,
    p.sheet ? `sheet ${p.sheet}` : undefined,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.column ? `column ${p.column}` : undefined,
  ].filter(Boolean);
  return where.length ? `${where.join(', ')}: ${p.message}` : p.message;
}
