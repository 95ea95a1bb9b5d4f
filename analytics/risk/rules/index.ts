/** Every risk rule, in the order findings are listed. */
import type { RiskRule } from '../types';
import { amountOutlierRule } from './amount-outlier';
import { benfordFirstRule, benfordFirstTwoRule, benfordSecondRule } from './benford-rule';
import { cashOnHandRule } from './cash-on-hand';
import { cashSettlementRule } from './cash-settlement';
import { cashSittingRule } from './cash-sitting';
import { dormantCustomerRule } from './dormant-customer';
import { duplicateExactRule, duplicateNearRule } from './duplicates';
import { largeDailyRule } from './large-daily';
import { largeValueRule } from './large-value';
import { newCounterpartyRule } from './new-counterparty';
import { offHoursRule, weekendRule } from './off-hours';
import { roundAmountRule } from './round-amount';
import { structuringRule } from './structuring';
import { voucherGapRule, voucherReuseRule } from './voucher-sequence';

export const RISK_RULES: readonly RiskRule[] = [
  largeValueRule,
  largeDailyRule,
  structuringRule,
  duplicateExactRule,
  duplicateNearRule,
  roundAmountRule,
  weekendRule,
  offHoursRule,
  voucherGapRule,
  voucherReuseRule,
  dormantCustomerRule,
  newCounterpartyRule,
  amountOutlierRule,
  cashSettlementRule,
  cashOnHandRule,
  cashSittingRule,
  benfordFirstRule,
  benfordSecondRule,
  benfordFirstTwoRule,
];
