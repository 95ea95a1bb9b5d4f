/**
 * Shapes shared by the risk rules: a finding (what a rule reports), the rule itself and
 * the input every rule reads (the journal as columns, the statement lines, the settings).
 */
import type { Book, Text } from '../book/types';
import type { JournalColumns } from './journal-columns';
import type { RowOrders } from './row-orders';

export type Severity = 'low' | 'medium' | 'high';

/** What one rule reports about one entry or a group of entries. */
export interface AnomalyFinding {
  /** Rule id, e.g. `large-value`. */
  rule: string;
  severity: Severity;
  /** Journal EntryIds (or statement LineIds for rules that read the statement). */
  entryIds: string[];
  /** Key of an aggregate (a day, a sequence, a year); part of the finding id. */
  period?: string;
  customerId: string;
  /** Amount in fen the finding is about (a single entry's amount or a group total). */
  amountFen: number;
  /** The date the finding is about, 'YYYY-MM-DD'. */
  date: string;
  /** Plain-language reason in both languages. */
  explanation: Text;
}

/** Everything a rule may read. Orders are computed once and shared between rules. */
export interface RiskInput {
  book: Book;
  journal: JournalColumns;
  orders: RowOrders;
  /** A numeric setting (from the Settings table, default from DEFAULT_SETTINGS). */
  number(key: string): number;
  /** A text setting. */
  text(key: string): string;
}

/** One explainable rule: an id, what it is, which settings it reads and how it detects. */
export interface RiskRule {
  id: string;
  title: Text;
  /** Settings keys the rule reads; each has a default in DEFAULT_SETTINGS. */
  settings: readonly string[];
  detect(input: RiskInput): AnomalyFinding[];
}
