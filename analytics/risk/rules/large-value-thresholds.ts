/**
 * Large-value thresholds by settlement method and customer kind.
 *
 * Defaults follow 《金融机构大额交易和可疑交易报告管理办法》(中国人民银行令〔2016〕第3号,
 * amended by 中国人民银行令〔2018〕第2号), Article 5: report single or same-day cumulative
 * - cash deposits, withdrawals, exchanges and the like ≥ 50,000 CNY (risk.largeCash);
 * - transfers between a legal person / other organisation and others ≥ 2,000,000 CNY
 *   (risk.largeTransferCompany);
 * - domestic transfers of a natural person ≥ 500,000 CNY (risk.largeTransferPerson);
 * - cross-border transfers of a natural person ≥ 200,000 CNY (risk.largeTransferPersonCrossBorder).
 * A cash book is not a reporting institution; the figures are used as review thresholds.
 */
import type { RiskInput } from '../types';

export const LARGE_VALUE_SETTINGS = [
  'risk.largeCash',
  'risk.largeTransferPerson',
  'risk.largeTransferCompany',
  'risk.largeTransferPersonCrossBorder',
] as const;

export type ThresholdClass = 'cash' | 'company' | 'person' | 'person-cross-border';

export interface LargeValueThresholds {
  /** Threshold in fen for an entry's class. */
  classOf(row: number): ThresholdClass;
  fen(kind: ThresholdClass): number;
  /** The setting key behind a class, for explanations. */
  key(kind: ThresholdClass): string;
}

const KEY: Record<ThresholdClass, (typeof LARGE_VALUE_SETTINGS)[number]> = {
  cash: 'risk.largeCash',
  company: 'risk.largeTransferCompany',
  person: 'risk.largeTransferPerson',
  'person-cross-border': 'risk.largeTransferPersonCrossBorder',
};

/**
 * Thresholds for a scan. A customer of unknown kind is held to the natural-person figure,
 * the lower one, so a missing Kind never hides a large transfer.
 */
export function largeValueThresholds(input: RiskInput): LargeValueThresholds {
  const { journal } = input;
  const fen = {} as Record<ThresholdClass, number>;
  for (const k of Object.keys(KEY) as ThresholdClass[])
    fen[k] = Math.round(input.number(KEY[k]) * 100);
  return {
    classOf(row) {
      if (journal.cash[row]) return 'cash';
      const c = journal.customer[row];
      if (c >= 0 && journal.customerKind[c] === 'company') return 'company';
      return journal.crossBorder[row] ? 'person-cross-border' : 'person';
    },
    fen: (kind) => fen[kind],
    key: (kind) => KEY[kind],
  };
}

/** The class in words, for explanations. */
export function thresholdClassName(kind: ThresholdClass): { zh: string; en: string } {
  switch (kind) {
    case 'cash':
      return { zh: '现金', en: 'cash' };
    case 'company':
      return { zh: '法人/组织转账', en: 'transfer by a legal person' };
    case 'person':
      return { zh: '自然人境内转账', en: 'domestic transfer by a natural person' };
    case 'person-cross-border':
      return { zh: '自然人跨境转账', en: 'cross-border transfer by a natural person' };
  }
}
