/**
 * The first pane bundle stays small: the scripts taskpane.html loads, gzipped, are printed
 * and held under a budget, and the heavy libraries (ExcelJS, arquero, vega, the importers)
 * live only in chunks loaded on demand.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { firstBundle } from '../../addin/tools/bundle-size';
import { builtPane } from './pane-build';

/** Budget for the gzipped first bundle of the pane (React + Fluent + book/money basics). */
const FIRST_BUNDLE_GZIP_BUDGET = 300 * 1024;

describe('pane bundle', () => {
  let dist: string;
  beforeAll(async () => {
    dist = await builtPane();
  }, 600_000);

  it('keeps the first pane bundle under its gzip budget', () => {
    const first = firstBundle(dist, 'taskpane.html');
    process.stdout.write(
      `first pane bundle: ${first.files.map((f) => `${f.file} ${(f.gzip / 1024).toFixed(1)} kB gz`).join(', ')}; total ${(first.gzip / 1024).toFixed(1)} kB gz (${(first.raw / 1024).toFixed(0)} kB raw)\n`,
    );
    expect(first.gzip).toBeLessThan(FIRST_BUNDLE_GZIP_BUDGET);
  });

  it('loads ExcelJS, the GBK decoder and the statement importers only on demand', () => {
    const first = firstBundle(dist, 'taskpane.html');
    const text = first.files
      .map((f) => fs.readFileSync(path.join(dist, f.file), 'utf8'))
      .join('\n');
    const chunks = fs.readdirSync(dist);

    // Markers of each library's own code: ExcelJS's part names, iconv-lite's DBCS codec.
    expect(chunks.some((f) => f.startsWith('exceljs.'))).toBe(true);
    expect(text.includes('xl/sharedStrings.xml')).toBe(false);
    expect(text.includes('_dbcs')).toBe(false);
    expect(chunks.some((f) => f.startsWith('engine-import.'))).toBe(true);
    expect(text.includes('import-file-refused')).toBe(false);
  });
});
