/**
 * Turn a raw cell value (as a host reads it: string, number, boolean, Date or null) into
 * the engine's typed cell for a schema column, or say why it cannot be. Identifier columns
 * are text; a number of 16 or more digits in one is refused, since Excel has already lost
 * the digits after the 15th.
 */
import { amountText } from '../money/decimal';
import { parseAmount } from '../money/parse-amount';
import { serialToDate, serialToDateTime } from './dates';
import { parseDate } from './parse-date';
import type { ColumnDef } from './schema';
import { t, type Cell, type Text } from './types';

export type RawCell = string | number | boolean | Date | null | undefined;
/** A refusal gives `reason` in English and `text` in both languages; both name the value. */
export type CoerceResult = { ok: true; value: Cell } | { ok: false; reason: string; text: Text };

/** A refusal said in both languages. */
export function refused(zh: string, en: string): CoerceResult {
  return { ok: false, reason: en, text: t(zh, en) };
}

export interface CoerceOptions {
  date1904?: boolean;
}

/**
 * Coerce one raw value for a column.
 * @returns the typed cell or a reason (English, and `text` in both languages) that names the value
 * @example coerceCell(amountColumn, '1,234.5') // { ok: true, value: '1234.50' }
 */
export function coerceCell(col: ColumnDef, raw: RawCell, options: CoerceOptions = {}): CoerceResult {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) {
    return { ok: true, value: null };
  }
  switch (col.type) {
    case 'id':
      return coerceId(raw);
    case 'amount':
      return coerceAmount(raw);
    case 'date':
    case 'datetime':
      return coerceDate(raw, col.type, options.date1904 ?? false);
    case 'integer':
    case 'number': {
      const n = typeof raw === 'number' ? raw : Number(String(raw).trim());
      if (!Number.isFinite(n) || (col.type === 'integer' && !Number.isInteger(n))) {
        return refused(`“${String(raw)}”不是${col.type === 'integer' ? '整数' : '数字'}`, `'${String(raw)}' is not a ${col.type === 'integer' ? 'whole number' : 'number'}`);
      }
      return { ok: true, value: n };
    }
    case 'boolean':
      return coerceBoolean(raw);
    default:
      return { ok: true, value: raw instanceof Date ? raw.toISOString() : String(raw) };
  }
}

/** Canonical amount text: at least two decimals, more only when the value has them. */
export function canonicalAmount(value: import('../money/decimal').Decimal): string {
  return value.decimalPlaces() > 2 ? value.toFixed() : amountText(value);
}

function coerceId(raw: RawCell): CoerceResult {
  if (typeof raw === 'number') {
    if (Number.isInteger(raw) && Math.abs(raw) >= 1e15) {
      const digits = BigInt(raw).toString();
      return refused(
        `单元格里是 16 位或更长的数字 ${digits}；Excel 只保留 15 位，第 15 位以后的数字可能已经丢失。账号和编号请按文本保存。`,
        `holds the number ${digits} with 16 or more digits; Excel keeps only 15, so the digits after the 15th may be lost. Store account and ID numbers as text.`,
      );
    }
    return { ok: true, value: Number.isInteger(raw) ? BigInt(raw).toString() : String(raw) };
  }
  return { ok: true, value: String(raw).trim() };
}

function coerceAmount(raw: RawCell): CoerceResult {
  if (typeof raw === 'boolean' || raw instanceof Date) return refused(`“${String(raw)}”不是金额`, `'${String(raw)}' is not an amount`);
  const r = parseAmount(raw);
  // parseAmount refuses only with "'…' is not an amount" here (blanks never reach it).
  return r.ok ? { ok: true, value: canonicalAmount(r.value) } : refused(`“${String(raw)}”不是金额`, r.reason);
}

function coerceDate(raw: RawCell, type: 'date' | 'datetime', date1904: boolean): CoerceResult {
  if (typeof raw === 'number') {
    return { ok: true, value: type === 'date' ? serialToDate(raw, date1904) : serialToDateTime(raw, date1904) };
  }
  if (raw instanceof Date) {
    // Hosts hand date cells over as UTC midnights plus the time of day; read them in UTC.
    const iso = raw.toISOString();
    return { ok: true, value: type === 'date' ? iso.slice(0, 10) : iso.slice(0, 19).replace('T', ' ') };
  }
  const p = parseDate(String(raw));
  if (!p) return refused(`“${String(raw)}”不是日期`, `'${String(raw)}' is not a date`);
  if (type === 'date') return { ok: true, value: p.date };
  const time = p.time ? (p.time.length === 5 ? p.time + ':00' : p.time) : '00:00:00';
  return { ok: true, value: `${p.date} ${time}` };
}

function coerceBoolean(raw: RawCell): CoerceResult {
  if (typeof raw === 'boolean') return { ok: true, value: raw };
  const s = String(raw).trim().toLowerCase();
  if (['true', '1', 'yes', 'y', '是', '启用', 'on'].includes(s)) return { ok: true, value: true };
  if (['false', '0', 'no', 'n', '否', '停用', 'off'].includes(s)) return { ok: true, value: false };
  return refused(`“${String(raw)}”不是“是”或“否”`, `'${String(raw)}' is not yes/no`);
}
