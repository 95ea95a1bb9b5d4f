import ExcelJS from 'exceljs';
import * as path from 'node:path';
import { SCHEMA, TABLE_KEYS, type Lang } from '../../analytics/book/schema';

const TEMPLATES: Record<Lang, string> = {
  'zh-CN': path.join(__dirname, '../../templates/cashbook.xlsx'),
  'en-US': path.join(__dirname, '../../templates/cashbook.en-US.xlsx'),
};

describe.each(Object.entries(TEMPLATES) as [Lang, string][])('template %s', (lang, file) => {
  let workbook: ExcelJS.Workbook;
  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
  });

  it.each(TABLE_KEYS.map((k) => [k]))('has the %s sheet with the schema headers in order (run `npm run build:templates` after a schema change)', (key) => {
    const def = SCHEMA[key];
    const ws = workbook.getWorksheet(def.sheet[lang]);
    expect(ws).toBeDefined();
    const headers = (ws!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers).toEqual(def.columns.map((c) => c.header[lang]));
  });

  it('has no sheet the schema does not name', () => {
    const names = TABLE_KEYS.map((k) => SCHEMA[k].sheet[lang]);
    expect(workbook.worksheets.map((w) => w.name).sort()).toEqual([...names].sort());
  });
});
