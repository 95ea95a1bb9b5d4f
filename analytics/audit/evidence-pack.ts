/**
 * The evidence pack an auditor takes away for one period: a cover with the verify result
 * and the AuditLog head hash (to anchor the chain outside the workbook), the 余额调节表
 * rows, the matches, the outstanding items per account, the exceptions with every AuditLog
 * row that touched them, and the verify failures. Built as result sheets (one workbook)
 * and rendered to a print-ready HTML page by evidence-html.ts.
 */
import { rowsOf, text } from '../book/book';
import { periodBounds } from '../book/dates';
import { SCHEMA, type ColumnType, type TableKey } from '../book/schema';
import type { Book, Cell, ResultSheet, Row, Text } from '../book/types';
import { t } from '../book/types';
import { fromMinorUnits } from '../money/minor-units';
import { computeReconciliation, type OutstandingKind } from '../reconcile/compute-reconciliation';
import { fail, isAnalyticsError } from '../util/error';
import { journalDigest } from './journal-seal';
import type { VerifyResult } from './verify-book';

export interface EvidencePackOptions {
  /** 'YYYY-MM' */
  period: string;
  /** Book file name, shown on the cover. */
  file: string;
  /** 'YYYY-MM-DD HH:mm:ss' in the book's zone. */
  preparedAt: string;
  verify: VerifyResult;
}

/** One section of the pack: a sheet in the workbook and a table on the page. */
export interface EvidenceSection {
  title: Text;
  sheet: ResultSheet;
}

export interface EvidencePack {
  sections: EvidenceSection[];
  summary: { period: string; ok: boolean; failures: number; reconciliations: number; matches: number; outstanding: number; exceptions: number; headSeq: string; headHash: string };
}

const KIND_LABEL: Record<OutstandingKind, Text> = {
  BankReceivedNotBooked: t('银行已收企业未收', 'Bank received, not booked'),
  BankPaidNotBooked: t('银行已付企业未付', 'Bank paid, not booked'),
  BookReceivedNotOnBank: t('企业已收银行未收', 'Booked receipt, not on bank'),
  BookPaidNotOnBank: t('企业已付银行未付', 'Booked payment, not on bank'),
};

/**
 * Gather the evidence for a period.
 * @throws AnalyticsError `bad-period` when the period is not YYYY-MM
 */
