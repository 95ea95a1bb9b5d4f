/** Reconciliation and period close: the public surface of analytics/reconcile. */
export { reconcileAccount, type ReconcileAccountParams, type ReconcileSummary } from './reconcile-account';
export { computeReconciliation, OUTSTANDING_KINDS, type OutstandingItem, type OutstandingKind, type ReconciliationRun } from './compute-reconciliation';
export { matchStatement, type MatchProposal, type MatchRule, type MatchStatementOptions } from './match-statement';
export { journalColumns, statementColumns, allocateColumns, dayNumber, dayText, type LedgerColumns } from './ledger-columns';
export { confirmMatch, rejectMatch, addManualMatch } from './match-decisions';
export { closePeriod, reopenPeriod } from './close-period';
export { countCash } from './count-cash';
export { pairTransfers, transferEntryIds } from './pair-transfers';
export { agingReview, agingBucket, AGING_BUCKETS } from './aging-review';
export { customerStatement } from './customer-statement';
export { confirmationLetter } from './confirmation-letter';
export { reconciliationSheet } from './reconciliation-sheet';
