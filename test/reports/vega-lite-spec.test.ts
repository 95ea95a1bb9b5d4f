import { cellChartSpec } from '../../analytics/reports/vega-lite-spec';
import { t } from '../../analytics/book/types';
import type { CellOutput } from '../../analytics/notebook/types';

const output: CellOutput = {
  columns: [
    { key: 'Period', header: t('期间', 'Period'), type: 'text' },
    { key: 'Income', header: t('收入', 'Income'), type: 'amount' },
    { key: 'Expense', header: t('支出', 'Expense'), type: 'amount' },
  ],
  rows: [
    { Period: '2026-01', Income: '100.50', Expense: '20.00' },
    { Period: '2026-02', Income: '0.00',   Expense: null },
  ],
  chart: { kind: 'column', title: t('收支', 'Income and expense'), category: 'Period', series: ['Income', 'Expense'] },
};

describe('cellChartSpec', () => {
  it('folds each row into one point per series, named in the book language', () => {
    const spec = cellChartSpec(output, 'en-US') as { data: { values: unknown[] } };
    expect(spec.data.values).toEqual([
      { category: '2026-01', series: 'Income',  value: 100.5 },
      { category: '2026-01', series: 'Expense', value: 20 },
      { category: '2026-02', series: 'Income',  value: 0 },
      { category: '2026-02', series: 'Expense', value: null },
    ]);
  });

  it('draws a confidence band as a shaded area under the lines', () => {
    const band: CellOutput = {
      columns: ['Period', 'Trend', 'Lower', 'Upper'].map((k) => ({ key: k, header: t(k, k), type: 'number' as const })),
      rows: [{ Period: '2026-01', Trend: 10, Lower: 8, Upper: 12 }],
      chart: { kind: 'line', title: t('趋势', 'Trend'), category: 'Period', series: ['Trend', 'Lower', 'Upper'], band: { lower: 'Lower', upper: 'Upper' } },
    };
    const spec = cellChartSpec(band, 'zh-CN') as { layer: { mark: { type: string }; data: { values: unknown[] } }[] };
    expect(spec.layer.map((l) => l.mark.type)).toEqual(['area', 'line']);
    expect(spec.layer[0].data.values).toEqual([{ category: '2026-01', lower: 8, upper: 12 }]);
    expect(spec.layer[1].data.values).toEqual([{ category: '2026-01', series: 'Trend', value: 10 }]);
  });

  it('gives no spec for an output without a chart', () => {
    expect(cellChartSpec({ ...output, chart: undefined }, 'zh-CN')).toBeUndefined();
  });
});
