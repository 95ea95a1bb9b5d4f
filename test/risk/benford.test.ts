import {
  benfordPopulation,
  benfordTest,
  conformityOf,
  expectedProportion,
  leadingDigits,
} from '../../analytics/risk/benford';
import { fenOf } from '../../analytics/risk/journal-columns';
import { findingsOf, makeRiskBook, type EntryTuple } from './fixtures/make-risk-book';

// Case R1: one month's 金额 column
const R1 = [
  '0.05',
  '0.30',
  '0.89',
  '1.00',
  '1.18',
  '45.60',
  '-1200.00',
  '1000.00',
  '9800.00',
  '0.00',
].map(fenOf);

describe('leadingDigits', () => {
  it.each`
    yuan          | first | firstTwo
    ${'0.05'}     | ${5}  | ${50}
    ${'0.30'}     | ${3}  | ${30}
    ${'0.89'}     | ${8}  | ${89}
    ${'1.00'}     | ${1}  | ${10}
    ${'1.18'}     | ${1}  | ${11}
    ${'45.60'}    | ${4}  | ${45}
    ${'-1200.00'} | ${1}  | ${12}
    ${'1000.00'}  | ${1}  | ${10}
    ${'9800.00'}  | ${9}  | ${98}
  `(
    'reads $yuan as first digit $first, first two $firstTwo (case R1)',
    ({ yuan, first, firstTwo }) => {
      expect(leadingDigits(fenOf(yuan))).toMatchObject({ first, firstTwo });
    },
  );

  it('gives no digit for zero', () => {
    expect(leadingDigits(0)).toBeUndefined();
  });
});

describe('benfordTest', () => {
  it('counts first digits of R1 over every non-zero amount: 1→4, 3, 4, 5, 8, 9 →1, n = 9', () => {
    const r = benfordTest(R1, 'first');
    expect(r.n).toBe(9);
    expect(r.rows.map((row) => row.count)).toEqual([4, 0, 1, 1, 1, 0, 0, 1, 1]);
  });

  it('keeps R1 amounts of at least 10 yuan (n = 4) and says what it left out', () => {
    const p = benfordPopulation(R1);
    expect(p.amounts).toEqual([4560, 120000, 100000, 980000]);
    expect(p).toMatchObject({ belowMinimum: 5, zero: 1, negatives: 1 });
  });

  it.each`
    digit | p
    ${0}  | ${0.11968}
    ${1}  | ${0.11389}
    ${2}  | ${0.10882}
    ${3}  | ${0.10433}
    ${4}  | ${0.10031}
    ${5}  | ${0.09668}
    ${6}  | ${0.09337}
    ${7}  | ${0.09035}
    ${8}  | ${0.08757}
    ${9}  | ${0.085}
  `('expects second digit $digit with proportion $p (case R2)', ({ digit, p }) => {
    expect(expectedProportion('second', digit)).toBeCloseTo(p, 5);
  });

  it.each`
    test           | digit | p
    ${'first'}     | ${1}  | ${0.30103}
    ${'first'}     | ${9}  | ${0.04576}
    ${'first-two'} | ${10} | ${0.04139}
    ${'first-two'} | ${50} | ${0.0086}
    ${'first-two'} | ${99} | ${0.00436}
  `('expects $test digit $digit with proportion $p (case R2)', ({ test, digit, p }) => {
    expect(expectedProportion(test, digit)).toBeCloseTo(p, 5);
  });

  it('gives MAD 0.00941 for a flat second-digit distribution of 1,000 amounts (case R2)', () => {
    // 100 amounts for each second digit: 1d.00 yuan for d = 0..9, ten times over
    const flat = Array.from({ length: 1000 }, (_, i) => (10 + (i % 10)) * 100);
    const r = benfordTest(flat, 'second');
    expect(r.mad).toBeCloseTo(0.00941, 5);
    expect(r.rows[0].expected * 1000).toBeCloseTo(119.68, 2);
  });

  // Reference values from test/risk/fixtures/benford_reference.py (independent Python, run once)
  const parkMiller = (() => {
    const out: number[] = [];
    let x = 20240601;
    for (let i = 0; i < 2000; i++) {
      x = (48271 * x) % 2147483647;
      out.push(1000 + (x % 5_000_000));
    }
    return out;
  })();

  it.each`
    test           | mad         | chi2        | count  | z
    ${'first'}     | ${0.058236} | ${797.3625} | ${449} | ${7.4369}
    ${'second'}    | ${0.00928}  | ${23.1732}  | ${204} | ${2.4014}
    ${'first-two'} | ${0.006095} | ${878.5444} | ${43}  | ${4.41}
  `(
    'matches the independent Python computation for the $test test to 4 decimals',
    ({ test, mad, chi2, count, z }) => {
      const r = benfordTest(parkMiller, test);
      expect(r.n).toBe(2000);
      expect(r.mad).toBeCloseTo(mad, 4);
      expect(r.chiSquare).toBeCloseTo(chi2, 4);
      expect(r.rows[0].count).toBe(count);
      expect(r.rows[0].z).toBeCloseTo(z, 4);
    },
  );

  it.each`
    test           | mad       | level
    ${'first'}     | ${0.006}  | ${'close'}
    ${'first'}     | ${0.0121} | ${'marginal'}
    ${'first'}     | ${0.0151} | ${'nonconformity'}
    ${'second'}    | ${0.0095} | ${'acceptable'}
    ${'first-two'} | ${0.0023} | ${'nonconformity'}
  `('rates $test MAD $mad as $level (Nigrini)', ({ test, mad, level }) => {
    expect(conformityOf(test, mad)).toBe(level);
  });
});

describe('benford rules', () => {
  const toEntries = (fens: number[]): EntryTuple[] =>
    fens.map((fen, i) => [`E${i}`, '2024-06-03', 'C1', '转账', (fen / 100).toFixed(2)]);

  it('reports a year whose first digits do not conform', () => {
    const parkMiller: number[] = [];
    let x = 20240601;
    for (let i = 0; i < 2000; i++)
      parkMiller.push(1000 + ((x = (48271 * x) % 2147483647) % 5_000_000));
    const [f] = findingsOf(makeRiskBook({ entries: toEntries(parkMiller) }), 'benford-first');
    expect(f.period).toBe('2024');
    expect(f.explanation['en-US']).toContain('MAD = 0.05824 > 0.015');
  });

  it('stays silent on log-uniform amounts, which follow Benford', () => {
    const logUniform = Array.from({ length: 2000 }, (_, k) =>
      Math.round(1000 * 10 ** ((4 * (k + 0.5)) / 2000)),
    );
    const book = makeRiskBook({ entries: toEntries(logUniform) });
    expect([
      ...findingsOf(book, 'benford-first'),
      ...findingsOf(book, 'benford-second'),
      ...findingsOf(book, 'benford-first-two'),
    ]).toEqual([]);
  });

  it('stays silent below the minimum population', () => {
    const book = makeRiskBook({ entries: toEntries(Array.from({ length: 100 }, () => 90000)) });
    expect(findingsOf(book, 'benford-first')).toEqual([]);
  });
});
