/**
 * `cashbook audit-pack <book.xlsx> --period YYYY-MM --out DIR [--json]`: write the period's
 * evidence pack as DIR/audit-pack-YYYY-MM.xlsx and a print-ready DIR/audit-pack-YYYY-MM.html.
 * Never changes the book. Exit 0 when the book verifies, 1 when verify finds problems (the
 * pack is still written and says so on its cover), 2 for bad input.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildEvidencePack } from '../../audit/evidence-pack';
import { renderEvidenceHtml } from '../../audit/evidence-html';
import { verifyBook } from '../../audit/verify-book';
import { writeFileAtomic } from '../../io/atomic-write';
import { openBook } from '../../io/open-book';
import { bookToWorkbook } from '../../io/write-book';
import { problemText } from '../../util/problem';
import type { CliCommand } from '../command-spec';
import { createLog } from '../log';
import { reportFailure } from '../run-on-book';
import { usageError } from './init';

export const auditPackCommand: CliCommand = {
  name: 'audit-pack',
  usage: 'cashbook audit-pack <book.xlsx> --period YYYY-MM --out DIR [--json]',
  summary: { 'zh-CN': '生成某期间的审计证据包（工作簿 + 可打印网页）', 'en-US': "write a period's audit evidence pack (workbook + printable page)" },
  options: { period: { type: 'string' }, out: { type: 'string' } },
  async run(args, io) {
    const log = createLog(io);
    const [file] = args.positionals;
    const period = args.values.period as string | undefined;
    const outDir = args.values.out as string | undefined;
    if (!file || args.positionals.length > 1 || !period || !outDir) return usageError(io, this.usage);

    try {
      // Step 1: read and verify
      const read = await openBook(file);
      for (const p of read.problems.filter((x) => x.severity === 'error')) log.error('book-cell', problemText(p));
      const verify = verifyBook(read.book);
      const preparedAt = io.now(read.book.timeZone);

      // Step 2: gather and render
      const pack = buildEvidencePack(read.book, { period, file: path.basename(file), preparedAt, verify });
      const sheets = Object.fromEntries(pack.sections.map((s) => [s.sheet.name, s.sheet]));
      const workbook = bookToWorkbook({ lang: read.book.lang, timeZone: read.book.timeZone, date1904: read.book.date1904, tables: {}, sheets }, { tables: [], sheets: Object.keys(sheets) });
      const html = renderEvidenceHtml(pack, read.book.lang);

      // Step 3: write both files atomically
      fs.mkdirSync(outDir, { recursive: true });
      const xlsxFile = path.join(outDir, `audit-pack-${period}.xlsx`);
      const htmlFile = path.join(outDir, `audit-pack-${period}.html`);
      writeFileAtomic(xlsxFile, new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
      writeFileAtomic(htmlFile, html);

      if (args.values.json) io.out(JSON.stringify({ ...pack.summary, workbook: xlsxFile, html: htmlFile }, null, 2));
      log.info('audit-pack-written', { 'zh-CN': `已写出 ${xlsxFile} 和 ${htmlFile}`, 'en-US': `wrote ${xlsxFile} and ${htmlFile}` });
      if (!verify.ok) log.warn('verify-failed', { 'zh-CN': `完整性校验发现 ${verify.problems.length} 处问题，已写入证据包`, 'en-US': `verify found ${verify.problems.length} problem(s); they are listed in the pack` });
      return verify.ok && !read.problems.some((p) => p.severity === 'error') ? 0 : 1;
    } catch (e) {
      return reportFailure(e, io);
    }
  },
};
