/**
 * Benford tests as rules: per calendar year, the first-digit, second-digit and first-two
 * digit tests run on the year's entries of at least 10 yuan (absolute amounts). A test with
 * at least `risk.benfordMinCount` amounts whose MAD is in Nigrini's "nonconformity" band
 * is a finding; the explanation names the digits most over-represented. The finding is
 * about the year as a whole, so its id is the rule and the year, with no entries.
 */
import { t } from '../../book/types';
import {
  benfordFromFirstTwo,
  leadingDigits,
  MAD_LEVELS,
  type BenfordResult,
  type DigitTest,
} from '../benford';
import type { AnomalyFinding, RiskInput, RiskRule } from '../types';

const CONFORMITY_ZH = {
  close: '高度符合',
  acceptable: '可接受',
  marginal: '勉强符合',
  nonconformity: '不符合',
} as const;

function benfordRule(id: string, test: DigitTest, zh: string, en: string): RiskRule {
  return {
    id,
    title: t(`本福特${zh}检验`, `Benford ${en} test`),
    settings: ['risk.benfordMinCount'],
    detect(input) {
      const out: AnomalyFinding[] = [];
      for (const [year, tally] of digitsByYear(input)) {
        if (tally.n < input.number('risk.benfordMinCount')) continue;
        const result = benfordFromFirstTwo(tally.firstTwo, test);
        if (result.conformity === 'nonconformity')
          out.push(finding(id, year, result, tally.excluded, zh, en));
      }
      return out;
    },
  };
}

export const benfordFirstRule = benfordRule('benford-first', 'first', '首位数字', 'first-digit');
export const benfordSecondRule = benfordRule(
  'benford-second',
  'second',
  '第二位数字',
  'second-digit',
);
export const benfordFirstTwoRule = benfordRule(
  'benford-first-two',
  'first-two',
  '前两位数字',
  'first-two-digit',
);

interface YearDigits {
  /** Counts of first-two digits (10–99) of the year's amounts ≥ 10 yuan. */
  firstTwo: Float64Array;
  n: number;
  /** Amounts below 10 yuan or zero, left out. */
  excluded: number;
}

const memo = new WeakMap<RiskInput, Map<string, YearDigits>>();

/** One pass over the journal for all three tests: first-two digit counts per calendar year. */
export function digitsByYear(input: RiskInput): Map<string, YearDigits> {
  const cached = memo.get(input);
  if (cached) return cached;
  const { journal } = input;
  const out = new Map<string, YearDigits>();
  const yearOfDay = new Map<number, YearDigits>();
  for (let i = 0; i < journal.n; i++) {
    let tally = yearOfDay.get(journal.day[i]);
    if (!tally) {
      const year = journal.date(i).slice(0, 4);
      tally = out.get(year) ?? { firstTwo: new Float64Array(100), n: 0, excluded: 0 };
      out.set(year, tally);
      yearOfDay.set(journal.day[i], tally);
    }
    const a = Math.abs(journal.amount[i]);
    if (a < 1000) {
      tally.excluded++;
      continue;
    }
    const d = leadingDigits(a)!;
    tally.firstTwo[d.firstTwo]++;
    tally.n++;
  }
  memo.set(input, out);
  return out;
}

function finding(
  rule: string,
  year: string,
  r: BenfordResult,
  excluded: number,
  zh: string,
  en: string,
): AnomalyFinding {
  const top = r.rows
    .filter((row) => row.observed > row.expected)
    .sort((a, b) => b.z - a.z)
    .slice(0, 3);
  const list = (lang: 'zh' | 'en') =>
    top
      .map((row) =>
        lang === 'zh'
          ? `${row.digit}：${row.count} 次，期望 ${(row.expected * r.n).toFixed(1)}（z = ${row.z.toFixed(2)}）`
          : `${row.digit}: ${row.count} vs ${(row.expected * r.n).toFixed(1)} expected (z = ${row.z.toFixed(2)})`,
      )
      .join(lang === 'zh' ? '；' : '; ');
  const limit = MAD_LEVELS[r.test][2];
  return {
    rule,
    severity: 'medium',
    entryIds: [],
    period: year,
    customerId: '',
    amountFen: 0,
    date: `${year}-12-31`,
    explanation: t(
      `${year} 年 ${r.n} 笔 10 元及以上金额的${zh}分布与本福特定律不符：MAD = ${r.mad.toFixed(5)} > ${limit}（${CONFORMITY_ZH[r.conformity]}，Nigrini 标准）。偏多的数字 ${list('zh')}。另有 ${excluded} 笔低于 10 元或为零未计入。请抽查这些数字开头的分录。`,
      `The ${en} distribution of ${r.n} amounts of 10 CNY or more in ${year} does not conform to Benford's law: MAD = ${r.mad.toFixed(5)} > ${limit} (nonconformity, Nigrini). Over-represented: ${list('en')}. ${excluded} amounts below 10 CNY or zero were left out. Sample the entries starting with these digits.`,
    ),
  };
}
