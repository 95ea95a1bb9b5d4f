/**
 * The start every XML-ish statement reader (OFX, camt) shares: an empty result for the file,
 * refused outright when the text declares a DOCTYPE or ENTITY (external entities and
 * billion-laughs payloads never reach a parser).
 */
import { t } from '../book/types';
import { problem } from '../util/problem';
import type { StatementFormat, StatementReadResult } from './types';

/** An empty result, or the refusal when the text carries a DOCTYPE/ENTITY declaration. */
export function startXmlStatement(text: string, file: string, format: StatementFormat): { result: StatementReadResult; refused: boolean } {
  const result: StatementReadResult = { file, format, lines: [], balances: [], rowsRead: 0, skipped: [], problems: [] };
  if (!/<!DOCTYPE|<!ENTITY/i.test(text)) return { result, refused: false };
  result.problems.push(problem('xml-dtd-refused', t('文件声明了 DOCTYPE 或 ENTITY，出于安全原因拒绝读取', 'The file declares a DOCTYPE or ENTITY; such files are refused'), { file }));
  return { result, refused: true };
}
