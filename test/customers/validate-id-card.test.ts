import { validateIdCard } from '../../analytics/customers/validate-id-card';

describe('validateIdCard', () => {
  it('accepts the GB 11643-1999 example number with its X check character', () => {
    expect(validateIdCard('11010519491231002x')).toEqual({ ok: true, value: '11010519491231002X', kind: undefined, warnings: [] });
  });

  it.each([
    ['a wrong check character',  '110105194912310021'],
    ['an impossible birth date', '11010519490231002X'],
    ['17 characters',            '11010519491231002'],
  ])('refuses %s', (_name, id) => {
    expect(validateIdCard(id).ok).toBe(false);
  });
});
