/**
 * The `import` command. Statement mode: read each file, fingerprint its lines, and append
 * only the lines whose fingerprint the Statement table does not already hold (a multiset:
 * occurrence indexes keep genuine identical payments apart). Journal mode adopts an old
 * cash journal (see adopt-journal.ts). Bad input is reported, never half-written: an
 * unreadable file, an unknown account or a limit stops the command with exit 2; rejected
 * rows stop it too when the user chose all or nothing, otherwise the good lines go in
 * and the command ends with exit 1 so the rejected rows get looked at.
 */
import { restoreNeutralisedText } from '../io/format-csv';
import { numberSetting, rowsOf, settingsOf, text } from '../book/book';
import type { Book, CommandContext, CommandResult, Message, Row, TableChange } from '../book/types';
import { t } from '../book/types';
import { warning, type Problem } from '../util/problem';
import { adoptJournal } from './adopt-journal';
import { fileSummary, summarise, type FileSummary, type ImportSummary } from './import-summary';
import { fingerprintLines } from './fingerprint';
import { cappedMessages, fileReadMessage, problemMessage } from './import-messages';
import { DEFAULT_MAX_BYTES, readStatementFile } from './read-statement-file';
import { DEFAULT_MAX_ROWS } from './read-table';
import type { ColumnMapping, ParsedLine, SavedPreset, StatementReadResult } from './types';

export type { FileSummary, ImportSummary } from './import-summary';

export interface StatementFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportStatementParams {
  accountId: string;
  /** @default 'statement' */
  into?: 'statement' | 'journal';
  /** Preset name, built-in or saved in Settings as `import.preset.<name>`. */
  preset?: string;
  mapping?: ColumnMapping;
  /** Reject the whole import when any row is rejected. @default false */
  allOrNothing?: boolean;
  /** Save the preset and mapping used under this name in Settings. */
  savePresetAs?: string;
  /** Report what would happen and change nothing (the pane's preview). @default false */
  dryRun?: boolean;
  /** Create the account when the book has none with this id. @default false */
  createAccount?: boolean;
}

// Problems that leave the import done but needing a look (exit 1).
const REVIEW = new Set([
  'closing-balance-mismatch',
  'balance-chain-break',
  'footer-total-mismatch',
  'preamble-total-mismatch',
  'mixed-decimal-marks',
  'ambiguous-decimal-mark',
  'ambiguous-day-order',
  'long-number-id',
  'balance-currency',
]);

/**
 * Import statement files into a book.
 * @param book the book
 * @param files each file's name and bytes
 * @param params account, target table, preset, mapping, all-or-nothing
 * @param ctx clock, user and language
 * @returns the change set, the summary `--json` prints, and bilingual messages
 */
export async function importStatement(
  book: Book,
  files: readonly StatementFile[],
  params: ImportStatementParams,
  ctx: CommandContext,
): Promise<CommandResult<ImportSummary>> {
  if (!params.accountId || (!params.createAccount && !findAccount(book, params.accountId))) {
    return unknownAccount(book, params);
  }
  const options = readOptions(book, params);
  const reads: StatementReadResult[] = [];
  if (params.into !== 'journal')
    for (const f of files) reads.push(await readStatementFile(f.bytes, f.name, options));

  // A new account, when asked for, is added to the book the import runs against
  let book_ = book;
  let created: Row | undefined;
  if (!findAccount(book, params.accountId) && params.createAccount) {
    created = newAccountRow(params.accountId, reads);
    const accounts = book.tables.Accounts ?? { key: 'Accounts' as const, columns: [], rows: [] };
    book_ = {
      ...book,
      tables: { ...book.tables, Accounts: { ...accounts, rows: [...accounts.rows, created] } },
    };
  }
  if (!findAccount(book_, params.accountId)) return unknownAccount(book, params);

  const result =
    params.into === 'journal'
      ? await adoptJournal(book_, files, params, ctx, options)
      : importStatementLines(book_, reads, params, ctx, options.problems);
  if (!created || result.exitCode === 2 || params.dryRun) return result;
  const note: Message = {
    level: 'info',
    event: 'import-account-created',
    text: t(`已新建账户 ${params.accountId}`, `Created account ${params.accountId}`),
  };
  return {
    ...result,
    changes: [{ table: 'Accounts', op: 'append', rows: [created] }, ...result.changes],
    messages: [note, ...result.messages],
  };
}

