import { renderReport, type ReportScripts } from '../../analytics/reports/render-report';
import type { ReportSectionProvider } from '../../analytics/reports/report-section';
import { t } from '../../analytics/book/types';
import type { CellRun } from '../../analytics/notebook/types';
import { makeBook } from '../notebook/fixtures/make-book';

const SCRIPTS: ReportScripts = { vega: '/*VEGA*/ var a = "</script>";', vegaLite: '/*VEGA-LITE*/', vegaEmbed: '/*VEGA-EMBED*/' };
const OPTIONS = { scripts: SCRIPTS, generatedAt: '2026-06-30 18:00:00', includeSections: [] };

const runs: CellRun[] = [
  {
    cell: { id: 'top', kind: 'top-customers', title: '主要客户', params: {} },
    ok: true,
    sheet: '主要客户',
    output: {
      columns: [
        { key: 'Name', header: t('客户名称', 'Name'), type: 'text' },
        { key: 'Amount', header: t('金额', 'Amount'), type: 'amount' },
        { key: 'Share', header: t('占比', 'Share'), type: 'number', format: 'percent' },
      ],
      rows: [{ Name: '<script>alert(1)</script>', Amount: '1234567.80', Share: 0.6005 }],
      chart: { kind: 'bar', title: t('主要客户', 'Top customers'), category: 'Name', series: ['Amount'] },
      metrics: [
        { key: 'hhi', label: t('赫芬达尔指数 HHI', 'HHI'), value: 1153.78 },
        { key: 'top10Share', label: t('前十名占比', 'Share of top 10'), value: 1, format: 'percent' },
      ],
    },
  },
  { cell: { id: 'q', kind: 'query', title: '查询', params: {} }, ok: false, error: t('查询单元 q 出错', 'Query cell q failed') },
];

describe('renderReport', () => {
  it('gives every cell with a chart a chart container and its spec', () => {
    const html = renderReport(makeBook({}), runs, OPTIONS);
    expect(html).toContain('<div class="chart" id="cell-0-chart"></div>');
    const specs = JSON.parse(/<script type="application\/json" id="chart-specs">(.*?)<\/script>/s.exec(html)![1]);
    expect(specs.map((s: { id: string }) => s.id)).toEqual(['cell-0-chart']);
  });

  it('escapes data so a cell value cannot become markup', () => {
    const html = renderReport(makeBook({}), runs, OPTIONS);
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('<script>alert(1)');
  });

  it('inlines the chart scripts so that none can close its script element early', () => {
    const html = renderReport(makeBook({}), runs, OPTIONS);
    expect(html).toContain('/*VEGA*/ var a = "<\\/script>";');
    expect(html).toContain('/*VEGA-EMBED*/');
  });

  it('forbids the page to load anything from the network', () => {
    const html = renderReport(makeBook({}), runs, OPTIONS);
    expect(html).toContain(`content="default-src 'none';`);
    expect(html).not.toMatch(/\s(src|href)="https?:/);
  });

  it('shows ratios marked as percentages with two decimals', () => {
    const html = renderReport(makeBook({}, 'en-US'), runs, OPTIONS);
    expect(html).toContain('<td class="number">60.05%</td>');
    expect(html).toContain('<dt>Share of top 10</dt><dd>100.00%</dd>');
  });

  it('shows amounts grouped and a failed cell with its error', () => {
    const html = renderReport(makeBook({}, 'en-US'), runs, OPTIONS);
    expect(html).toContain('<td class="amount">1,234,567.80</td>');
    expect(html).toContain('<p class="error">Query cell q failed</p>');
  });

  it.each([
    ['zh-CN', '<title>现金日记账分析报告</title>', '<th>客户名称</th>'],
    ['en-US', '<title>Cash book analysis report</title>', '<th>Name</th>'],
  ] as const)('writes labels in the book language %s', (lang, title, header) => {
    const html = renderReport(makeBook({}, lang), runs, OPTIONS);
    expect(html).toContain(title);
    expect(html).toContain(header);
  });

  it('adds sections that other features provide', () => {
    const provider: ReportSectionProvider = () => ({
      id: 'extra',
      title: t('附加', 'Extra'),
      output: { columns: [{ key: 'K', header: t('键', 'Key'), type: 'text' }], rows: [{ K: 'v' }], chart: { kind: 'pie', title: t('饼', 'Pie'), category: 'K', series: ['K'] } },
    });
    const html = renderReport(makeBook({}, 'en-US'), runs, { ...OPTIONS, includeSections: [provider] });
    expect(html).toContain('<article class="cell" id="section-extra"><h2>Extra</h2>');
    expect(html).toContain('id="section-extra-chart"');
  });

  it('includes the customer satisfaction summary by default when the book has feedback', () => {
    const book = makeBook({
      Feedback: [
        { Id: 'F1', CustomerId: 'C1', Date: '2026-05-03', Score: 4, Category: '服务' },
        { Id: 'F2', CustomerId: 'C2', Date: '2026-05-20', Score: 5, Category: '服务' },
        { Id: 'F3', CustomerId: 'C1', Date: '2026-06-02', Score: 3, Category: '价格' },
      ],
    });
    const html = renderReport(book, runs, { scripts: SCRIPTS, generatedAt: '2026-06-30 18:00:00' });
    expect(html).toContain('<h2>客户满意度</h2>');
    // May: (4 + 5) / 2 = 4.5; June: 3; overall (4 + 5 + 3) / 3 = 4.00
    expect(html).toContain('<td class="text">2026-05</td><td class="integer">2</td><td class="number">4.5</td>');
    expect(html).toContain('<dd>4.00</dd>');
  });
});
