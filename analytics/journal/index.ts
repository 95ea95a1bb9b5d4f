/** Journal recording: post, reverse and rebalance entries. */
export { recordEntry, type EntryDraft, type RecordEntrySummary } from './record-entry';
export { recordTransfer, type TransferDraft, type RecordTransferSummary } from './record-transfer';
export { reverseEntry, type ReverseEntryParams, type ReverseEntrySummary } from './reverse-entry';
export {
  recomputeBalances,
  type BalanceProblem,
  type BalanceUpdate,
  type RecomputeBalancesOptions,
  type RecomputeBalancesResult,
} from './recompute-balances';
export { balanceWith, negativeCashBalance } from './balance-with';
export { nextEntryId, nextVoucher, DEFAULT_VOUCHER_PREFIX } from './entry-numbers';
export { compareEntries, compareIds, orderEntries, entryIdKey } from './entry-order';
