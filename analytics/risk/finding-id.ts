/**
 * Stable finding ids: SHA-256 over the rule, the sorted entry ids and, for aggregate rules,
 * the period key. The same anomaly gets the same id on every run, whatever the row order,
 * so a reviewer's status and notes stay attached to it.
 */
import { canonicalJson, sha256Hex } from '../audit/audit-chain';
import type { AnomalyFinding } from './types';

/**
 * The id of a finding.
 * @example findingId({ rule: 'large-value', entryIds: ['E2', 'E1'], ... }) === findingId({ rule: 'large-value', entryIds: ['E1', 'E2'], ... })
 */
export function findingId(finding: Pick<AnomalyFinding, 'rule' | 'entryIds' | 'period'>): string {
  const ids = finding.entryIds.slice().sort();
  return `F-${sha256Hex(canonicalJson([finding.rule, ids, finding.period ?? ''])).slice(0, 16)}`;
}
