/**
 * `cashbook verify <book.xlsx> [--json]`: check the AuditLog chain, every entry's RowHash,
 * the journal seal and the balances. Never writes. Prints `{ ok, failures }` with --json.
 * Exit 0 when the book is intact, 1 when something fails, 2 when the file cannot be read.
 */
import { verifyBook, type IntegrityFailure } from '../../audit/verify-book';
import { openBook } from '../../io/open-book';
import { describeProblem, problemText } from '../../util/problem';
import type { CliCommand } from '../command-spec';
import { reportFailure } from '../run-on-book';
import { usageError } from './init';
import { appendAll } from '../../util/append-all';

/** What `verify --json` prints for one failure. */
export interface VerifyFailureJson {
  code: string;
  table?: string;
  row?: number;
  id?: string;
  ids?: string[];
  message: string;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  usage: 'cashbook verify <book.xlsx> [--json]',
  summary: { 'zh-CN': '校验审计日志哈希链、分录行哈希与余额', 'en-US': 'check the audit hash chain, entry row hashes and balances' },
  options: {},
  async run(args, io) {
    const [file] = args.positionals;
    if (!file || args.positionals.length > 1) return usageError(io, this.usage);

    let read;
    try {
      read = await openBook(file);
    } catch (e) {
      return reportFailure(e, io);
    }

    // Cells that could not be read are failures too: their content is unknown.
    // --json keeps its English cell messages; the text output says them in the user's language.
    const cellErrors = read.problems.filter((p) => p.severity === 'error');
    const failures: VerifyFailureJson[] = cellErrors.map((p) => ({ code: p.code, row: p.row, message: describeProblem(p) }));
    const shown = cellErrors.map((p) => problemText(p)[io.lang]);
    const result = verifyBook(read.book);
    appendAll(failures, result.problems.map((f) => toJson(f, io.lang)));
    const ok = failures.length === 0;

    if (args.values.json) io.out(JSON.stringify({ ok, failures }, null, 2));
    else if (ok) io.out(io.lang === 'zh-CN' ? `${file}: 校验通过` : `${file}: verified, no problems`);
    else {
      io.out(io.lang === 'zh-CN' ? `${file}: 发现 ${failures.length} 处问题` : `${file}: ${failures.length} problem(s) found`);
      failures.forEach((f, i) => io.out(`  [${f.code}] ${i < shown.length ? shown[i] : f.message}`));
    }
    return ok ? 0 : 1;
  },
};

function toJson(f: IntegrityFailure, lang: 'zh-CN' | 'en-US'): VerifyFailureJson {
  return { code: f.code, table: f.table, row: f.row, id: f.id, ids: f.ids, message: f.message[lang] };
}
