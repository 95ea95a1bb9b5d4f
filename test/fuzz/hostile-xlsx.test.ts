import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import JSZip from 'jszip';
import { inspectXlsx } from '../../analytics/io/inspect-xlsx';
import { readBook } from '../../analytics/io/read-book';
import { runOnBook } from '../../analytics/cli/run-on-book';
import type { CliIo } from '../../analytics/cli/cli-io';
import type { Text } from '../../analytics/book/types';
import { isAnalyticsError } from '../../analytics/util/error';
import { makeRawXlsx } from './raw-xlsx';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-hostile-'));
const put = (name: string, bytes: Uint8Array | string) => {
  const file = path.join(dir, name);
  fs.writeFileSync(file, bytes);
  return file;
};
const JOURNAL_HEADERS = ['<t>EntryId</t>', '<t>Date</t>', '<t>AccountId</t>', '<t>Summary</t>'];
const journalXlsx = (rows: string, extra: Partial<Parameters<typeof makeRawXlsx>[0]> = {}) =>
  makeRawXlsx({ sharedStrings: JOURNAL_HEADERS, sheets: [{ name: 'Journal', rows: `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c><c r="D1" t="s"><v>3</v></c></row>${rows}` }], ...extra });

async function readError(file: string): Promise<{ code: string; message: string }> {
  try {
    await readBook(file);
  } catch (e) {
    return { code: (e as { code: string }).code, message: (e as Error).message };
  }
  throw new Error(`${file} was read without complaint`);
}

/** The text, in both languages, of the refusal `act` throws. */
function refusalText(act: () => unknown): Text {
  try {
    act();
  } catch (e) {
    if (isAnalyticsError(e)) return e.text;
    throw e;
  }
  throw new Error('nothing was refused');
}

/** Rewrite the declared uncompressed size of every central-directory entry. */
function lieAboutSizes(bytes: Uint8Array, size: number): Uint8Array {
  const buf = Buffer.from(bytes);
  for (let p = buf.length - 22; p >= 0; p--) {
    if (buf.readUInt32LE(p) === 0x02014b50) buf.writeUInt32LE(size, p + 24);
  }
  return buf;
}

