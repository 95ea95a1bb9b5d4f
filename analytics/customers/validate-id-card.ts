/**
 * 居民身份证号码 (GB 11643-1999): 17 digits and a check character from ISO 7064 MOD 11-2,
 * the tax id of a person. Positions 7–14 are the birth date, which must be a real date.
 */
import { isIsoDate } from '../book/dates';
import { t } from '../book/types';
import { accepted, halfWidth, refused, type FieldCheck } from './field-check';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/**
 * Check an 18-digit resident identity card number.
 * @example validateIdCard('11010519491231002X') // { ok: true, value: '11010519491231002X' }
 */
export function validateIdCard(input: string): FieldCheck {
  const id = halfWidth(input).replace(/\s/g, '').toUpperCase();
  if (!/^\d{17}[\dX]$/.test(id))
    return refused(
      t(
        `身份证号应为 17 位数字加 1 位数字或 X，'${input}' 不是`,
        `an ID card number is 17 digits and a digit or X; '${input}' is not`,
      ),
    );
  const birth = `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
  if (!isIsoDate(birth))
    return refused(
      t(
        `身份证号 ${id} 中的出生日期 ${birth} 无效`,
        `ID card ${id}: birth date ${birth} is not a real date`,
      ),
    );
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(id[i]) * WEIGHTS[i];
  const expected = CHECK[sum % 11];
  if (id[17] !== expected)
    return refused(
      t(
        `身份证号 ${id} 校验位不符：末位应为 ${expected}`,
        `ID card ${id} fails its check: the last character should be ${expected}`,
      ),
    );
  return accepted(id);
}
