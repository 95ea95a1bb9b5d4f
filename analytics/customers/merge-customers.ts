/**
 * Merge a duplicate customer into the one that stays. Posted journal rows are locked
 * (only a reversal changes them), so a merge re-points nothing: the merged customer gets
 * Status 'merged' and a Notes text "merged into C0001", and every customer view resolves
 * ids through the merge map (merge-map.ts). Its entries, communications and feedback then
 * count once, under the survivor, and the merge can be audited and undone. Blank contact
 * fields of the survivor are filled from the merged row. Two different tax ids mean two
 * legal entities, so such a merge is refused unless forced.
 */
import { rowsOf, text } from '../book/book';
import { t, type Book, type CommandContext, type CommandResult, type Row } from '../book/types';
import { refusedCommand, type CustomerCommandSummary } from './add-customer';
import { customerMergeMap, mergedIntoNote } from './merge-map';

export interface MergeCustomersParams {
  /** The duplicate, which becomes 'merged'. */
  from: string;
  /** The customer that stays. */
  into: string;
  reason?: string;
  /** Merge even when the two have different tax ids. @default false */
  force?: boolean;
}

const FILLED_FROM_MERGED = [
  'Contact',
  'Phone',
  'Email',
  'Address',
  'TaxId',
  'BankAccount',
] as const;

/**
 * Merge customer `from` into `into`.
 * @returns upserts of both customer rows; exit 2 when refused
 * @example mergeCustomers(book, { from: 'C0009', into: 'C0001' }, ctx) // C0009 → merged, "merged into C0001"
 */
export function mergeCustomers(
  book: Book,
  params: MergeCustomersParams,
  ctx: CommandContext,
): CommandResult<CustomerCommandSummary> {
  const customers = rowsOf(book, 'Customers');
  const from = customers.find((c) => text(c.CustomerId) === params.from);
  const into = customers.find((c) => text(c.CustomerId) === params.into);
  const refuse = (zh: string, en: string) =>
    refusedCommand([{ level: 'error', event: 'customer-merge-refused', text: t(zh, en) }]);

  // Step 1: which merges make sense
  if (params.from === params.into)
    return refuse('不能把客户合并到自身', 'a customer cannot be merged into itself');
  if (!from) return refuse(`客户 ${params.from} 不存在`, `customer ${params.from} does not exist`);
  if (!into) return refuse(`客户 ${params.into} 不存在`, `customer ${params.into} does not exist`);
  if (from.Status === 'merged')
    return refuse(`客户 ${params.from} 已合并过`, `customer ${params.from} is already merged`);
  if (into.Status === 'merged') {
    const survivor = customerMergeMap(book).survivorOf(params.into);
    return refuse(
      `客户 ${params.into} 已合并至 ${survivor}，请合并到 ${survivor}`,
      `customer ${params.into} was merged into ${survivor}; merge into ${survivor}`,
    );
  }
  const taxFrom = text(from.TaxId).toUpperCase();
  const taxInto = text(into.TaxId).toUpperCase();
  if (taxFrom && taxInto && taxFrom !== taxInto && !params.force) {
    return refuse(
      `两个客户的统一社会信用代码不同（${taxFrom} / ${taxInto}），应为不同主体；确需合并请加 force`,
      `the customers have different tax ids (${taxFrom} / ${taxInto}), so they are different entities; use force to merge anyway`,
    );
  }

  // Step 2: the survivor keeps its fields and gains the blank ones
  const filled: Row = {};
  for (const key of FILLED_FROM_MERGED)
    if (text(into[key]) === '' && text(from[key]) !== '') filled[key] = from[key];
  const reason = params.reason ? `（${params.reason}）` : '';
  const survivorNote = `合并了 ${params.from} / absorbed ${params.from}`;
  const mergedRow: Row = {
    CustomerId: params.from,
    Status: 'merged',
    Notes: [mergedIntoNote(params.into) + reason, text(from.Notes)].filter(Boolean).join('; '),
  };
  const intoRow: Row = {
    CustomerId: params.into,
    ...filled,
    Notes: [text(into.Notes), survivorNote].filter(Boolean).join('; '),
  };

  const entries = rowsOf(book, 'Journal').filter((e) => text(e.CustomerId) === params.from).length;
  return {
    changes: [{ table: 'Customers', op: 'upsert', rows: [mergedRow, intoRow] }],
    summary: {
      customerId: params.into,
      merged: params.from,
      filled: Object.keys(filled),
      entriesCountedUnderSurvivor: entries,
      entriesEdited: 0,
      errors: [],
      warnings: [],
    },
    messages: [
      {
        level: 'info',
        event: 'customer-merged',
        text: t(
          `已将客户 ${params.from} 合并至 ${params.into}；其 ${entries} 笔分录不改动，按 ${params.into} 汇总`,
          `merged customer ${params.from} into ${params.into}; its ${entries} entries stay as posted and count under ${params.into}`,
        ),
      },
    ],
    exitCode: 0,
    audit: {
      action: 'customer-merge',
      target: params.into,
      detail: {
        from: params.from,
        into: params.into,
        reason: params.reason ?? null,
        filled,
        forced: Boolean(params.force),
        by: ctx.user,
      },
    },
  };
}
