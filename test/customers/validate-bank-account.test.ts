import { passesLuhn, validateBankAccount } from '../../analytics/customers/validate-bank-account';

describe('validateBankAccount', () => {
  it('accepts a 16-digit card that passes Luhn without warnings', () => {
    // 4111 1111 1111 1111 is the card networks' published test number
    expect(validateBankAccount('4111 1111 1111 1111')).toEqual({ ok: true, value: '4111111111111111', kind: undefined, warnings: [] });
  });

  it('accepts a card-length number that fails Luhn, with a warning', () => {
    const r = validateBankAccount('4111-1111-1111-1112');
    expect(r.ok && r.value).toBe('4111111111111112');
    expect(r.ok && r.warnings.length).toBe(1);
  });

  it('does not apply Luhn to account numbers outside 16–19 digits', () => {
    const r = validateBankAccount('11001234567890123456789');
    expect(r.ok && r.warnings).toEqual([]);
  });

  it.each([
    ['7 digits',         '1234567'],
    ['31 digits',        '1'.repeat(31)],
    ['a letter',         '62220202000012345A7'],
    ['nothing',          '  '],
  ])('refuses %s', (_name, input) => {
    expect(validateBankAccount(input).ok).toBe(false);
  });
});

describe('passesLuhn', () => {
  it.each([
    ['79927398713', true],
    ['79927398710', false],
    ['4111111111111111', true],
  ])('checks %s', (digits, expected) => {
    expect(passesLuhn(digits)).toBe(expected);
  });
});
