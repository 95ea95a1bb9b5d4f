/**
 * Bank card and account numbers: 8 to 30 digits once spaces and dashes are dropped.
 * Cards of 16–19 digits usually carry a Luhn check digit, but many corporate settlement
 * accounts of the same length do not, so a failed Luhn check is a warning, never a refusal.
 */
import { t } from '../book/types';
import { accepted, halfWidth, refused, type FieldCheck } from './field-check';

/**
 * Check a bank card or account number.
 * @example validateBankAccount('6222 0202 0000 0000 006') // ok; warns when the Luhn check fails
 */
export function validateBankAccount(input: string): FieldCheck {
  const digits = halfWidth(input).replace(/[\s-]/g, '');
  if (digits === '') return refused(t('银行账号为空', 'the bank account number is empty'));
  if (!/^\d+$/.test(digits))
    return refused(
      t(`银行账号 '${input}' 只能包含数字`, `bank account '${input}' may contain digits only`),
    );
  if (digits.length < 8 || digits.length > 30) {
    return refused(
      t(
        `银行账号应为 8–30 位数字，'${input}' 为 ${digits.length} 位`,
        `a bank account has 8–30 digits; '${input}' has ${digits.length}`,
      ),
    );
  }
  const warnings =
    digits.length >= 16 && digits.length <= 19 && !passesLuhn(digits)
      ? [
          t(
            `卡号 ${digits} 未通过 Luhn 校验，若为银行卡请核对（对公账户可忽略）`,
            `card number ${digits} fails the Luhn check; check it if it is a card (corporate accounts may not use Luhn)`,
          ),
        ]
      : [];
  return accepted(digits, undefined, warnings);
}

/** True when the digits pass the Luhn (mod 10) check. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}
