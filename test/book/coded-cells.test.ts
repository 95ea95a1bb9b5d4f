import { dayText } from '../../analytics/book/dates';
import { fromMinorUnits } from '../../analytics/money/minor-units';
import { codeColumn, codedReader, DayCells, DictionaryCells, FenCells, fenOf, isDateText, SerialCells } from '../../analytics/book/coded-cells';
import type { Cell } from '../../analytics/book/types';

// Every cell read back, through at() and through a column reader, as it was given.
function expectExact(cells: (Cell | undefined)[]): ReturnType<typeof codeColumn> {
  const coded = codeColumn(cells);
  if (!coded) return coded;
  const read = codedReader(coded);
  expect(coded.length).toBe(cells.length);
  cells.forEach((v, k) => {
    expect(coded.at(k)).toBe(v);
    expect(read(k)).toBe(v);
  });
  return coded;
}

describe('codeColumn', () => {
  test('dates become day numbers, blank and absent cells kept apart', () => {
    const coded = expectExact(['2025-01-31', null, undefined, '2024-02-29', '0001-01-01', '9999-12-31', '1970-01-01']);
    expect(coded).toBeInstanceOf(DayCells);
    // 2025-01-31 is 20,119 days after 1970-01-01 (55 years of 365 days, 14 leap days, 30 days).
    expect((coded as DayCells).days[0]).toBe(55 * 365 + 14 + 30);
    expect((coded as DayCells).days[6]).toBe(0);
  });

  test('day numbers and texts agree with the UTC calendar over the whole range', () => {
    for (let d = 0; d <= 2_932_896; d += 997) expect(dayText(d)).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
    // Before 1970 and before year 1000, where toISOString still writes four digits.
    for (let d = -719_528; d < 0; d += 1_009) {
      const text = dayText(d);
      expect(text).toBe(new Date(d * 86_400_000).toISOString().slice(0, 10));
      expect((codeColumn([text]) as DayCells).days[0]).toBe(d);
    }
  });

  test('anything but a real calendar date in YYYY-MM-DD keeps the column from being days', () => {
    for (const bad of ['2025-02-29', '2025-1-01', '2025-13-01', '2025-04-31', '2025/01/01', '2025-01-01 ', ' 2025-01-01']) {
      expect(isDateText(bad)).toBe(false);
      expect(expectExact(['2025-01-01', bad])).not.toBeInstanceOf(DayCells);
    }
  });

  test('amounts with two decimals become fen; any other form keeps the column as it was', () => {
    const coded = expectExact(['-1234.50', '0.00', '0.05', '9999999999999.99', null, undefined, '-0.01']);
    expect(coded).toBeInstanceOf(FenCells);
    expect(Array.from((coded as FenCells).fen.slice(0, 4))).toEqual([-123450, 0, 5, 999999999999999]);
    for (const other of ['-0.00', '01.00', '1.5', '1.500', '+1.00', '1e3', '12', '.50', '99999999999999.00']) {
      expect(fenOf(other)).toBeNaN();
      expect(expectExact(['1.00', other])).not.toBeInstanceOf(FenCells);
    }
  });

  test('fen read back as the canonical amount texts', () => {
    expect([0, 5, -5, 100, -123450, 999999999999999].map((fen) => fromMinorUnits(fen))).toEqual(['0.00', '0.05', '-0.05', '1.00', '-1234.50', '9999999999999.99']);
  });

  test('ids of one prefix and fixed width, or plain numbers, become serial numbers', () => {
    // Past the 4,096 values a small dictionary takes.
    const padded = expectExact([...Array.from({ length: 5000 }, (_, i) => `J${String(i * 7).padStart(7, '0')}`), null, 'J1234567', undefined]);
    expect(padded).toBeInstanceOf(SerialCells);
    expect([(padded as SerialCells).prefix, (padded as SerialCells).width, (padded as SerialCells).numbers[5001]]).toEqual(['J', 7, 1234567]);
    const plain = expectExact(Array.from({ length: 5000 }, (_, i) => `bank.csv#${i + 2}`));
    expect(plain).toBeInstanceOf(SerialCells);
    expect((plain as SerialCells).width).toBe(0);
  });

  test('ids that do not all fit one prefix and width are not serial, and still read back exactly', () => {
    const many = (f: (i: number) => string) => Array.from({ length: 5000 }, (_, i) => f(i));
    // A leading zero on one but not the other, another prefix, a 16-digit number, a sign.
    for (const cells of [many((i) => (i === 7 ? 'X01' : `X${i + 1}`)), many((i) => (i === 7 ? 'Y8' : `X${i}`)), many((i) => (i === 7 ? '1234567890123456' : String(i))), many((i) => (i === 7 ? 'A-1' : `A${i}`))]) {
      expect(expectExact(cells)).not.toBeInstanceOf(SerialCells);
    }
  });

  test('few distinct texts become a dictionary; numbers, booleans in it or too many values leave it plain', () => {
    const dict = expectExact(['转账', '现金', null, '转账', undefined, '', '现金']);
    expect(dict).toBeInstanceOf(DictionaryCells);
    expect((dict as DictionaryCells).values).toEqual(['转账', '现金', null, undefined, '']);
    expect(codeColumn(['a', 1, 'b'])).toBeUndefined();
    expect(codeColumn(Array.from({ length: 70_000 }, (_, i) => `名${i}号`))).toBeUndefined();
  });

  test('a column with nothing but blanks is a dictionary of its blanks', () => {
    expect(expectExact([null, null, undefined])).toBeInstanceOf(DictionaryCells);
    expect(expectExact([])).toBeInstanceOf(DictionaryCells);
  });
});
