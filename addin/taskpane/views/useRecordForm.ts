/**
 * The Record form's state and its validation, run on every keystroke: the amount is parsed
 * as cashiers write it (1,234.50 · ¥1234.5 · full-width digits) and shown in 大写 as soon as
 * it is valid; the engine validates again when the entry is recorded.
 */
import * as React from 'react';
import { isIsoDate } from '../../../analytics/book/dates';
import { parseAmount } from '../../../analytics/money/parse-amount';
import { toChineseUppercase } from '../../../analytics/money/chinese-uppercase';
import { amountText } from '../../../analytics/money/decimal';
import type { EntryDraft } from '../../../analytics/journal/record-entry';
import type { StringKey } from '../strings';

export type Direction = 'inflow' | 'outflow';

export interface RecordFormState {
  date: string;
  accountId: string;
  customerId: string;
  direction: Direction;
  amount: string;
  summary: string;
  counterAccount: string;
  method: string;
  reference: string;
}

export type RecordFormErrors = Partial<
  Record<'date' | 'accountId' | 'amount' | 'summary', StringKey>
>;

/** Check a form; also gives the canonical amount and its 大写 when the amount is valid. */
export function checkRecordForm(form: RecordFormState): {
  errors: RecordFormErrors;
  amount?: string;
  uppercase?: string;
} {
  const errors: RecordFormErrors = {};
  if (!isIsoDate(form.date.trim())) errors.date = 'record.badDate';
  if (!form.accountId) errors.accountId = 'record.needAccount';
  if (!form.summary.trim()) errors.summary = 'record.needSummary';
  const parsed = form.amount.trim() ? parseAmount(form.amount) : undefined;
  if (
    !parsed ||
    !parsed.ok ||
    !parsed.value.isPositive() ||
    parsed.value.isZero() ||
    parsed.value.abs().gte('1e16')
  ) {
    errors.amount = 'record.badAmount';
    return { errors };
  }
  return { errors, amount: amountText(parsed.value), uppercase: toChineseUppercase(parsed.value) };
}

/** The draft the engine's recordEntry takes. */
export function draftOf(form: RecordFormState, amount: string): EntryDraft {
  const opt = (s: string) => (s.trim() ? s.trim() : undefined);
  return {
    date: form.date.trim(),
    accountId: form.accountId,
    customerId: opt(form.customerId),
    summary: form.summary.trim(),
    counterAccount: opt(form.counterAccount),
    method: opt(form.method),
    reference: opt(form.reference),
    inflow: form.direction === 'inflow' ? amount : undefined,
    outflow: form.direction === 'outflow' ? amount : undefined,
  };
}

/** Form state, touched fields (errors show once a field was edited or a submit was tried) and checks. */
export function useRecordForm(today: string) {
  const blank: RecordFormState = {
    date: today,
    accountId: '',
    customerId: '',
    direction: 'inflow',
    amount: '',
    summary: '',
    counterAccount: '',
    method: '',
    reference: '',
  };
  const [form, setForm] = React.useState<RecordFormState>(blank);
  const [touched, setTouched] = React.useState<Partial<Record<keyof RecordFormState, boolean>>>({});
  const [tried, setTried] = React.useState(false);
  const check = React.useMemo(() => checkRecordForm(form), [form]);
  const set = <K extends keyof RecordFormState>(key: K, value: RecordFormState[K]) => {
    setForm((f) => ({ ...f, [key]: value }));
    setTouched((t) => ({ ...t, [key]: true }));
  };
  const errorOf = (key: keyof RecordFormErrors) =>
    tried || touched[key] ? check.errors[key] : undefined;
  const reset = () => {
    setForm((f) => ({ ...blank, date: f.date, accountId: f.accountId, direction: f.direction }));
    setTouched({});
    setTried(false);
  };
  return { form, set, check, errorOf, setTried, reset };
}
