/**
 * Tamper with a saved book the way someone with Excel would (edit a cell, delete, insert or
 * swap rows), save it with another tool, and check `cashbook verify` names what changed.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import ExcelJS from 'exceljs';
import { main } from '../../analytics/cli/main';
import type { CliIo } from '../../analytics/cli/cli-io';
import { writeBook } from '../../analytics/io/write-book';
import { makeSealedBook } from './sealed-book';

const io = (): CliIo & { stdout: string[] } => {
  const stdout: string[] = [];
  return { stdout, out: (s) => stdout.push(s), err: () => undefined, lang: 'en-US', now: () => '2024-05-01 09:00:00', user: 'auditor' };
};

// Sheet rows: 审计日志 row 2 is Seq 1 … row 6 is Seq 5; 日记账 row 2 is J1 … row 5 is J4.
const swapRows = (ws: ExcelJS.Worksheet, a: number, b: number) => {
  const va = ws.getRow(a).values;
  ws.getRow(a).values = ws.getRow(b).values;
  ws.getRow(b).values = va;
};
const cellOf = (ws: ExcelJS.Worksheet, header: string, row: number) => {
  let col = 0;
  ws.getRow(1).eachCell((c, i) => {
    if (c.value === header) col = i;
  });
  return ws.getRow(row).getCell(col);
};

const TAMPERS: [string, (wb: ExcelJS.Workbook) => void, [string, string][]][] = [
  ['an audit Detail edited', (wb) => { cellOf(wb.getWorksheet('审计日志')!, '详情', 4).value = '{"n":9}'; }, [['audit-row-edited', '3']]],
  ['an audit row deleted', (wb) => { wb.getWorksheet('审计日志')!.spliceRows(4, 1); }, [['audit-rows-deleted', '3']]],
  ['two audit rows swapped', (wb) => swapRows(wb.getWorksheet('审计日志')!, 4, 5), [['audit-row-moved', '4'], ['audit-row-moved', '3'], ['audit-row-moved', '5']]],
  ['a posted amount edited', (wb) => { cellOf(wb.getWorksheet('日记账')!, '收入', 2).value = 5000; }, [['entry-edited', 'J1'], ['balance-mismatch', 'J1'], ['balance-mismatch', 'J2'], ['balance-mismatch', 'J3'], ['balance-mismatch', 'J4']]],
  ['a journal row deleted', (wb) => { const ws = wb.getWorksheet('日记账')!; ws.spliceRows(4, 1); cellOf(ws, '余额', 4).value = 1500; }, [['journal-rows-deleted', 'J3']]],
  ['a journal row copied in', (wb) => { const ws = wb.getWorksheet('日记账')!; ws.getRow(6).values = ws.getRow(5).values; cellOf(ws, '余额', 6).value = 1650; }, [['journal-rows-inserted', 'J4']]],
];

describe('cashbook verify on a book edited outside Cashbook', () => {
  it.each(TAMPERS)('finds %s', async (_, tamper, expected) => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-tamper-')), 'book.xlsx');
    await writeBook(file, makeSealedBook());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    tamper(wb);
    await wb.xlsx.writeFile(file);

    const out = io();
    expect(await main(['verify', file, '--json'], out)).toBe(1);
    const failures = JSON.parse(out.stdout.join('\n')).failures as { code: string; id?: string; ids?: string[] }[];
    expect(failures.map((f) => [f.code, f.ids?.join(',') ?? f.id])).toEqual(expected);
  });
});
