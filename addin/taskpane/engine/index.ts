/**
 * Engine modules the pane loads on demand. Each import() becomes its own webpack chunk, so
 * the first pane bundle carries only React, Fluent and the book/money basics; the importers,
 * matcher, risk rules, notebook and hashing arrive when a view first needs them.
 */
export const loadImport = () =>
  import(/* webpackChunkName: "engine-import" */ '../../../analytics/import');
export const loadReconcile = () => import(/* webpackChunkName: "engine-reconcile" */ './reconcile');
export const loadRisk = () => import(/* webpackChunkName: "engine-risk" */ './risk');
export const loadNotebook = () =>
  import(/* webpackChunkName: "engine-notebook" */ '../../../analytics/notebook');
export const loadCustomers = () => import(/* webpackChunkName: "engine-customers" */ './customers');
export const loadJournal = () => import(/* webpackChunkName: "engine-journal" */ './journal');
export const loadAudit = () =>
  import(/* webpackChunkName: "engine-audit" */ '../../../analytics/audit/verify-book');
