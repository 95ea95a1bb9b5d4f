/**
 * Chinese phone numbers as customers give them: mobiles (11 digits from 13x to 19x, with
 * or without +86), landlines (area code 0xx/0xxx, a 7–8 digit number, an optional
 * extension) and 400/800 service numbers. Spaces, dashes, dots and brackets around the area
 * code are accepted and dropped; the value kept is the digits with one dash after the area code.
 */
import { t } from '../book/types';
import { accepted, halfWidth, refused, type FieldCheck } from './field-check';

export type PhoneKind = 'mobile' | 'landline' | 'service';

/**
 * Check and normalise a phone number.
 * @param input the number as typed
 * @returns the normalised number and its kind, or a bilingual message
 * @example validatePhone('+86 138-0013-8000') // { ok: true, value: '13800138000', kind: 'mobile' }
 * @example validatePhone('(010) 6552 9988 转 123') // { ok: true, value: '010-65529988-123', kind: 'landline' }
 */
export function validatePhone(input: string): FieldCheck<PhoneKind> {
  const raw = halfWidth(input).trim();
  if (raw === '') return refused(t('电话为空', 'the phone number is empty'));
  if (/[^\d\s\-+().转#xet]/i.test(raw)) {
    return refused(
      t(`电话 '${input}' 含有数字以外的字符`, `phone '${input}' has characters other than digits`),
    );
  }

  // Step 1: extension, then the country code
  const [main, ext] = raw.split(/\s*(?:转|#|ext\.?|x)\s*/i);
  let digits = main.replace(/[\s\-.()]/g, '');
  digits = digits.replace(/^(?:\+86|0086)/, '').replace(/^86(?=1\d{10}$)/, '');
  const extension = ext?.replace(/\D/g, '') ?? '';

  // Step 2: which kind of number it is
  if (/^1\d{10}$/.test(digits)) {
    if (!/^1[3-9]/.test(digits))
      return refused(
        t(`手机号 ${digits} 的第二位应为 3–9`, `mobile ${digits}: the second digit must be 3–9`),
      );
    return accepted(digits, 'mobile');
  }
  if (/^[48]00\d{7}$/.test(digits))
    return accepted(`${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`, 'service');
  const landline = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(digits);
  if (landline) {
    if (/^[01]/.test(landline[2]))
      return refused(
        t(
          `座机号 ${landline[2]} 不应以 0 或 1 开头`,
          `landline number ${landline[2]} cannot start with 0 or 1`,
        ),
      );
    return accepted(`${landline[1]}-${landline[2]}${extension ? '-' + extension : ''}`, 'landline');
  }
  if (/^[2-9]\d{6,7}$/.test(digits)) {
    return refused(
      t(
        `座机号 ${digits} 缺少区号（如 010、0755）`,
        `landline ${digits} needs its area code (e.g. 010, 0755)`,
      ),
    );
  }
  return refused(
    t(
      `电话 '${input}' 不是有效的手机号（11 位）或座机号（区号 + 7–8 位）`,
      `phone '${input}' is neither an 11-digit mobile nor a landline (area code + 7–8 digits)`,
    ),
  );
}
