/** The customer archive: validation, commands, merge map, 360 view and summaries. */
export {
  addCustomer,
  nextCustomerId,
  type CustomerDraft,
  type CustomerCommandSummary,
} from './add-customer';
export { editCustomer, type EditCustomerParams } from './edit-customer';
export { deactivateCustomer, type DeactivateCustomerParams } from './deactivate-customer';
export { mergeCustomers, type MergeCustomersParams } from './merge-customers';
export { unmergeCustomer, type UnmergeCustomerParams } from './unmerge-customer';
export {
  customerMergeMap,
  mergedIntoNote,
  mergedIntoTarget,
  type CustomerMergeMap,
} from './merge-map';
export {
  findDuplicateCustomers,
  normaliseCustomerName,
  type DuplicateCustomers,
  type DuplicateReason,
} from './find-duplicate-customers';
export {
  customer360,
  validScore,
  type Customer360,
  type CustomerBalanceLine,
} from './customer-360';
export { followUpsDue, type FollowUpDue } from './follow-ups-due';
export {
  satisfactionSummary,
  averageScore,
  type SatisfactionSummary,
} from './satisfaction-summary';
export { accountCheckLetters, type AccountCheckLettersParams } from './account-check-letters';
export { reviewCustomerArchive, type CustomerArchiveReview } from './review-customer-archive';
export { validateCustomer, type CustomerCheck } from './validate-customer';
export { validatePhone, type PhoneKind } from './validate-phone';
export { validateEmail } from './validate-email';
export { validateCreditCode, creditCodeCheckChar } from './credit-code';
export { validateIdCard } from './validate-id-card';
export { validateBankAccount, passesLuhn } from './validate-bank-account';
export type { FieldCheck } from './field-check';
export { sampleCustomers, fictionalCreditCode, type SampleCustomerData } from './sample-customers';
