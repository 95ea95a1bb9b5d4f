/**
 * The playground in Chromium at task-pane width (320 px): the cashier's month-end path on
 * the sample book, through the real pane and the in-memory workbook: import a corpus bank
 * statement, reconcile, confirm a match, review a risk finding, run a notebook cell, then
 * download the workbook and read it back with the CLI's reader. An axe-core scan of each
 * view, in the light and the dark theme, finds no serious or critical violation.
 * Skipped where /usr/bin/chromium is absent.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { readBook } from '../../analytics/io/read-book';
import { verifyBook } from '../../analytics/audit/verify-book';
import { REPO_ROOT } from '../../addin/playground/build-dist';
import { serveStatic, type StaticServer } from '../../addin/playground/static-server';
import { builtPane, CHROMIUM, CHROMIUM_ARGS } from './pane-build';

const maybe = fs.existsSync(CHROMIUM) ? describe : describe.skip;
const STATEMENT = path.join(REPO_ROOT, 'samples/statements/cn-bank/deg-cmb-debit.csv');
const SHOTS = path.join(REPO_ROOT, 'test-results');

type BookJson = {
  tables: Record<string, { rows: Record<string, unknown>[] }>;
  sheets?: Record<string, unknown>;
};

/** The playground's in-memory book, as plain JSON. */
async function bookIn(page: Page): Promise<BookJson> {
  return page.evaluate(async () => JSON.parse(JSON.stringify(await window.__cashbook!.book())));
}

/**
 * Serious and critical axe violations. Fluent's focus manager (tabster) puts aria-hidden,
 * focusable <i data-tabster-dummy> sentinels around arrow-key groups such as the TabList; they
 * only pass focus on and are hidden from screen readers on purpose, so `aria-hidden-focus` on
 * exactly those nodes is a known false positive (microsoft/fluentui#27517, "by design";
 * microsoft/tabster#288). Every other node of every rule counts.
 */
async function seriousViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({
      ...v,
      nodes: v.nodes.filter(
        (n) => !(v.id === 'aria-hidden-focus' && n.html.includes('data-tabster-dummy')),
      ),
    }))
    .filter((v) => v.nodes.length)
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

maybe('playground in Chromium', () => {
  let browser: Browser;
  let server: StaticServer;

  beforeAll(async () => {
    server = await serveStatic(await builtPane());
    // Playwright gives every launch a fresh, empty user-data-dir of its own.
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    fs.mkdirSync(SHOTS, { recursive: true });
  }, 600_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('imports, reconciles, confirms a match, reviews a finding, runs a cell and downloads a sound workbook', async () => {
    const context = await browser.newContext({
      viewport: { width: 320, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${server.url}/index.html?lang=zh-CN`);
    await page.getByRole('tab', { name: '导入' }).click();

    // Import the CMB statement into BANK-CMB
    await page.getByRole('combobox', { name: '账户' }).selectOption('BANK-CMB');
    await page.getByLabel('选择文件').setInputFiles(STATEMENT);
    const confirmImport = page.getByRole('button', { name: /^导入 \d+ 行$/ });
    await confirmImport.waitFor();
    await confirmImport.click();
    await page.waitForFunction(
      async () => ((await window.__cashbook!.book()).tables.Statement?.rows.length ?? 0) > 0,
    );
    const imported = (await bookIn(page)).tables.Statement.rows.length;

    // Reconcile January and confirm the first automatic match
    await page.getByRole('tab', { name: '对账' }).click();
    await page.getByRole('combobox', { name: '账户' }).selectOption('BANK-CMB');
    await page.getByRole('textbox', { name: /期间/ }).fill('2024-01');
    await page.getByRole('button', { name: '对账', exact: true }).click();
    await page.getByRole('heading', { name: '余额调节表' }).waitFor();
    const confirm = page.getByRole('button', { name: /^确认匹配 / }).first();
    const matchId = (await confirm.getAttribute('aria-label'))!.replace('确认匹配 ', '');
    await confirm.click();
    await page.waitForFunction(
      async (id) =>
        (await window.__cashbook!.book()).tables.Matches!.rows.some(
          (m) => m.MatchId === id && m.Status === 'confirmed',
        ),
      matchId,
    );
    await page.screenshot({
      path: path.join(SHOTS, 'playground-reconcile-light.png'),
      fullPage: true,
    });
    expect(await seriousViolations(page)).toEqual([]);

    // Scan for risks and review the first finding
    await page.getByRole('tab', { name: '风险' }).click();
    await page.getByRole('button', { name: '风险扫描' }).click();
    const finding = page.getByRole('button', { name: /^复核 / }).first();
    await finding.waitFor();
    const findingId = (await finding.getAttribute('aria-label'))!.replace('复核 ', '');
    await finding.click();
    await page.getByRole('combobox', { name: '状态' }).selectOption('reviewing');
    await page.getByRole('textbox', { name: '复核意见' }).fill('已电话联系客户核实');
    expect(await seriousViolations(page)).toEqual([]);
    await page.getByRole('button', { name: '保存复核' }).click();
    await page.waitForFunction(
      async (id) =>
        (await window.__cashbook!.book()).tables.Exceptions!.rows.some(
          (r) => r.FindingId === id && r.Status === 'reviewing',
        ),
      findingId,
    );

    // Run the first notebook cell
    await page.getByRole('tab', { name: '分析' }).click();
    await page
      .getByRole('button', { name: /^运行 / })
      .nth(1)
      .click();
    await page
      .getByText(/^结果工作表 /)
      .first()
      .waitFor();

    // Download the workbook and read it with the CLI's reader
    await page.getByRole('tab', { name: '设置' }).click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: '下载 .xlsx' }).click(),
    ]);
    const file = path.join(
      fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-download-')),
      'book.xlsx',
    );
    await download.saveAs(file);
    const { book, problems } = await readBook(file);

    expect(errors).toEqual([]);
    expect(problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(book.tables.Statement!.rows).toHaveLength(imported);
    expect(book.tables.Matches!.rows.find((m) => m.MatchId === matchId)?.Status).toBe('confirmed');
    expect(book.tables.Exceptions!.rows.find((r) => r.FindingId === findingId)).toMatchObject({
      Status: 'reviewing',
    });
    expect(book.tables.AuditLog!.rows.map((r) => r.Action)).toEqual(
      expect.arrayContaining(['match-confirm']),
    );
    expect(book.tables.AuditLog!.rows.length).toBeGreaterThanOrEqual(6);
    expect(verifyBook(book).problems.filter((p) => p.table === 'AuditLog')).toEqual([]);
    await context.close();
  }, 180_000);

  it.each(['light', 'dark'])(
    'has no serious accessibility violation in any view at 320 px (%s theme)',
    async (theme) => {
      // Reduced motion: axe measures the steady state, not text caught half way through a fade-in.
      const context = await browser.newContext({ viewport: { width: 320, height: 900 }, reducedMotion: 'reduce' });
      const page = await context.newPage();
      await page.goto(`${server.url}/index.html?lang=zh-CN&theme=${theme}`);
      const found: string[] = [];
      for (const tab of ['记账', '客户', '导入', '对账', '风险', '分析', '审计', '设置']) {
        await page.getByRole('tab', { name: tab }).click();
        await page.getByRole('main').waitFor();
        found.push(...(await seriousViolations(page)).map((v) => `${tab}: ${v}`));
      }
      await page.getByRole('tab', { name: '记账' }).click();
      await page.screenshot({
        path: path.join(SHOTS, `playground-record-${theme}.png`),
        fullPage: true,
      });

      expect(found).toEqual([]);
      await context.close();
    },
    120_000,
  );
});
