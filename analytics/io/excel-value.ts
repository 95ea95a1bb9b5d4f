/**
 * Flatten what ExcelJS hands back for a cell into a plain value. ExcelJS gives objects for
 * rich text ({richText: [...]}), formulas ({formula|sharedFormula, result}), hyperlinks
 * ({text, hyperlink}) and errors ({error}); reading those as-is gives "[object Object]".
 */
import type { RawCell } from '../book/coerce-cell';

export interface FlatValue {
  value: RawCell;
  /** Set when the cell holds a formula with no saved result, so its value is unknown. */
  missingFormulaResult?: boolean;
  /** Set when the cell holds an Excel error such as #REF!. */
  error?: string;
}

/** Flatten one ExcelJS cell value. */
export function flattenExcelValue(v: unknown): FlatValue {
  if (v === null || v === undefined) return { value: null };
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return { value: v };
  if (typeof v !== 'object') return { value: String(v) };
  const o = v as Record<string, unknown>;
  if (Array.isArray(o.richText)) {
    return { value: (o.richText as { text?: string }[]).map((run) => run.text ?? '').join('') };
  }
  if ('formula' in o || 'sharedFormula' in o) {
    if (o.result === undefined || o.result === null) return { value: null, missingFormulaResult: true };
    return flattenExcelValue(o.result);
  }
  if ('error' in o) return { value: null, error: String(o.error) };
  if ('text' in o) return flattenExcelValue(o.text);
  return { value: null };
}
