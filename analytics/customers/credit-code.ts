/**
 * 统一社会信用代码 (unified social credit code, GB 32100-2015): 18 characters from the
 * 31-character set 0-9 A-H J-N P Q R T U W X Y (no I, O, S, V, Z). The 18th is a check
 * character: with weights 3^(i) mod 31 for positions 1–17 (1, 3, 9, 27, 19, 26, …), the
 * check value is (31 − Σ value × weight mod 31) mod 31, written in the same character set.
 * Positions 3–8 are the registering authority's area code, digits only.
 */
import { t } from '../book/types';
import { accepted, halfWidth, refused, type FieldCheck } from './field-check';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
export const CREDIT_CODE_WEIGHTS = [
  1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28,
] as const;

/**
 * The check character for the first 17 characters of a credit code.
 * @returns the check character, or undefined when `body` is not 17 characters of the set
 * @example creditCodeCheckChar('91350100M000100Y4') // '3'
 */
export function creditCodeCheckChar(body: string): string | undefined {
  if (body.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_CHARSET.indexOf(body[i]);
    if (value < 0) return undefined;
    sum += value * CREDIT_CODE_WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/**
 * Check a 统一社会信用代码; lower-case letters, full-width characters and spaces are normalised.
 * @example validateCreditCode('914403001922038216') // { ok: true, value: '914403001922038216' }
 * @example validateCreditCode('914403001922038217') // { ok: false, message: … check character should be 6 … }
 */
export function validateCreditCode(input: string): FieldCheck {
  const code = halfWidth(input).replace(/[\s-]/g, '').toUpperCase();
  if (code.length !== 18) {
    return refused(
      t(
        `统一社会信用代码应为 18 位，'${input}' 为 ${code.length} 位`,
        `a unified social credit code has 18 characters; '${input}' has ${code.length}`,
      ),
    );
  }
  const bad = [...code].findIndex((ch) => !CREDIT_CODE_CHARSET.includes(ch));
  if (bad >= 0) {
    return refused(
      t(
        `统一社会信用代码第 ${bad + 1} 位 '${code[bad]}' 不允许（不使用 I、O、S、V、Z）`,
        `character ${bad + 1} '${code[bad]}' is not allowed in a credit code (I, O, S, V, Z are never used)`,
      ),
    );
  }
  if (!/^\d{6}$/.test(code.slice(2, 8))) {
    return refused(
      t(
        `统一社会信用代码第 3–8 位应为行政区划数字，'${code.slice(2, 8)}' 不是`,
        `characters 3–8 of a credit code are an area code in digits; '${code.slice(2, 8)}' is not`,
      ),
    );
  }
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (code[17] !== expected) {
    return refused(
      t(
        `统一社会信用代码 ${code} 校验位不符：第 18 位应为 ${expected}，请核对是否抄错`,
        `credit code ${code} fails its check: the 18th character should be ${expected}; check for a typo`,
      ),
    );
  }
  return accepted(code);
}
