/**
 * Read one statement file of any supported kind, with no book needed (the pane's preview
 * calls this). The kind is told by content, not by file name: .xlsx by its ZIP signature,
 * OFX, camt and MT940 by their markers, anything else as delimited text. Balances the
 * file states are checked against its lines before the result is returned.
 */
import { t } from '../book/types';
import { problem } from '../util/problem';
import { checkStatementBalances } from './check-balances';
import { decodeStatementText } from './decode-text';
import { isCamt, readCamt } from './read-camt';
import { isMt940, readMt940 } from './read-mt940';
import { isOfx, readOfx } from './read-ofx';
import { readStatementTable, type GridRow } from './read-table';
import { readXlsxRows } from './read-xlsx-rows';
import { sniffDelimiter, splitDelimited } from './split-delimited';
import type { ReadStatementOptions, StatementReadResult } from './types';

/** Largest file read unless Settings `import.maxBytes` says otherwise. */
export const DEFAULT_MAX_BYTES = 50 * 1024 * 1024;

/**
 * Read a statement file.
 * @param bytes the file's bytes
 * @param fileName the name shown in problems and written to Source
 * @param options preset, mapping, saved presets, limits
 * @returns the lines, balances, skipped rows and problems
 * @example await readStatementFile(bytes, 'cmb.csv') // { format: 'csv', preset: 'cmb', lines: [...] }
 */
export async function readStatementFile(
  bytes: Uint8Array,
  fileName: string,
  options: ReadStatementOptions = {},
): Promise<StatementReadResult> {
  const empty: StatementReadResult = {
    file: fileName,
    format: 'csv',
    lines: [],
    balances: [],
    rowsRead: 0,
    skipped: [],
    problems: [],
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.length > maxBytes) {
    return {
      ...empty,
      problems: [
        problem(
          'file-too-large',
          t(
            `文件大小为 ${bytes.length} 字节，上限为 ${maxBytes} 字节。请拆分文件，或调高 import.maxBytes。`,
            `The file is ${bytes.length} bytes; the limit is ${maxBytes}. Split the file or raise import.maxBytes.`,
          ),
          { file: fileName },
        ),
      ],
    };
  }

  // Workbooks
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) {
    let read: { rows: GridRow[]; date1904: boolean; sheet?: string };
    try {
      read = await readXlsxRows(bytes, [], fileName);
    } catch (e) {
      return {
        ...empty,
        format: 'xlsx',
        problems: [
          problem(
            'bad-xlsx',
            t(
              `工作簿无法读取：${(e as Error).message}`,
              `The workbook cannot be read: ${(e as Error).message}`,
            ),
            {
              file: fileName,
            },
          ),
        ],
      };
    }
    return finish(
      readStatementTable(read.rows, fileName, {
        ...options,
        format: 'xlsx',
        date1904: read.date1904,
      }),
    );
  }

  // Legacy .xls (an OLE2 compound file) has no reader here; say so rather than "bad encoding"
  if (bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0) {
    return {
      ...empty,
      problems: [
        problem(
          'xls-not-supported',
          t(
            '无法读取旧版 .xls 工作簿；请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
            'Legacy .xls workbooks cannot be read; save the file as .xlsx or CSV in Excel and import that',
          ),
          { file: fileName },
        ),
      ],
    };
  }

  // Text formats
  const decoded = decodeStatementText(bytes);
  if (!decoded.ok)
    return {
      ...empty,
      problems: [
        problem(
          'unreadable-encoding',
          t(
            `${fileName}：${decoded.reason['zh-CN']}，未导入任何内容`,
            `${fileName}: ${decoded.reason['en-US']}; nothing was imported`,
          ),
          {
            file: fileName,
          },
        ),
      ],
    };
  const text = decoded.text;
  let result: StatementReadResult;
  if (isOfx(text)) result = readOfx(text, fileName);
  else if (isCamt(text)) result = readCamt(text, fileName);
  else if (isMt940(text)) result = readMt940(text, fileName);
  else {
    const delimiter = sniffDelimiter(text.slice(0, 16384));
    result = readStatementTable(splitDelimited(text, delimiter), fileName, {
      ...options,
      format: 'csv',
      delimiter,
    });
  }
  return finish({ ...result, encoding: decoded.encoding });
}

function finish(result: StatementReadResult): StatementReadResult {
  return {
    ...result,
    problems: [
      ...result.problems,
      ...checkStatementBalances(result.lines, result.balances, result.file),
    ],
  };
}
