import { safeSheetName } from '../../analytics/book/sheet-name';

test('safeSheetName replaces what Excel forbids and keeps 31 characters', () => {
  expect(safeSheetName('对账单 C:001')).toBe('对账单 C-001');
  expect(safeSheetName('a[b]c*d?e/f\\g')).toBe('a-b-c-d-e-f-g');
  expect(safeSheetName('x'.repeat(40))).toBe('x'.repeat(31));
});
