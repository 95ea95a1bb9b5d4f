import { creditCodeCheckChar, validateCreditCode } from '../../analytics/customers/credit-code';

// Codes published on business licences and in the national enterprise credit system:
// the GB 32100-2015 illustration 91350100M000100Y43, 华为技术有限公司, 腾讯科技（深圳）有限公司,
// 深圳市腾讯计算机系统有限公司, and two Beijing registrations.
const PUBLISHED = ['91350100M000100Y43', '914403001922038216', '9144030071526726XG', '91440300708461136T', '91110000802100433B', '91110108551385082Q'];

describe('creditCodeCheckChar', () => {
  it.each(PUBLISHED)('gives the published check character of %s', (code) => {
    expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code[17]);
  });

  it('gives 0 when the weighted sum is already a multiple of 31', () => {
    // 17 zeros sum to 0; (31 − 0) mod 31 = 0
    expect(creditCodeCheckChar('0'.repeat(17))).toBe('0');
  });

  it('refuses a body with a character outside the set', () => {
    expect(creditCodeCheckChar('91350100M00010OY4')).toBeUndefined();
  });
});

describe('validateCreditCode', () => {
  it.each(PUBLISHED)('accepts the published code %s', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: true, value: code, kind: undefined, warnings: [] });
  });

  it('normalises lower case, spaces and full-width characters', () => {
    const r = validateCreditCode(' ９１４４０３００７１５２６７２６ｘｇ ');
    expect(r.ok && r.value).toBe('9144030071526726XG');
  });

  it('refuses a code with one digit mistyped and names the right check character', () => {
    const r = validateCreditCode('914403001922038217');
    expect(r.ok ? '' : r.message['zh-CN']).toBe('统一社会信用代码 914403001922038217 校验位不符：第 18 位应为 6，请核对是否抄错');
  });

  it('refuses two swapped neighbouring characters', () => {
    expect(validateCreditCode('914403001922038126').ok).toBe(false);
  });

  it.each([
    ['17 characters',                   '91440300192203821'],
    ['the letter O for zero',           '9144030O1922038216'],
    ['the letter I',                    '91440300I922038216'],
    ['letters in the area code',        '91AB0300192203821X'],
    ['an old 15-digit registration no.', '440301103263652'],
  ])('refuses %s', (_name, code) => {
    expect(validateCreditCode(code).ok).toBe(false);
  });
});
