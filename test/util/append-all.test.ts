import { appendAll } from '../../analytics/util/append-all';

test('appends a million items in order (a spread push overflows the stack well before that)', () => {
  const source = Array.from({ length: 1_000_000 }, (_, i) => i);
  const target = appendAll([-1], source);
  expect(target.length).toBe(1_000_001);
  expect(target[0]).toBe(-1);
  expect(target[1]).toBe(0);
  expect(target[1_000_000]).toBe(999_999);
  expect(() => [].push(...(source as never[]))).toThrow(RangeError);
});
