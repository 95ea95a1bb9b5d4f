/**
 * One error type for misuse of the engine (bad arguments, unknown tables, broken invariants).
 * Bad *data* is never thrown: importers and validators return problems instead.
 * A refusal reaches the user, so it carries its text in both languages; `message` is the
 * English text, for stack traces and logs.
 */
import type { Text } from '../book/types';

export class AnalyticsError extends Error {
  readonly code: string;
  /** The user-facing message in both languages; the host shows the user's. */
  readonly text: Text;
  override readonly cause?: unknown;

  constructor(code: string, text: Text, cause?: unknown) {
    super(text['en-US']);
    this.name = 'AnalyticsError';
    this.code = code;
    this.text = text;
    this.cause = cause;
  }
}

/**
 * Throw an {@link AnalyticsError}.
 * @param code stable kebab-case code, e.g. `unknown-table`
 * @param text user-facing message in both languages, naming the offending input
 * @param cause the underlying error, if any
 * @throws AnalyticsError always
 * @example
 * fail('unknown-account', t("账户 'BANK9' 不在账户表中。", "Account 'BANK9' is not in the Accounts table."));
 */
export function fail(code: string, text: Text, cause?: unknown): never {
  throw new AnalyticsError(code, text, cause);
}

/** True when `e` is an {@link AnalyticsError}, optionally with the given code. */
export function isAnalyticsError(e: unknown, code?: string): e is AnalyticsError {
  return e instanceof AnalyticsError && (code === undefined || e.code === code);
}
