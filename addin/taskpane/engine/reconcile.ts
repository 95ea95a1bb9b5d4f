/** The reconcile commands the pane uses, gathered into one lazily loaded chunk. */
export {
  reconcileAccount,
  type ReconcileSummary,
} from '../../../analytics/reconcile/reconcile-account';
export { confirmMatch, rejectMatch } from '../../../analytics/reconcile/match-decisions';
export { closePeriod } from '../../../analytics/reconcile/close-period';