function newAccountRow(accountId: string, reads: readonly StatementReadResult[]): Row {
  const preset = reads.find((r) => r.preset)?.preset;
  const kind =
    preset === 'alipay'
      ? 'alipay'
      : preset === 'wechat'
        ? 'wechat'
        : reads.length
          ? 'bank'
          : 'cash';
  const currency = reads.flatMap((r) => r.lines).find((l) => l.currency)?.currency ?? 'CNY';
  return {
    AccountId: accountId,
    Name: accountId,
    Kind: kind,
    Institution: null,
    AccountNo: null,
    Currency: currency,
    OpeningBalance: '0.00',
    OpeningDate: null,
  };
}

/**
 * The pure half of a statement import, over files already read (the pane reads them for
 * its preview first).
 * @param book the book
 * @param reads what readStatementFile gave for each file
 * @param params account and choices
 * @param ctx clock, user and language
 * @param extra problems found outside the files (e.g. a bad saved preset)
 */
export function importStatementLines(
  book: Book,
  reads: readonly StatementReadResult[],
  params: ImportStatementParams,
  ctx: CommandContext,
  extra: Problem[] = [],
): CommandResult<ImportSummary> {
  const account = findAccount(book, params.accountId);
  if (!account) return unknownAccount(book, params);
  const accountId = params.accountId;
  const currency = text(account.Currency) || settingsOf(book).get('currency') || 'CNY';
  const messages: Message[] = extra.map((p) => problemMessage(p));

  // Step 1: a file that cannot be read stops everything
  const fileErrors = reads.flatMap((r) =>
    r.problems.filter((p) => p.severity === 'error' && p.row === undefined),
  );
  if (fileErrors.length) {
    return {
      changes: [],
      summary: summarise(
        params,
        reads.map((r) => fileSummary(r, 0, 0)),
      ),
      messages: [...messages, ...fileErrors.map((p) => problemMessage(p, 'import-file-refused'))],
      exitCode: 2,
    };
  }

  // Step 2: fingerprints against what the Statement table already holds
  const held = new Set<string>();
  for (const r of rowsOf(book, 'Statement')) if (r.Fingerprint) held.add(String(r.Fingerprint));
  const added: Row[] = [];
  const files: FileSummary[] = [];
  const duplicates: Problem[] = [];
  for (const read of reads) {
    const prints = fingerprintLines(accountId, read.lines);
    let fileAdded = 0;
    let fileDuplicates = 0;
    read.lines.forEach((line, i) => {
      const fp = prints[i];
      if (held.has(fp)) {
        fileDuplicates++;
        duplicates.push(
          warning(
            'duplicate',
            t(`重复，已跳过：${line.date} ${line.amount}${line.reference ? ' ' + line.reference : ''}`, `Skipped as duplicate: ${line.date} ${line.amount}${line.reference ? ' ' + line.reference : ''}`),
            { file: read.file, row: line.row },
          ),
        );
        return;
      }
      held.add(fp);
      added.push(statementRow(accountId, line, fp, read.file, currency));
      fileAdded++;
    });
    files.push(fileSummary(read, fileAdded, fileDuplicates));
  }

  // Step 3: messages, then all-or-nothing
  const rejected = reads.flatMap((r) => r.problems.filter((p) => p.severity === 'error'));
  // Nothing lands when all or nothing was asked for and a row failed, or when every row failed.
  const refused = rejected.length > 0 && (params.allOrNothing || added.length === 0);
  const summary = summarise(params, refused ? files.map((f) => ({ ...f, added: 0 })) : files);
  for (const f of summary.files) messages.push(fileReadMessage(f));
  const foreign = added.filter((r) => r.Currency !== currency);
  if (foreign.length) {
    const kinds = [...new Set(foreign.map((r) => String(r.Currency)))].join(', ');
    messages.push({
      level: 'warn',
      event: 'import-currency',
      text: t(
        `${foreign.length} 行的币种（${kinds}）与账户 ${accountId} 的币种 ${currency} 不同，对账时不会与本币金额直接匹配`,
        `${foreign.length} line(s) are in ${kinds}, not the account's currency ${currency}; reconciliation will not match them against ${currency} amounts directly`,
      ),
    });
  }
  const warnings = reads.flatMap((r) => r.problems.filter((p) => p.severity === 'warning'));
  messages.push(
    ...cappedMessages(rejected, 50, 'import-rejected'),
    ...cappedMessages(warnings, 50, 'import-warning'),
  );
  messages.push(
    ...cappedMessages(duplicates, 20, 'import-duplicate', 'info'),
    ...cappedMessages(
      reads.flatMap((r) => r.skipped),
      20,
      'import-skipped',
      'info',
    ),
  );
  if (refused) {
    messages.push({
      level: 'error',
      event: 'import-all-or-nothing',
      text: params.allOrNothing
        ? t(
            `有 ${rejected.length} 行被拒绝，按"全部或全不"设置未导入任何内容。`,
            `${rejected.length} row(s) were rejected; all or nothing was chosen, so nothing was imported.`,
          )
        : t(`全部 ${rejected.length} 行都被拒绝，未导入任何内容。`, `All ${rejected.length} row(s) were rejected; nothing was imported.`),
    });
    return { changes: [], summary: { ...summary, added: 0 }, messages, exitCode: 2 };
  }

  // Step 4: the change set
  const changes: TableChange[] = [];
  if (added.length && !params.dryRun)
    changes.push({ table: 'Statement', op: 'append', rows: added });
  const saved = savePresetChange(params, reads);
  if (saved && !params.dryRun) changes.push(saved);
  const review = rejected.length > 0 || warnings.some((p) => REVIEW.has(p.code));
  return {
    changes,
    summary,
    messages,
    exitCode: review ? 1 : 0,
    audit: params.dryRun
      ? undefined
      : {
          action: 'import',
          target: accountId,
          detail: {
            into: 'statement',
            files: files.map((f) => f.file),
            added: summary.added,
            duplicates: summary.duplicates,
            rejected: summary.rejected,
            total: summary.total,
          },
        },
  };
}

