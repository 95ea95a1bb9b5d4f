import ExcelJS from 'exceljs';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { runCli, tempDir } from './cli-harness';

async function bookWithBadAmount(): Promise<string> {
  const file = path.join(tempDir(), 'book.xlsx');
  expect((await runCli(['init', file, '--lang', 'zh-CN'])).code).toBe(0);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet('日记账')!;
  ws.getRow(2).values = ['J000001', '2024-01-05', '记-0001', 'CASH', null, '测试', null, null, null, '一百元', null];
  await wb.xlsx.writeFile(file);
  return file;
}

describe('cashbook on bad input', () => {
  it('names the file, sheet, row and column of a non-number in an amount cell and leaves the book byte-identical', async () => {
    const file = await bookWithBadAmount();
    const before = fs.readFileSync(file);
    const run = await runCli(['propose', file, '--account', 'CASH', '--accept-all']);
    expect(run.code).toBe(2);
    expect(run.err).toContain("book.xlsx, sheet 日记账, row 2, column 收入: '一百元' is not an amount");
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('tells a Chinese user where the bad cell is and what is wrong with it, in Chinese', async () => {
    const file = await bookWithBadAmount();
    const before = fs.readFileSync(file);
    const run = await runCli(['propose', file, '--account', 'CASH', '--accept-all'], 'zh-CN');
    expect(run.code).toBe(2);
    expect(run.err).toContain('错误: book.xlsx，工作表 日记账，第 2 行，列 收入：“一百元”不是金额');
    expect(run.err).toContain('book.xlsx 有 1 处数据无法读取，未做任何修改。');
    expect(run.err).not.toContain('is not an amount');
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });

  it('verify lists the bad cell in Chinese for a Chinese user and keeps --json in English', async () => {
    const file = await bookWithBadAmount();
    const zh = await runCli(['verify', file], 'zh-CN');
    expect(zh.code).toBe(1);
    expect(zh.out).toContain('  [bad-cell] book.xlsx，工作表 日记账，第 2 行，列 收入：“一百元”不是金额');
    const json = await runCli(['verify', file, '--json'], 'zh-CN');
    expect(JSON.parse(json.out).failures).toContainEqual({ code: 'bad-cell', row: 2, message: "book.xlsx, sheet 日记账, row 2, column 收入: '一百元' is not an amount" });
  });

  it('tells a Chinese user which bank rule has a bad condition, in Chinese', async () => {
    const file = path.join(tempDir(), 'book.xlsx');
    expect((await runCli(['init', file, '--lang', 'zh-CN'])).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    const ws = wb.getWorksheet('记账规则')!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    const cells: Record<string, ExcelJS.CellValue> = { 规则编号: 'R-COLOUR', 顺序: 1, 启用: '是', 条件: JSON.stringify([{ field: 'colour', op: 'contains', value: '红' }]), 对方科目: '管理费用' };
    ws.getRow(2).values = headers.map((h) => cells[h] ?? null);
    await wb.xlsx.writeFile(file);

    const zh = await runCli(['propose', file, '--account', 'CASH'], 'zh-CN');
    expect(zh.err).toContain('注意: 工作表 Rules，第 2 行，列 Conditions：规则 R-COLOUR：未知的字段“colour”（可用：description, counterparty');
    expect(zh.err).not.toContain('unknown field');
    const en = await runCli(['propose', file, '--account', 'CASH'], 'en-US');
    expect(en.err).toContain("warning: sheet Rules, row 2, column Conditions: rule R-COLOUR: unknown field 'colour' (use description, counterparty");
  });

  it('says the file is missing with exit status 2', async () => {
    const run = await runCli(['propose', path.join(tempDir(), 'nope.xlsx'), '--account', 'CASH']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/nope\.xlsx: file not found/);
  });

  it.each([['reconcile', '--account', 'BANK1', '--period', '2024-01'], ['close', '--period', '2024-01'], ['propose', '--account', 'CASH']])('%s on a folder says so in one line, with exit status 2', async (command, ...rest) => {
    const dir = tempDir();
    const run = await runCli([command, dir, ...rest]);
    expect(run.code).toBe(2);
    expect(run.err.trim()).toBe(`error: ${dir}: not a file (a folder or a device), so not a book`);
  });

  it('refuses a file that is not a workbook without touching it', async () => {
    const file = path.join(tempDir(), 'notes.xlsx');
    fs.writeFileSync(file, 'just text');
    const run = await runCli(['propose', file, '--account', 'CASH']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/notes\.xlsx: .*not an \.xlsx file/);
    expect(fs.readFileSync(file, 'utf8')).toBe('just text');
  });

  it('refuses a workbook with none of the cash book sheets', async () => {
    const file = path.join(tempDir(), 'other.xlsx');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Sheet1').getCell('A1').value = 'hello';
    await wb.xlsx.writeFile(file);
    const run = await runCli(['propose', file, '--account', 'CASH']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/other\.xlsx: not a Cashbook workbook: no sheet named 日记账 or Journal/);
  });

  it('prints usage with status 2 for an unknown option', async () => {
    const run = await runCli(['propose', 'x.xlsx', '--acount', 'CASH']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/usage: cashbook propose/);
  });
});

describe('cashbook refusing a command', () => {
  it.each([
    ['zh-CN', "错误: 账户 'NOPE' 不在账户表中。"],
    ['en-US', "error: Account 'NOPE' is not in the Accounts table."],
  ] as const)('says why in the %s user’s language and leaves the book untouched', async (lang, said) => {
    const file = path.join(tempDir(), 'book.xlsx');
    expect((await runCli(['init', file, '--lang', lang], lang)).code).toBe(0);
    const before = fs.readFileSync(file);
    const run = await runCli(['cash-count', file, '--account', 'NOPE', '--date', '2024-06-30', '--count', '100=1'], lang);
    expect([run.code, run.err]).toEqual([2, said]);
    expect(fs.readFileSync(file).equals(before)).toBe(true);
  });
});

describe('cashbook with an unknown command', () => {
  it('says which word it did not know, lists the commands and exits 2', async () => {
    const run = await runCli(['frobnicate']);
    expect(run.code).toBe(2);
    expect(run.err).toMatch(/^unknown command 'frobnicate'\.\ncashbook commands:/);
  });
});
