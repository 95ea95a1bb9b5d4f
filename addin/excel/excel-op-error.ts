/**
 * Office.js failures turned into the engine's error type, naming the operation that failed
 * and keeping Office's error code (e.g. `RequestPayloadSizeLimitExceeded`, `ItemNotFound`).
 */
import { t } from '../../analytics/book/types';
import { AnalyticsError } from '../../analytics/util/error';

export class ExcelOpError extends AnalyticsError {
  /** The host operation, e.g. `read-book` or `write-table Journal`. */
  readonly operation: string;
  /** Office's error code when it gave one. */
  readonly officeCode?: string;

  constructor(operation: string, cause: unknown) {
    const officeCode = officeCodeOf(cause);
    const detail = cause instanceof Error ? cause.message : String(cause);
    super(
      'excel-' + (officeCode ? kebab(officeCode) : 'failed'),
      t(`Excel 操作 ${operation} 失败：${detail}`, `Excel ${operation} failed: ${detail}`),
      cause,
    );
    this.name = 'ExcelOpError';
    this.operation = operation;
    this.officeCode = officeCode;
  }
}

/** Run `body`, turning anything it throws into an {@link ExcelOpError} for `operation`. */
export async function withExcelOp<T>(operation: string, body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof ExcelOpError) throw e;
    throw new ExcelOpError(operation, e);
  }
}

function officeCodeOf(e: unknown): string | undefined {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code ? code : undefined;
}

function kebab(s: string): string {
  return s.replace(/([a-z0-9])([A-Z])/g, '$1-$2').toLowerCase();
}