describe('readBook on hostile files', () => {
  it('refuses random bytes, naming the file', async () => {
    const file = put('random.xlsx', crypto.randomBytes(4096));
    expect(await readError(file)).toEqual({ code: 'not-a-workbook', message: expect.stringContaining(file) });
  });

  it('refuses an old .xls or encrypted workbook by its OLE signature', async () => {
    const file = put('old.xlsx', Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(600)]));
    expect((await readError(file)).message).toContain('old .xls or a password-protected workbook');
  });

  it('refuses a truncated workbook', async () => {
    const whole = await journalXlsx('<row r="2"><c r="A2" t="inlineStr"><is><t>J1</t></is></c></row>');
    const file = put('truncated.xlsx', whole.subarray(0, Math.floor(whole.length * 0.6)));
    expect(await readError(file)).toEqual({ code: 'truncated-workbook', message: expect.stringContaining(file) });
  });

  it('refuses an entry whose declared inflated size is beyond the limit', async () => {
    const file = put('declared-bomb.xlsx', lieAboutSizes(await journalXlsx(''), 0xfffffff0));
    expect(await readError(file)).toEqual({ code: 'zip-bomb', message: expect.stringContaining('inflates to 4294967280 bytes') });
  });

  it('refuses an entry that inflates to more than it declares', async () => {
    const zip = new JSZip();
    zip.file('xl/worksheets/sheet1.xml', Buffer.alloc(3_000_000, 0x20), { createFolders: false });
    const bytes = lieAboutSizes(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }), 1000);
    expect(refusalText(() => inspectXlsx(bytes, 'lying.xlsx'))).toEqual({
      'zh-CN': 'lying.xlsx: 解压后过大，疑似压缩炸弹，已拒绝：xl/worksheets/sheet1.xml 解压后超过其声明的 1000 字节',
      'en-US': 'lying.xlsx: refused as a possible zip bomb: xl/worksheets/sheet1.xml inflates to more than the 1000 bytes it declares',
    });
  });

  it('refuses more entries than the limit allows', async () => {
    const zip = new JSZip();
    for (let i = 0; i < 30; i++) zip.file(`x/${i}.bin`, 'a', { createFolders: false });
    const bytes = await zip.generateAsync({ type: 'uint8array' });
    expect(() => inspectXlsx(bytes, 'many.xlsx', { maxEntries: 20 })).toThrow('it holds 30 entries (limit 20)');
  });

  it('refuses entries that inflate past the total limit, without inflating them', async () => {
    const zip = new JSZip();
    zip.file('a.bin', Buffer.alloc(600_000));
    zip.file('b.bin', Buffer.alloc(600_000));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => inspectXlsx(bytes, 'big.xlsx', { maxTotalBytes: 1_000_000 })).toThrow('its entries inflate to more than 1000000 bytes');
  });

  it('refuses a sheet with a billion-laughs DOCTYPE', async () => {
    const laughs = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol3;</t></is></c></row></sheetData></worksheet>`;
    const file = put('laughs.xlsx', await journalXlsx('', { parts: { 'xl/worksheets/sheet1.xml': laughs } }));
    expect(await readError(file)).toEqual({ code: 'xml-doctype', message: expect.stringContaining('xl/worksheets/sheet1.xml carries a DOCTYPE') });
  });

  it('refuses an external-entity DOCTYPE in sharedStrings', async () => {
    const xxe = `<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY x SYSTEM "file:///etc/passwd">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&x;</t></si></sst>`;
    const file = put('xxe.xlsx', await journalXlsx('', { parts: { 'xl/sharedStrings.xml': xxe } }));
    expect((await readError(file)).code).toBe('xml-doctype');
  });

  it('refuses a sheet with more rows than Excel allows', async () => {
    const file = put('tall.xlsx', await journalXlsx('<row r="1048577"><c r="A1048577" t="inlineStr"><is><t>J1</t></is></c></row>'));
    expect(await readError(file)).toEqual({ code: 'sheet-too-large', message: expect.stringContaining("sheet Journal goes beyond Excel's 1048576 rows") });
  });

  it('reads a formula payload as its saved value, or flags it, and never as formula text', async () => {
    const rows =
      `<row r="2"><c r="A2" t="inlineStr"><is><t>J1</t></is></c><c r="B2"><v>45383</v></c><c r="C2" t="inlineStr"><is><t>BANK1</t></is></c><c r="D2" t="str"><f>HYPERLINK("http://example.invalid","点击")</f><v>点击</v></c></row>` +
      `<row r="3"><c r="A3" t="inlineStr"><is><t>J2</t></is></c><c r="B3"><v>45383</v></c><c r="C3" t="inlineStr"><is><t>BANK1</t></is></c><c r="D3"><f>cmd|' /C calc'!A0</f></c></row>`;
    const file = put('formula.xlsx', await journalXlsx(rows));
    const { book, problems } = await readBook(file);
    expect(book.tables.Journal!.rows.map((r) => r.Summary)).toEqual(['点击', null]);
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['formula-without-value', 3, 'Summary']]);
  });

  it.each([['1e300'], ['-5'], ['1e400']])('flags the date serial %s instead of crashing', async (serial) => {
    const file = put(`serial-${serial}.xlsx`, await journalXlsx(`<row r="2"><c r="A2" t="inlineStr"><is><t>J1</t></is></c><c r="B2"><v>${serial}</v></c></row>`));
    const { book, problems } = await readBook(file);
    expect(book.tables.Journal!.rows[0].Date).toBeNull();
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['bad-cell', 2, 'Date']]);
  });

  it('flags a cell longer than Excel allows and keeps no part of it', async () => {
    const huge = 'x'.repeat(40_000);
    const file = put('huge-cell.xlsx', await journalXlsx(`<row r="2"><c r="A2" t="inlineStr"><is><t>J1</t></is></c><c r="D2" t="inlineStr"><is><t>${huge}</t></is></c></row>`));
    const { book, problems } = await readBook(file);
    expect(book.tables.Journal!.rows[0].Summary).toBeNull();
    expect(problems.map((p) => [p.code, p.row, p.column])).toEqual([['cell-too-long', 2, 'Summary']]);
  });
});

describe('a book-changing command given a hostile book', () => {
  const io: CliIo = { out: () => undefined, err: () => undefined, lang: 'en-US', now: () => '2024-04-30 17:00:00', user: 't' };

  it.each([
    ['random bytes', () => crypto.randomBytes(2048)],
    ['a truncated zip', async () => (await journalXlsx('')).subarray(0, 300)],
    ['a DOCTYPE sheet', () => journalXlsx('', { parts: { 'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><!DOCTYPE a [<!ENTITY b "c">]><worksheet/>' } })],
  ])('exits 2 and leaves %s byte-identical', async (name, make) => {
    const bytes = Buffer.from(await make());
    const file = put(`${name.replace(/\W/g, '-')}.xlsx`, bytes);
    const wouldWrite = () => ({ changes: [{ table: 'Settings' as const, op: 'append' as const, rows: [{ Key: 'k', Value: 'v' }] }], summary: {}, messages: [], exitCode: 0 as const, audit: { action: 'x', target: 'y', detail: {} } });
    expect(await runOnBook(file, wouldWrite, io)).toBe(2);
    expect(Buffer.compare(fs.readFileSync(file), bytes)).toBe(0);
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
