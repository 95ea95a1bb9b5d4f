import { validatePhone } from '../../analytics/customers/validate-phone';

describe('validatePhone', () => {
  it.each([
    // input                        value                 kind
    ['13800138000',                 '13800138000',        'mobile'],
    ['+86 138-0013-8000',           '13800138000',        'mobile'],
    ['0086 19912345678',            '19912345678',        'mobile'],
    ['8613800138000',               '13800138000',        'mobile'],
    ['１３８００１３８０００',          '13800138000',        'mobile'],
    ['010-65529988',                '010-65529988',       'landline'],
    ['(010) 6552 9988 转 123',      '010-65529988-123',   'landline'],
    ['0755 8601 3388',              '0755-86013388',      'landline'],
    ['0571-8765432',                '0571-8765432',       'landline'],
    ['400-810-8888',                '400-810-8888',       'service'],
  ])('accepts %s as %s', (input, value, kind) => {
    expect(validatePhone(input)).toEqual({ ok: true, value, kind, warnings: [] });
  });

  it.each([
    ['a mobile with a second digit of 2',  '12345678901'],
    ['a mobile one digit short',            '1380013800'],
    ['a landline without its area code',    '6552 9988'],
    ['a landline number starting with 0',   '021-02345678'],
    ['letters',                             '138abc38000'],
    ['an empty cell',                       ''],
  ])('refuses %s', (_name, input) => {
    const r = validatePhone(input);
    expect(r.ok).toBe(false);
  });

  it('tells the cashier in both languages what is missing', () => {
    const r = validatePhone('6552 9988');
    expect(r.ok ? undefined : r.message).toEqual({
      'zh-CN': '座机号 65529988 缺少区号（如 010、0755）',
      'en-US': 'landline 65529988 needs its area code (e.g. 010, 0755)',
    });
  });
});