/** Settings and limits that shape how files are read. */
export function readOptions(book: Book, params: Pick<ImportStatementParams, 'preset' | 'mapping'>) {
  const problems: Problem[] = [];
  const savedPresets: Record<string, SavedPreset> = {};
  for (const [key, value] of settingsOf(book)) {
    if (!key.startsWith('import.preset.')) continue;
    try {
      const parsed = JSON.parse(value) as SavedPreset;
      savedPresets[key.slice('import.preset.'.length)] = {
        base: parsed.base,
        mapping: parsed.mapping ?? {},
      };
    } catch (e) {
      problems.push(
        warning(
          'bad-preset-setting',
          t(`设置 ${key} 不是有效的 JSON（${(e as Error).message}），已忽略`, `Setting ${key} is not valid JSON (${(e as Error).message}); ignored`),
        ),
      );
    }
  }
  return {
    preset: params.preset,
    mapping: params.mapping,
    savedPresets,
    maxBytes: numberSetting(book, 'import.maxBytes', DEFAULT_MAX_BYTES),
    maxRows: numberSetting(book, 'import.maxRows', DEFAULT_MAX_ROWS),
    timeZone: book.timeZone,
    problems,
  };
}

function statementRow(
  accountId: string,
  line: ParsedLine,
  fp: string,
  file: string,
  currency: string,
): Row {
  return {
    LineId: `S-${fp}`,
    AccountId: accountId,
    Date: line.date,
    Time: line.time ?? null,
    ValueDate: line.valueDate ?? null,
    Amount: line.amount,
    Currency: line.currency ?? currency,
    // Text our own CSV export guarded with a leading ' against formulas reads back as typed.
    Counterparty: restoreText(line.counterparty),
    CounterpartyAccount: line.counterpartyAccount ?? null,
    Reference: line.reference ?? null,
    Description: restoreText(line.description),
    Method: line.method ?? null,
    RunningBalance: line.runningBalance ?? null,
    Source: `${file}#${line.row}`,
    Fingerprint: fp,
  };
}

function restoreText(value: string | undefined): string | null {
  return value === undefined ? null : restoreNeutralisedText(value);
}

function savePresetChange(
  params: ImportStatementParams,
  reads: readonly StatementReadResult[],
): TableChange | undefined {
  if (!params.savePresetAs) return undefined;
  const base = params.preset ?? reads.find((r) => r.preset)?.preset;
  const value: SavedPreset = { base, mapping: params.mapping ?? {} };
  return {
    table: 'Settings',
    op: 'upsert',
    rows: [{ Key: `import.preset.${params.savePresetAs}`, Value: JSON.stringify(value) }],
  };
}

/** The Accounts row with this id, if any. */
export function findAccount(book: Book, accountId: string): Row | undefined {
  return rowsOf(book, 'Accounts').find((r) => text(r.AccountId) === accountId);
}

function unknownAccount(book: Book, params: ImportStatementParams): CommandResult<ImportSummary> {
  const known = rowsOf(book, 'Accounts')
    .map((r) => text(r.AccountId))
    .filter(Boolean);
  const list = known.length ? known.join(', ') : '—';
  return {
    changes: [],
    summary: summarise(params, []),
    messages: [
      {
        level: 'error',
        event: 'unknown-account',
        text: t(
          `账户 '${params.accountId}' 不存在（已有账户：${list}）；未导入任何内容。请先在"账户"表中添加，或让导入新建它。`,
          `Unknown account '${params.accountId}' (accounts in the book: ${list}); nothing was imported. Add it to the Accounts sheet first, or let the import create it.`,
        ),
      },
    ],
    exitCode: 2,
  };
}