export function buildEvidencePack(book: Book, options: EvidencePackOptions): EvidencePack {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(options.period)) fail('bad-period', t(`期间应为 YYYY-MM，收到 '${options.period}'`, `the period must be YYYY-MM, not '${options.period}'`));
  const lang = book.lang;
  const { first, last } = periodBounds(options.period);
  const inPeriod = (v: Cell) => text(v).slice(0, 10) >= first && text(v).slice(0, 10) <= last;
  const audit = rowsOf(book, 'AuditLog');
  const head = audit[audit.length - 1];

  // Step 1: schema tables filtered to the period
  const reconciliations = rowsOf(book, 'Reconciliation').filter((r) => text(r.Period) === options.period);
  const matches = rowsOf(book, 'Matches').filter((r) => text(r.Period) === options.period);
  const exceptions = rowsOf(book, 'Exceptions').filter((r) => inPeriod(r.Date) || inPeriod(r.FirstSeen) || inPeriod(r.LastSeen));

  // Step 2: outstanding items of every account reconciled or with statement lines this period
  const outstanding = outstandingRows(book, options.period, reconciliations, inPeriod);

  // Step 3: each exception's history from the AuditLog
  const history = exceptions.flatMap((x) => historyOf(text(x.FindingId), audit));

  const cover: Cell[][] = [
    [label(t('账簿文件', 'Book file'), lang), options.file],
    [label(t('期间', 'Period'), lang), options.period],
    [label(t('编制时间', 'Prepared at'), lang), options.preparedAt],
    [label(t('完整性校验', 'Integrity check'), lang), options.verify.ok ? label(t('通过', 'passed'), lang) : `${label(t('未通过', 'FAILED'), lang)}: ${options.verify.problems.length}`],
    [label(t('审计日志行数', 'AuditLog rows'), lang), audit.length],
    [label(t('审计日志最后序号', 'AuditLog head Seq'), lang), text(head?.Seq)],
    [label(t('审计日志最后哈希（请另行留存）', 'AuditLog head hash (keep a copy outside the book)'), lang), text(head?.Hash)],
    [label(t('日记账行数', 'Journal rows'), lang), rowsOf(book, 'Journal').length],
    [label(t('日记账摘要哈希', 'Journal digest'), lang), journalDigest(rowsOf(book, 'Journal'))],
  ];

  const sections: EvidenceSection[] = [
    section(t('封面', 'Cover'), [[t('项目', 'Item'), 'text'], [t('内容', 'Value'), 'text']], cover, lang),
    tableSection(t('余额调节表', 'Reconciliation'), 'Reconciliation', reconciliations, lang),
    tableSection(t('对账匹配', 'Matches'), 'Matches', matches, lang),
    section(t('未达账项', 'Outstanding items'), [[t('账户编号', 'Account ID'), 'id'], [t('类型', 'Kind'), 'text'], [t('来源', 'Source'), 'text'], [t('编号', 'ID'), 'id'], [t('日期', 'Date'), 'date'], [t('金额', 'Amount'), 'amount'], [t('说明', 'Text'), 'text']], outstanding, lang),
    tableSection(t('异常', 'Exceptions'), 'Exceptions', exceptions, lang),
    section(t('异常处理记录', 'Exception history'), [[t('发现编号', 'Finding ID'), 'id'], [t('序号', 'Seq'), 'integer'], [t('时间', 'At'), 'datetime'], [t('用户', 'User'), 'text'], [t('操作', 'Action'), 'text'], [t('详情', 'Detail'), 'text']], history, lang),
    section(t('校验结果', 'Verify result'), [[t('代码', 'Code'), 'text'], [t('表', 'Table'), 'text'], [t('行', 'Row'), 'integer'], [t('编号', 'ID'), 'text'], [t('说明', 'Message'), 'text']], options.verify.problems.map((p) => [p.code, p.table, p.row ?? null, p.id ?? p.ids?.join(', ') ?? null, p.message[lang]]), lang),
  ];
  return {
    sections,
    summary: { period: options.period, ok: options.verify.ok, failures: options.verify.problems.length, reconciliations: reconciliations.length, matches: matches.length, outstanding: outstanding.length, exceptions: exceptions.length, headSeq: text(head?.Seq), headHash: text(head?.Hash) },
  };
}

function outstandingRows(book: Book, period: string, reconciliations: Row[], inPeriod: (v: Cell) => boolean): Cell[][] {
  const accounts = new Set<string>(reconciliations.map((r) => text(r.AccountId)));
  for (const l of rowsOf(book, 'Statement')) if (inPeriod(l.Date)) accounts.add(text(l.AccountId));
  const out: Cell[][] = [];
  for (const accountId of [...accounts].sort()) {
    let run;
    try {
      run = computeReconciliation(book, { accountId, period });
    } catch (e) {
      // An account missing from Accounts cannot be reconciled; verify and reconcile report it.
      if (isAnalyticsError(e, 'unknown-account')) continue;
      throw e;
    }
    for (const item of run.items) {
      out.push([accountId, label(KIND_LABEL[item.kind], book.lang), item.source, item.id, item.date, fromMinorUnits(item.amount), item.text]);
    }
  }
  return out;
}

/** AuditLog rows that name a finding as their target or in their detail. */
function historyOf(findingId: string, audit: Row[]): Cell[][] {
  if (!findingId) return [];
  return audit.filter((r) => text(r.Target) === findingId || text(r.Detail).includes(findingId)).map((r) => [findingId, r.Seq, r.At, r.User, r.Action, r.Detail]);
}

function tableSection(title: Text, key: TableKey, rows: Row[], lang: Book['lang']): EvidenceSection {
  const cols = SCHEMA[key].columns;
  return section(title, cols.map((c) => [t(c.header['zh-CN'], c.header['en-US']), c.type] as [Text, ColumnType]), rows.map((r) => cols.map((c) => r[c.key] ?? null)), lang);
}

function section(title: Text, columns: [Text, ColumnType][], rows: Cell[][], lang: Book['lang']): EvidenceSection {
  return { title, sheet: { name: label(title, lang).slice(0, 31), title, columns: columns.map(([h, type]) => ({ header: label(h, lang), type })), rows } };
}

function label(text_: Text, lang: Book['lang']): string {
  return text_[lang];
}
