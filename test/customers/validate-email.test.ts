import { validateEmail } from '../../analytics/customers/validate-email';

describe('validateEmail', () => {
  it.each([
    ['ceshi@example.com',       'ceshi@example.com'],
    ['Ceshi@Example.COM',       'Ceshi@example.com'],
    ['x.y+z@mail.example.cn',   'x.y+z@mail.example.cn'],
    [' finance@example.org ',   'finance@example.org'],
  ])('accepts %s', (input, value) => {
    expect(validateEmail(input)).toEqual({ ok: true, value, kind: undefined, warnings: [] });
  });

  it.each([
    ['a full-width at sign',      'ceshi＠example.com'],
    ['a full-width full stop',    'ceshi@example。com'],
    ['no domain dot',             'ceshi@example'],
    ['two at signs',              'a@b@example.com'],
    ['a space inside',            'ce shi@example.com'],
    ['a one-letter top domain',   'ceshi@example.c'],
    ['a double dot',              'ce..shi@example.com'],
    ['nothing before the at',     '@example.com'],
  ])('refuses %s', (_name, input) => {
    expect(validateEmail(input).ok).toBe(false);
  });

  it('names the full-width sign as the fault', () => {
    const r = validateEmail('ceshi＠example.com');
    expect(r.ok ? '' : r.message['en-US']).toContain('full-width');
  });
});
