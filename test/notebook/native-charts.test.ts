import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { applyChangeSet } from '../../analytics/book/apply-change-set';
import { readBook } from '../../analytics/io/read-book';
import { writeBook } from '../../analytics/io/write-book';
import { runNotebook } from '../../analytics/notebook/run-notebook';
import type { NotebookCell } from '../../analytics/notebook/types';
import { CTX, makeGoldenBook } from './fixtures/make-book';

const CELLS: NotebookCell[] = [
  { id: 'pl', kind: 'profit-by-period', title: '月度收支', params: { grain: 'month' } },
  { id: 'growth', kind: 'growth', title: '环比同比', params: {} },
  { id: 'flow', kind: 'cash-flow', title: '现金流量', params: {} },
  { id: 'rfm', kind: 'rfm', title: "RFM 'segments'", params: { asOf: '2025-06-30' } },
  { id: 'risk', kind: 'risk-summary', title: '风险概览', params: {} },
];

let file: string;
let zip: JSZip;

beforeAll(async () => {
  const book = makeGoldenBook();
  const result = await runNotebook(book, CTX, { cells: CELLS });
  file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-charts-')), 'book.xlsx');
  await writeBook(file, applyChangeSet(book, result.changes));
  zip = await JSZip.loadAsync(fs.readFileSync(file));
});

const text = (p: string) => zip.file(p)!.async('string');

/** Follow workbook.xml → sheet part → its drawing → the drawing's charts, the way Excel does. */
async function chartsOfSheet(name: string): Promise<string[]> {
  const workbook = await text('xl/workbook.xml');
  const rid = new RegExp(`<sheet [^>]*name="${name.replace(/'/g, '&apos;').replace(/[()]/g, '\\$&')}"[^>]*r:id="([^"]+)"`).exec(workbook)?.[1];
  const target = new RegExp(`Id="${rid}"[^>]*Target="([^"]+)"`).exec(await text('xl/_rels/workbook.xml.rels'))?.[1];
  const sheetPath = `xl/${target}`;
  const drawingRid = /<drawing r:id="([^"]+)"\/>/.exec(await text(sheetPath))?.[1];
  if (!drawingRid) return [];
  const sheetRels = await text(sheetPath.replace('worksheets/', 'worksheets/_rels/') + '.rels');
  const drawing = new RegExp(`Id="${drawingRid}"[^>]*Target="\\.\\./([^"]+)"`).exec(sheetRels)![1];
  const drawingRels = await text(`xl/${drawing.replace('drawings/', 'drawings/_rels/')}.rels`);
  const chartIds = [...(await text(`xl/${drawing}`)).matchAll(/<c:chart [^>]*r:id="([^"]+)"/g)].map((m) => m[1]);
  return chartIds.map((id) => 'xl/' + new RegExp(`Id="${id}"[^>]*Target="\\.\\./([^"]+)"`).exec(drawingRels)![1]);
}

describe('writeBook with charted result sheets', () => {
  it('links each charted sheet to a drawing and its chart part', async () => {
    // A sheet name may not end with an apostrophe, so the RFM cell's sheet is "RFM 'segments".
    for (const name of ['月度收支', '环比同比', '现金流量', "RFM 'segments"]) {
      const charts = await chartsOfSheet(name);
      expect(charts).toHaveLength(1);
      expect(zip.file(charts[0])).not.toBeNull();
    }
  });

  it('declares every chart and drawing part in the content types', async () => {
    const types = await text('[Content_Types].xml');
    const parts = Object.keys(zip.files).filter((p) => /^xl\/(charts|drawings)\/[^/]+\.xml$/.test(p));
    expect(parts).toHaveLength(8);
    for (const p of parts) expect(types).toContain(`PartName="/${p}"`);
  });

  it('points the series at the sheet cells that hold the data', async () => {
    const [chart] = await chartsOfSheet('月度收支');
    const xml = await text(chart);
    // 18 months in rows 2-19; Period in A, Income in B
    expect(xml).toContain("<c:f>'月度收支'!$A$2:$A$19</c:f>");
    expect(xml).toContain("<c:f>'月度收支'!$B$2:$B$19</c:f>");
    expect(xml).toContain('<c:barDir val="col"/>');
  });

  it('quotes a sheet name with an apostrophe in chart formulas', async () => {
    const [chart] = await chartsOfSheet("RFM 'segments");
    expect(await text(chart)).toContain("<c:f>'RFM ''segments'!$D$2:$D$");
  });

  it('draws no chart for a result sheet without rows', async () => {
    expect(await chartsOfSheet('风险概览')).toEqual([]);
  });

  it('still reads back with ExcelJS', async () => {
    const { book, problems } = await readBook(file);
    expect(problems).toEqual([]);
    expect(book.tables.Notebook!.rows.map((r) => r.CellId)).toEqual(CELLS.map((c) => c.id));
  });

  const soffice = '/usr/bin/soffice';
  (fs.existsSync(soffice) ? it : it.skip)('opens in LibreOffice, which finds the four charts with their kinds', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-lo-'));
    execFileSync(soffice, [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'ods', '--outdir', dir, file], { stdio: 'pipe', timeout: 120_000 });
    const ods = path.join(dir, 'book.ods');
    expect(fs.existsSync(ods)).toBe(true);
    return JSZip.loadAsync(fs.readFileSync(ods)).then(async (odsZip) => {
      const objects = Object.keys(odsZip.files).filter((p) => /^Object \d+\/content\.xml$/.test(p));
      const classes = await Promise.all(objects.map(async (p) => /chart:class="chart:(\w+)"/.exec(await odsZip.file(p)!.async('string'))?.[1]));
      expect(classes.sort()).toEqual(['bar', 'bar', 'line', 'scatter']);
    });
  });
});

describe('writeBook over a book whose result sheets have charts', () => {
  async function chartParts(bytes: Buffer): Promise<string[]> {
    const z = await JSZip.loadAsync(bytes);
    return Object.keys(z.files).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p));
  }

  it('keeps the charts of result sheets another command leaves alone', async () => {
    const { book, workbook } = await readBook(file);
    await writeBook(file, book, { workbook, tables: ['Journal'], sheets: [] });
    expect(await chartParts(fs.readFileSync(file))).toHaveLength(4);
    zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(await chartsOfSheet('月度收支')).toHaveLength(1);
  });

  it('drops the old chart of a sheet rewritten without one', async () => {
    const { book, workbook } = await readBook(file);
    const plain = { name: '月度收支', columns: [{ header: '期间', type: 'text' as const }], rows: [['2024-01']] };
    await writeBook(file, { ...book, sheets: { 月度收支: plain } }, { workbook, tables: [], sheets: ['月度收支'] });
    zip = await JSZip.loadAsync(fs.readFileSync(file));
    expect(await chartsOfSheet('月度收支')).toEqual([]);
    expect(await chartsOfSheet('环比同比')).toHaveLength(1);
  });
});
