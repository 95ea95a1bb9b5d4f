/**
 * The report opened offline in Chromium: every chart renders as SVG and the page makes no
 * network request (the file itself is the only load). Skipped where /usr/bin/chromium is absent.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { createNodeQuerySandbox } from '../../analytics/cli/node-query-sandbox';
import { readReportScripts } from '../../analytics/cli/report-scripts';
import { runNotebook } from '../../analytics/notebook/run-notebook';
import { renderReport } from '../../analytics/reports/render-report';
import { CTX, makeGoldenBook } from '../notebook/fixtures/make-book';

const CHROMIUM = '/usr/bin/chromium';
const maybe = fs.existsSync(CHROMIUM) ? describe : describe.skip;

maybe('report.html in Chromium', () => {
  let browser: Browser;
  let file: string;

  beforeAll(async () => {
    const book = makeGoldenBook('en-US');
    book.tables.Reconciliation!.rows = [
      { AccountId: 'BANK1', Period: '2025-05', BookBalance: '232041.41', BankBalance: '232041.41', AdjustedBook: '232041.41', AdjustedBank: '232041.41', Difference: '0.00' },
      { AccountId: 'BANK1', Period: '2025-06', BookBalance: '223043.89', BankBalance: '224043.89', AdjustedBook: '223043.89', AdjustedBank: '223143.89', Difference: '-100.00' },
    ];
    book.tables.Exceptions!.rows = [
      { FindingId: 'F1', Rule: 'large-cash', Severity: 'high', Status: 'open', Amount: '60000.00' },
      { FindingId: 'F2', Rule: 'weekend', Severity: 'low', Status: 'resolved', Amount: '300.00' },
    ];
    const result = await runNotebook(book, CTX, { sandbox: createNodeQuerySandbox() });
    file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-report-')), 'report.html');
    fs.writeFileSync(file, renderReport(book, result.cells, { scripts: readReportScripts(), generatedAt: CTX.now }));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('renders every chart offline without a single network request', async () => {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    const requests: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) requests.push(r.url());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(e.message));

    await page.goto(pathToFileURL(file).href);
    const containers = await page.locator('.chart').count();
    await page.waitForFunction((n) => document.querySelectorAll('.chart svg.marks, .chart canvas').length >= n, containers, { timeout: 30_000 });

    const rendered = await page.locator('.chart svg.marks, .chart canvas').count();
    expect(rendered).toBeGreaterThanOrEqual(6);
    expect(rendered).toBe(containers);
    expect(await page.locator('.chart.error').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    expect(requests).toEqual([]);
    await context.close();
  });
});
