/**
 * Seals of the tables that hold financial facts besides the Journal (the bank's statement
 * lines, matches, reconciliations, exceptions under review, periods, opening items and the
 * accounts' opening balances). Each AuditLog row carries, per table, the row count and an
 * order-free digest: 64-bit FNV-1a hashes of each row's canonical text, added up. Commands
 * move the digest by what they change (rows after minus rows before), so a later command
 * never launders an edit made outside Cashbook; `verify` recomputes the digest and names any
 * table that no longer matches. The hash has no key: this catches edits, not a forger who
 * recomputes the seals (see verify-book.ts).
 */
import { SCHEMA, type TableKey } from '../book/schema';
import { bodyOf, cellAt, forEachRow, isShared, rowCount } from '../book/column-rows';
import type { Book, Row, TableChange } from '../book/types';
import { fnv1a64 } from '../import/fingerprint';
import { toMinorUnits } from '../money/minor-units';

export const SEALED_TABLES = ['Accounts', 'Statement', 'Matches', 'Reconciliation', 'Exceptions', 'Periods', 'OpeningItems'] as const satisfies readonly TableKey[];
export type SealedTable = (typeof SEALED_TABLES)[number];

/** Per table: [row count, digest as 16 hex digits]. */
export type TableSeals = Partial<Record<SealedTable, [number, string]>>;

const LANE = 2 ** 32;

/** Canonical text of a row: schema columns in order, amounts as integer fen, blanks as ''. */
export function rowSealText(key: SealedTable, row: Row): string {
  return SCHEMA[key].columns
    .map((c) => {
      const v = row[c.key];
      if (v === null || v === undefined || v === '') return '';
      if (c.type === 'amount') {
        const fen = toMinorUnits(String(v));
        return Number.isNaN(fen) ? String(v) : String(fen);
      }
      return String(v);
    })
    .join('\u0001');
}

/** Two 32-bit lanes of the sum of the hashes of the rows `keep` takes (all by default). */
function sumRows(key: SealedTable, rows: { rows: Row[] } | undefined, keep?: (row: Row, k: number) => boolean): [number, number] {
  let hi = 0;
  let lo = 0;
  forEachRow(rows, (r, k) => {
    if (keep && !keep(r, k)) return;
    const h = fnv1a64(rowSealText(key, r));
    hi = (hi + parseInt(h.slice(0, 8), 16)) % LANE;
    lo = (lo + parseInt(h.slice(8, 16), 16)) % LANE;
  });
  return [hi, lo];
}

function hex([hi, lo]: [number, number]): string {
  return hi.toString(16).padStart(8, '0') + lo.toString(16).padStart(8, '0');
}

function unhex(d: string): [number, number] {
  return [parseInt(d.slice(0, 8), 16), parseInt(d.slice(8, 16), 16)];
}

/** The digest of a whole table as it stands. */
export function tableDigest(key: SealedTable, rows: Row[]): string {
  return hex(sumRows(key, { rows }));
}

/**
 * The seals after a command: the previous seals moved by what the changes did. A table with
 * no previous seal is sealed as it stood before the command (first use).
 */
export function nextTableSeals(before: Book, after: Book, changes: readonly TableChange[], previous: TableSeals | undefined): TableSeals {
  const seals: TableSeals = {};
  for (const key of SEALED_TABLES) {
    // Tables held as columns (a million new matches) are read a row at a time, never made whole.
    const old = before.tables[key];
    const now = after.tables[key];
    const prior = previous?.[key] ?? [rowCount(old), hex(sumRows(key, old))];
    const touched = touchedRows(key, rowCount(now), changes.filter((c) => c.table === key));
    if (!touched) {
      seals[key] = prior;
      continue;
    }
    const [phi, plo] = unhex(prior[1]);
    const [ahi, alo] = sumRows(key, now, touched.after);
    const [bhi, blo] = sumRows(key, old, touched.before);
    seals[key] = [prior[0] + rowCount(now) - rowCount(old), hex([(phi + ahi - bhi + 2 * LANE) % LANE, (plo + alo - blo + 2 * LANE) % LANE])];
  }
  return seals;
}

type Keep = (row: Row, k: number) => boolean;

// Which rows a table's changes replaced (before) and which took their place (after).
function touchedRows(key: SealedTable, nowCount: number, changes: readonly TableChange[]): { before: Keep; after: Keep } | undefined {
  if (!changes.length) return undefined;
  if (changes.some((c) => c.op === 'replace')) return { before: () => true, after: () => true };
  const id = SCHEMA[key].idColumn;
  const ids = new Set<string>();
  let appended = 0;
  for (const c of changes) {
    if (c.op === 'delete') c.ids.forEach((i) => ids.add(String(i)));
    else if (c.op === 'upsert' && id) idsOf(c, id).forEach((i) => ids.add(i));
    else if (c.op === 'append') appended += rowCount(c);
  }
  const picked = (r: Row) => id !== undefined && ids.has(String(r[id]));
  // Appends land at the end of the table, after any upserted rows' new additions.
  return { before: picked, after: (r, k) => picked(r) || k >= nowCount - appended };
}

// The ids of an upsert's rows, read from the id column when they are held as columns.
function idsOf(change: Extract<TableChange, { op: 'upsert' }>, id: string): string[] {
  const cells = bodyOf(change)?.cellsOf(id);
  if (cells && !isShared(cells)) return Array.from({ length: rowCount(change) }, (_, k) => String(cellAt(cells, k)));
  return change.rows.map((r) => String(r[id]));
}

/** The table seals stored in an AuditLog row's Detail, if any. */
export function tableSealsOf(auditRow: Row): TableSeals | undefined {
  if (typeof auditRow.Detail !== 'string' || !auditRow.Detail.includes('"tableSeals"')) return undefined;
  try {
    const seals = (JSON.parse(auditRow.Detail) as { tableSeals?: TableSeals }).tableSeals;
    return seals && typeof seals === 'object' ? seals : undefined;
  } catch {
    // A Detail that is not JSON has no seals; verify reports the row through its hash.
    return undefined;
  }
}

/** The table seals of the newest AuditLog row that has them. */
export function lastTableSeals(audit: readonly Row[]): TableSeals | undefined {
  for (let i = audit.length - 1; i >= 0; i--) {
    const seals = tableSealsOf(audit[i]);
    if (seals) return seals;
  }
  return undefined;
}
