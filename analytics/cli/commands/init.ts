/**
 * `cashbook init <book.xlsx> [--lang zh-CN|en-US]`: create an empty cash book with every
 * table of the schema and default settings. Refuses to overwrite an existing file.
 */
import * as fs from 'node:fs';
import { emptyBook } from '../../book/book';
import { commitCommand } from '../../book/commit-command';
import { defaultSettingRows } from '../../book/default-settings';
import type { Lang } from '../../book/schema';
import { writeBook } from '../../io/write-book';
import type { CliCommand } from '../command-spec';
import { createLog } from '../log';

export const initCommand: CliCommand = {
  name: 'init',
  usage: 'cashbook init <book.xlsx> [--lang zh-CN|en-US]',
  summary: { 'zh-CN': '新建一本空的现金日记账工作簿', 'en-US': 'create an empty cash book workbook' },
  options: { lang: { type: 'string' }, force: { type: 'boolean' } },
  async run(args, io) {
    const log = createLog(io);
    const [file] = args.positionals;
    const lang = (args.values.lang as string | undefined) ?? io.lang;
    if (!file) return usageError(io, this.usage);
    if (lang !== 'zh-CN' && lang !== 'en-US') {
      log.error('bad-lang', { 'zh-CN': `不支持的语言 ${lang}，请用 zh-CN 或 en-US`, 'en-US': `unknown language ${lang}; use zh-CN or en-US` });
      return 2;
    }
    if (fs.existsSync(file) && !args.values.force) {
      log.error('file-exists', { 'zh-CN': `${file} 已存在，未覆盖`, 'en-US': `${file} already exists; not overwritten` });
      return 2;
    }
    const base = emptyBook(lang as Lang);
    base.tables.Settings!.rows = defaultSettingRows(lang as Lang);
    const ctx = { now: io.now(base.timeZone), user: io.user, lang: lang as Lang };
    const { book } = commitCommand(base, { changes: [], summary: {}, messages: [], exitCode: 0, audit: { action: 'init', target: file, detail: { lang } } }, ctx);
    await writeBook(file, book);
    log.info('book-created', { 'zh-CN': `已新建账簿 ${file}`, 'en-US': `created book ${file}` });
    return 0;
  },
};

export function usageError(io: { err(s: string): void; lang: Lang }, usage: string): number {
  io.err(io.lang === 'zh-CN' ? `用法: ${usage}` : `usage: ${usage}`);
  return 2;
}
