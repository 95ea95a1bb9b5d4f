/**
 * Generate templates/cashbook.xlsx (zh-CN) and templates/cashbook.en-US.xlsx from the schema.
 * test/book/template-matches-schema.test.ts fails when a template drifts from the schema.
 */
import * as path from 'node:path';
import { emptyBook } from '../analytics/book/book';
import { defaultSettingRows } from '../analytics/book/default-settings';
import type { Lang } from '../analytics/book/schema';
import { writeBook } from '../analytics/io/write-book';

export const TEMPLATES: Record<Lang, string> = {
  'zh-CN': path.join(__dirname, '..', 'templates', 'cashbook.xlsx'),
  'en-US': path.join(__dirname, '..', 'templates', 'cashbook.en-US.xlsx'),
};

async function buildTemplates(): Promise<void> {
  for (const [lang, file] of Object.entries(TEMPLATES) as [Lang, string][]) {
    const book = emptyBook(lang);
    book.tables.Settings!.rows = defaultSettingRows(lang);
    await writeBook(file, book);
    process.stdout.write(`wrote ${path.relative(process.cwd(), file)}\n`);
  }
}

if (require.main === module) {
  buildTemplates().catch((e) => {
    process.stderr.write(`${e}\n`);
    process.exitCode = 1;
  });
}
