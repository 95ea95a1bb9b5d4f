/**
 * `cashbook demo [--out DIR]`: the main job, end to end on the bundled sample company and the
 * real statement files in samples/statements: build the book, import the statements,
 * reconcile the January bank accounts, post the proposals the bank rules make and reconcile
 * again, scan for risk, run the notebook, and write out/cashbook-demo.xlsx and out/report.html.
 * Every step goes through the same commands as the CLI and the pane, each with its audit row.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { verifyBook } from '../../audit/verify-book';
import { commitCommand } from '../../book/commit-command';
import type { Book, CommandContext, CommandResult } from '../../book/types';
import { buildDemoBook } from '../../demo/build-demo-book';
import { DEMO_STATEMENTS } from '../../demo/sample-accounts';
import { importStatement } from '../../import/import-statement';
import { writeFileAtomic } from '../../io/atomic-write';
import { fromMinorUnits, toMinorUnits } from '../../money/minor-units';
import { writeBook } from '../../io/write-book';
import { runNotebook } from '../../notebook/run-notebook';
import { reconcileAccount, type ReconcileSummary } from '../../reconcile/reconcile-account';
import { renderReport } from '../../reports/render-report';
import { scanRisk } from '../../risk/scan-risk';
import { acceptProposals } from '../../rules/accept-proposals';
import type { CliCommand } from '../command-spec';
import type { CliIo } from '../cli-io';
import { createLog, type Log } from '../log';
import { createNodeQuerySandbox } from '../node-query-sandbox';
import { readReportScripts } from '../report-scripts';
import { reportFailure } from '../run-on-book';

/** Where the bundled statement files are, relative to this file. */
/** The bundled statements, found from this file up (the CLI may run from a bundle elsewhere in the repo). */
export const SAMPLES_DIR = findUp(__dirname, path.join('samples', 'statements'));

function findUp(from: string, rel: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, rel))) return path.join(dir, rel);
    if (path.dirname(dir) === dir) return path.join(from, '..', '..', '..', rel);
  }
}

export const demoCommand: CliCommand = {
  name: 'demo',
  usage: 'cashbook demo [--out DIR] [--lang zh-CN|en-US]',
  summary: { 'zh-CN': '用示例公司和真实对账单文件跑完整流程', 'en-US': 'run the main job on the sample company and real statement files' },
  options: { out: { type: 'string' } },
  async run(args, io) {
    const outDir = (args.values.out as string | undefined) ?? 'out';
    try {
      return await runDemo(outDir, io);
    } catch (e) {
      return reportFailure(e, io);
    }
  },
};

async function runDemo(outDir: string, io: CliIo): Promise<number> {
  const log = createLog(io);
  const ctx: CommandContext = { now: io.now('Asia/Shanghai'), user: io.user, lang: io.lang };
  let book = buildDemoBook(io.lang, ctx);
  const step = async (result: CommandResult | Promise<CommandResult>) => {
    const r = await result;
    for (const m of r.messages) if (m.level !== 'info') log.message(m);
    if (r.exitCode === 2) throw new Error(r.messages.map((m) => m.text['en-US']).join('\n'));
    book = commitCommand(book, r, ctx).book;
    return r;
  };

  // Step 1: import the real statement files
  let imported = 0;
  for (const s of DEMO_STATEMENTS) {
    const bytes = new Uint8Array(fs.readFileSync(path.join(SAMPLES_DIR, s.file)));
    const r = await step(importStatement(book, [{ name: path.basename(s.file), bytes }], { accountId: s.accountId }, ctx));
    const added = Number(r.summary.added ?? 0);
    imported += added;
    log.info('demo-import', { 'zh-CN': `导入 ${s.file} → ${s.accountId}: 新增 ${added} 行`, 'en-US': `imported ${s.file} → ${s.accountId}: ${added} new line(s)` });
  }

  // Step 2: reconcile, post what the bank rules propose, reconcile again
  const periods = DEMO_STATEMENTS.filter((s) => s.period);
  const before: ReconcileSummary[] = [];
  for (const s of periods) before.push((await step(reconcileAccount(book, { accountId: s.accountId, period: s.period! }, ctx))).summary as ReconcileSummary);
  let posted = 0;
  for (const s of periods) posted += Number((await step(acceptProposals(book, { accountId: s.accountId, period: s.period, lineIds: 'all' }, ctx))).summary.accepted);
  const after: ReconcileSummary[] = [];
  for (const s of periods) after.push((await step(reconcileAccount(book, { accountId: s.accountId, period: s.period! }, ctx))).summary as ReconcileSummary);

  // Step 3: risk, notebook, files
  const risk = await step(scanRisk(book, {}, ctx));
  const notebook = await runNotebook(book, ctx, { sandbox: createNodeQuerySandbox() });
  book = commitCommand(book, notebook, ctx).book;
  fs.mkdirSync(outDir, { recursive: true });
  const bookFile = path.join(outDir, 'cashbook-demo.xlsx');
  const reportFile = path.join(outDir, 'report.html');
  await writeBook(bookFile, book);
  writeFileAtomic(reportFile, renderReport(book, notebook.cells, { scripts: readReportScripts(), generatedAt: ctx.now }));

  printSummary(log, { imported, before, after, posted, findings: Number(risk.summary.findings), cells: notebook.cells.length, verified: verifyBook(book).ok, bookFile, reportFile, book });
  return 0;
}

