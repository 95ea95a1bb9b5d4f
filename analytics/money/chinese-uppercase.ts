/**
 * 大写金额: the amount in Chinese financial capitals, as written on cheques and vouchers.
 * Follows 《正确填写票据和结算凭证的基本规定》: one 零 for a run of zeros inside the number;
 * 元 then 整 when there are no 角/分; 零 between 元 and 分 when 角 is zero; 壹拾 (never a bare
 * 拾) at the head. Where the rules allow either form (a zero at the 万 or 元 digit before a
 * non-zero 千 or 角), the shorter form without 零 is written. Amounts are rounded half-up to the fen.
 */
import { Decimal, roundToCents } from './decimal';
import { t } from '../book/types';
import { fail } from '../util/error';

const DIGITS = '零壹贰叁肆伍陆柒捌玖';
const SMALL_UNITS = ['', '拾', '佰', '仟'];
const GROUP_UNITS = ['', '万', '亿', '万'];

export interface ChineseUppercaseOptions {
  /** Write 整 after 角 when there is no 分 (allowed, not required). @default true */
  wholeAfterJiao?: boolean;
  /** Text put before the amount, e.g. `人民币`. @default '' */
  prefix?: string;
}

/**
 * Write an amount in 大写.
 * @param amount a Decimal or decimal text, below 10^16
 * @returns the capital form
 * @throws AnalyticsError when the amount is 10^16 or more
 * @example toChineseUppercase(new Decimal('10005.20')) // '壹万零伍元贰角整'
 */
export function toChineseUppercase(amount: Decimal | string, options: ChineseUppercaseOptions = {}): string {
  const { wholeAfterJiao = true, prefix = '' } = options;
  let parsed: Decimal;
  try {
    parsed = new Decimal(amount);
  } catch (e) {
    fail('not-an-amount', t(`'${String(amount)}' 不是金额`, `'${String(amount)}' is not an amount`), e);
  }
  if (!parsed.isFinite()) fail('not-an-amount', t(`'${String(amount)}' 不是金额`, `'${String(amount)}' is not an amount`));
  const value = roundToCents(parsed);
  if (value.abs().gte('1e16')) fail('amount-too-large', t(`${value.toString()} 超出大写金额能表示的范围`, `${value.toString()} is too large for 大写金额`));

  const [intText, fracText] = value.abs().toFixed(2).split('.');
  const jiao = Number(fracText[0]);
  const fen = Number(fracText[1]);
  const integer = writeInteger(intText);

  // Step: the 角/分 tail and the closing 整
  let tail = '';
  if (integer === '' && jiao === 0 && fen === 0) return `${prefix}零元整`;
  if (jiao > 0) tail += `${DIGITS[jiao]}角`;
  if (fen > 0) tail += `${jiao === 0 && integer !== '' ? '零' : ''}${DIGITS[fen]}分`;
  if (fen === 0 && (jiao === 0 || wholeAfterJiao)) tail += '整';

  const sign = value.isNegative() ? '负' : '';
  return `${prefix}${sign}${integer === '' ? '' : integer + '元'}${tail}`;
}

/** The integer part without 元; '' for zero. */
function writeInteger(digits: string): string {
  let out = '';
  let pendingZero = false;
  let groupHasDigit = false;
  let yiWritten = false;
  for (let i = 0; i < digits.length; i++) {
    const d = Number(digits[i]);
    const pos = digits.length - 1 - i;
    if (d === 0) {
      if (out !== '') pendingZero = true;
    } else {
      if (pendingZero) out += '零';
      pendingZero = false;
      out += DIGITS[d] + SMALL_UNITS[pos % 4];
      groupHasDigit = true;
    }
    if (pos % 4 === 0 && pos > 0) {
      const group = pos / 4;
      if (groupHasDigit) {
        out += GROUP_UNITS[group];
        if (group === 2) yiWritten = true;
        // Zeros that end a group are absorbed by its unit (the shorter form the rules allow).
        pendingZero = false;
      } else if (group === 2 && out !== '' && !yiWritten) {
        // 壹万亿: the 亿 is still owed when the 亿 group itself is all zeros.
        out += '亿';
        yiWritten = true;
      }
      groupHasDigit = false;
    }
  }
  return out;
}
