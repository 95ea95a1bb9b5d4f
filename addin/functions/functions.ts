/**
 * Custom functions in the CASHBOOK namespace. JSDoc tags below drive functions.json
 * (custom-functions-metadata); the webpack plugin adds the CustomFunctions.associate calls,
 * so none are written here. Both functions are pure over the book snapshot: BALANCE reads
 * the Journal through it, DAXIE needs no book at all.
 */
/// <reference types="office-js" />
import { serialToDate, formatInZone } from '../../analytics/book/dates';
import { parseDate } from '../../analytics/book/parse-date';
import { rowsOf, text } from '../../analytics/book/book';
import type { Book } from '../../analytics/book/types';
import { parseAmount } from '../../analytics/money/parse-amount';
import { toChineseUppercase } from '../../analytics/money/chinese-uppercase';
import { ExcelHost } from '../excel/excel-host';
import { functionsBook } from './book-snapshot';

/**
 * A customer's balance from the cash journal: opening balance plus receipts less payments, up to a date.
 * @customfunction BALANCE
 * @param customer Customer ID (or exact name) from the Customers sheet.
 * @param [date] Last date counted, as an Excel date or YYYY-MM-DD text; today when left out.
 * @returns The balance as a number with two decimals.
 */
export async function balance(customer: string, date?: any): Promise<number> {
  const book = await functionsBook(async () => (await new ExcelHost().readBook()).book);
  const id = resolveCustomer(book, String(customer ?? '').trim());
  if (!id) throw functionError('invalidValue', `Unknown customer: ${String(customer)}`);
  const asOf = dateArgument(book, date);
  if (!asOf) throw functionError('invalidValue', `Not a date: ${String(date)}`);
  const { customer360 } = await import(
    /* webpackChunkName: "engine-customers" */ '../taskpane/engine/customers'
  );
  return Number(customer360(book, id, asOf).balance);
}

/**
 * An amount in Chinese capital numerals (大写金额), as written on cheques and vouchers.
 * @customfunction DAXIE
 * @param amount The amount, e.g. 10005.2 or "1,234.56".
 * @returns The amount in 大写, e.g. 壹万零伍元贰角整.
 */
export function daxie(amount: any): string {
  const parsed = parseAmount(typeof amount === 'number' ? amount.toFixed(2) : amount);
  if (!parsed.ok) throw functionError('invalidValue', parsed.reason);
  if (parsed.value.abs().gte('1e16'))
    throw functionError('invalidNumber', 'Amount too large for 大写');
  return toChineseUppercase(parsed.value);
}

/** A customer id from an id or an exact name. */
function resolveCustomer(book: Book, key: string): string | undefined {
  if (!key) return undefined;
  const customers = rowsOf(book, 'Customers');
  const byId = customers.find((c) => text(c.CustomerId) === key);
  if (byId) return key;
  return customers.find((c) => text(c.Name) === key)?.CustomerId?.toString();
}

/** 'YYYY-MM-DD' from an Excel serial, date text or nothing (today in the book's zone). */
function dateArgument(book: Book, value: unknown): string | undefined {
  if (value === undefined || value === null || value === '')
    return formatInZone(new Date(), book.timeZone).slice(0, 10);
  if (typeof value === 'number') return serialToDate(value, book.date1904);
  return parseDate(String(value))?.date;
}

/** A #VALUE!/#NUM! error with a message Excel shows; a plain Error outside Excel. */
function functionError(code: 'invalidValue' | 'invalidNumber', message: string): Error {
  const runtime = (globalThis as { CustomFunctions?: CustomFunctionsRuntime }).CustomFunctions;
  if (runtime) return new runtime.Error(runtime.ErrorCode[code], message);
  return Object.assign(new Error(message), { code });
}

/** The part of the custom functions runtime used here (no @types package is installed for it). */
interface CustomFunctionsRuntime {
  Error: new (code: string, message?: string) => Error;
  ErrorCode: Record<'invalidValue' | 'invalidNumber', string>;
}