// How far the statement's printed closing balance is from the account's opening plus its
// lines up to the period end, as decimal text without sign; undefined when they agree.
function printedBalanceGap(book: Book, s: ReconcileSummary): string | undefined {
  const account = book.tables.Accounts!.rows.find((a) => a.AccountId === s.accountId);
  const end = `${s.period}-31`;
  let fen = toMinorUnits(String(account?.OpeningBalance ?? '0'));
  for (const l of book.tables.Statement!.rows) if (l.AccountId === s.accountId && String(l.Date) <= end) fen += toMinorUnits(String(l.Amount));
  const gap = Math.abs(toMinorUnits(s.bankBalance) - fen);
  return gap === 0 ? undefined : fromMinorUnits(gap);
}

interface DemoOutcome {
  imported: number;
  before: ReconcileSummary[];
  after: ReconcileSummary[];
  posted: number;
  findings: number;
  cells: number;
  verified: boolean;
  bookFile: string;
  reportFile: string;
  book: Book;
}

function printSummary(log: Log, o: DemoOutcome): void {
  const outstanding = (s: ReconcileSummary) => Object.values(s.outstanding).reduce((n, k) => n + k.count, 0);
  log.info('demo-summary', { 'zh-CN': `\n== Cashbook 演示完成 ==\n导入对账单 ${o.imported} 行；日记账 ${o.book.tables.Journal!.rows.length} 条。`, 'en-US': `\n== Cashbook demo done ==\nImported ${o.imported} statement line(s); journal holds ${o.book.tables.Journal!.rows.length} entries.` });
  o.after.forEach((s, i) => {
    const b = o.before[i];
    const gap = printedBalanceGap(o.book, s);
    log.info('demo-reconcile', {
      'zh-CN': `${s.accountId} ${s.period}: 匹配 ${s.matched} 组；未达账项 ${outstanding(b)} → ${outstanding(s)}（银行已收企业未收 ${b.outstanding.bankReceivedNotBooked.count} → ${s.outstanding.bankReceivedNotBooked.count}，银行已付企业未付 ${b.outstanding.bankPaidNotBooked.count} → ${s.outstanding.bankPaidNotBooked.count}）；调节后余额 ${s.adjustedBook} / ${s.adjustedBank}，差额 ${s.difference}`,
      'en-US': `${s.accountId} ${s.period}: ${s.matched} match(es); outstanding items ${outstanding(b)} → ${outstanding(s)} (bank received not booked ${b.outstanding.bankReceivedNotBooked.count} → ${s.outstanding.bankReceivedNotBooked.count}, bank paid not booked ${b.outstanding.bankPaidNotBooked.count} → ${s.outstanding.bankPaidNotBooked.count}); adjusted ${s.adjustedBook} / ${s.adjustedBank}, difference ${s.difference}`,
    });
    if (gap !== undefined && gap === s.difference.replace(/^-/, '')) {
      log.info('demo-difference', {
        'zh-CN': `  差额 ${s.difference} 全部来自对账单本身: 其打印的余额 ${s.bankBalance} 与期初加各行金额不一致（导入时已提示余额链断开）。`,
        'en-US': `  The difference ${s.difference} comes from the statement itself: its printed balance ${s.bankBalance} does not follow from the opening balance plus its lines (the import warned that the balance chain breaks).`,
      });
    }
  });
  log.info('demo-rest', {
    'zh-CN': `按记账规则过账建议分录 ${o.posted} 条；风险发现 ${o.findings} 项；分析单元 ${o.cells} 个；审计校验${o.verified ? '通过' : '未通过'}。\n已写入 ${o.bookFile} 和 ${o.reportFile}`,
    'en-US': `Posted ${o.posted} proposed entr${o.posted === 1 ? 'y' : 'ies'} from bank rules; ${o.findings} risk finding(s); ${o.cells} notebook cell(s); audit verify ${o.verified ? 'passed' : 'FAILED'}.\nWrote ${o.bookFile} and ${o.reportFile}`,
  });
}
