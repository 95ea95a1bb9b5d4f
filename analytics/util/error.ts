/**
 * One error type for misuse of the engine (bad arguments, unknown tables, broken invariants).
 * Bad *data* is never thrown: importers and validators return problems instead.
 */
export class AnalyticsError extends Error {
  readonly code: string;
  override readonly cause?: unknown;

  constructor(code: string, message: string, cause?: unknown) {
    super(message);
    this.name = 'AnalyticsError';
    this.code = code;
    this.cause = cause;
  }
}

/**
 * Throw an {@link AnalyticsError}.
 * @param code stable kebab-case code, e.g. `unknown-table`
 * @param message user-facing message naming the offending input
 * @param cause the underlying error, if any
 * @throws AnalyticsError always
 */
export function fail(code: string, message: string, cause?: unknown): never {
  throw new AnalyticsError(code, message, cause);
}

/** True when `e` is an {@link AnalyticsError}, optionally with the given code. */
export function isAnalyticsError(e: unknown, code?: string): e is AnalyticsError {
  return e instanceof AnalyticsError && (code === undefined || e.code === code);
}
