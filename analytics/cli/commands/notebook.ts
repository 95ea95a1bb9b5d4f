/**
 * `cashbook notebook run <book.xlsx> [--cell ID]...`: run the book's notebook (or the default
 * one) headless and write one result sheet per cell, with its native chart.
 */
import { runNotebook } from '../../notebook/run-notebook';
import type { CliCommand } from '../command-spec';
import { createNodeQuerySandbox } from '../node-query-sandbox';
import { runOnBook } from '../run-on-book';
import { usageError } from './init';

export const notebookRunCommand: CliCommand = {
  name: 'notebook run',
  usage: 'cashbook notebook run <book.xlsx> [--cell ID]... [--json]',
  summary: {
    'zh-CN': '运行分析笔记，写入结果工作表和图表',
    'en-US': 'run the notebook and write result sheets with charts',
  },
  options: { cell: { type: 'string', multiple: true } },
  async run(args, io) {
    const [file] = args.positionals;
    if (!file || args.positionals.length > 1) return usageError(io, this.usage);
    const only = args.values.cell as string[] | undefined;
    const sandbox = createNodeQuerySandbox();
    return runOnBook(file, (book, ctx) => runNotebook(book, ctx, { sandbox, only }), io, {
      json: Boolean(args.values.json),
    });
  },
};
