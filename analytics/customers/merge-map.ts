/**
 * Which customer a merged customer now counts as. A merge never edits journal rows
 * (posted entries are locked), so every view that totals by customer resolves ids through
 * this map: the merged row keeps Status 'merged' and a Notes text "merged into C0002",
 * and its entries, communications and feedback count under the surviving customer.
 * Chains (A into B, B into C) resolve to the last survivor; a broken chain is a problem.
 */
import { rowsOf, text } from '../book/book';
import type { Book } from '../book/types';
import { problem, type Problem } from '../util/problem';

export interface CustomerMergeMap {
  /** The customer an id counts as: itself unless it was merged. Unknown ids map to themselves. */
  survivorOf(customerId: string): string;
  /** Every id that counts as `customerId`'s survivor, the survivor first. */
  groupOf(customerId: string): string[];
  /** Merged customers whose target is missing, unknown or loops back. */
  problems: Problem[];
}

const MERGED_INTO = /merged into\s+([^\s;,，；()（）/]+)/i;

/** The "merged into X" note a merge writes; {@link customerMergeMap} reads it back. */
export function mergedIntoNote(survivorId: string): string {
  return `已合并至 ${survivorId} / merged into ${survivorId}`;
}

/** The survivor id written in a merged customer's Notes, if any. */
export function mergedIntoTarget(notes: unknown): string | undefined {
  return MERGED_INTO.exec(text(notes))?.[1];
}

/**
 * Build the merge map of a book.
 * @example customerMergeMap(book).survivorOf('C0003') // 'C0001' after C0003 was merged into C0001
 */
export function customerMergeMap(book: Book): CustomerMergeMap {
  const known = new Set<string>();
  const direct = new Map<string, string>();
  const problems: Problem[] = [];

  // Step 1: direct targets from the merged rows
  for (const c of rowsOf(book, 'Customers')) {
    const id = text(c.CustomerId);
    known.add(id);
    if (c.Status !== 'merged') continue;
    const target = mergedIntoTarget(c.Notes);
    if (target) direct.set(id, target);
    else
      problems.push(
        problem(
          'merge-target-missing',
          `客户 ${id} 状态为已合并，但备注中没有“merged into 客户编号” / customer ${id} is merged but its Notes name no "merged into" customer`,
          { column: 'Notes' },
        ),
      );
  }

  // Step 2: follow chains to the last survivor
  const survivor = new Map<string, string>();
  for (const id of direct.keys()) {
    const seen = new Set([id]);
    let at = direct.get(id)!;
    while (direct.has(at) && !seen.has(at)) {
      seen.add(at);
      at = direct.get(at)!;
    }
    if (seen.has(at) || !known.has(at)) {
      problems.push(
        problem(
          'merge-target-broken',
          `客户 ${id} 的合并目标 ${at} 不存在或循环合并 / customer ${id} is merged into ${at}, which is unknown or loops back`,
          { column: 'Notes' },
        ),
      );
      continue;
    }
    survivor.set(id, at);
  }

  // Step 3: groups by survivor
  const groups = new Map<string, string[]>();
  for (const [id, to] of survivor) groups.set(to, (groups.get(to) ?? [to]).concat(id));
  const survivorOf = (id: string) => survivor.get(id) ?? id;
  return {
    survivorOf,
    groupOf: (id) => groups.get(survivorOf(id)) ?? [survivorOf(id)],
    problems,
  };
}
