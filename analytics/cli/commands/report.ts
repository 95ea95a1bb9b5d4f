/**
 * `cashbook report <book.xlsx> --out report.html`: run the notebook in memory and render it
 * as one self-contained HTML file (charts inlined, no network when viewed). The book is
 * only read; `notebook run` is what writes result sheets.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeFileAtomic } from '../../io/atomic-write';
import { readBook } from '../../io/read-book';
import type { Book, CommandContext } from '../../book/types';
import { runNotebook, type NotebookRunResult } from '../../notebook/run-notebook';
import { renderReport } from '../../reports/render-report';
import { problemText } from '../../util/problem';
import type { CliCommand } from '../command-spec';
import { createLog } from '../log';
import { createNodeQuerySandbox } from '../node-query-sandbox';
import { readReportScripts } from '../report-scripts';
import { reportFailure } from '../run-on-book';
import { usageError } from './init';

/**
 * Run a book's notebook in memory (query cells in the Node sandbox) and render the report.
 * @param book the book
 * @param ctx the run's context; `now` stamps the report
 * @param title a title instead of the default
 * @returns the HTML text and the notebook run (its summary, messages and exit code)
 * @example const { html } = await notebookReportHtml(book, ctx); writeFileAtomic('report.html', html);
 */
export async function notebookReportHtml(
  book: Book,
  ctx: CommandContext,
  title?: string,
): Promise<{ html: string; result: NotebookRunResult }> {
  const result = await runNotebook(book, ctx, { sandbox: createNodeQuerySandbox() });
  const html = renderReport(book, result.cells, {
    scripts: readReportScripts(),
    generatedAt: ctx.now,
    title,
  });
  return { html, result };
}

export const reportCommand: CliCommand = {
  name: 'report',
  usage: 'cashbook report <book.xlsx> --out report.html [--title TEXT] [--json]',
  summary: {
    'zh-CN': '把分析笔记生成为独立的 HTML 报告',
    'en-US': 'render the notebook as one self-contained HTML report',
  },
  options: { out: { type: 'string', short: 'o' }, title: { type: 'string' } },
  async run(args, io) {
    const log = createLog(io);
    const [file] = args.positionals;
    const out = args.values.out as string | undefined;
    if (!file || !out || args.positionals.length > 1) return usageError(io, this.usage);
    if (!fs.existsSync(path.dirname(path.resolve(out)))) {
      log.error('no-such-folder', {
        'zh-CN': `${out} 所在的文件夹不存在`,
        'en-US': `the folder for ${out} does not exist`,
      });
      return 2;
    }
    try {
      // Step 1: read; unreadable cells stop the report as they would any command
      const { book, problems } = await readBook(file);
      const errors = problems.filter((p) => p.severity === 'error');
      for (const p of problems)
        (p.severity === 'error' ? log.error : log.warn)('book-cell', problemText(p));
      if (errors.length) {
        log.error('book-unreadable', {
          'zh-CN': `${file} 有 ${errors.length} 处数据无法读取，未生成报告。`,
          'en-US': `${file} has ${errors.length} unreadable cell(s); no report was written.`,
        });
        return 2;
      }

      // Step 2: run in memory and render
      const ctx = { now: io.now(book.timeZone), user: io.user, lang: io.lang };
      const { html, result } = await notebookReportHtml(
        book,
        ctx,
        args.values.title as string | undefined,
      );
      for (const m of result.messages) log.message(m);
      writeFileAtomic(out, html);
      if (args.values.json) io.out(JSON.stringify({ ...result.summary, out }, null, 2));
      log.info('report-written', {
        'zh-CN': `报告已写入 ${out}`,
        'en-US': `report written to ${out}`,
      });
      return result.exitCode;
    } catch (e) {
      return reportFailure(e, io);
    }
  },
};
