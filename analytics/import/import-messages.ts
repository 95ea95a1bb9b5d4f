/**
 * Bilingual user messages for an import: what was read, what was skipped as a duplicate or
 * on purpose, and each rejected row with file, line, column and reason. Long lists are
 * capped so a 100,000-line file cannot flood the pane.
 */
import type { Message, Text } from '../book/types';
import { t } from '../book/types';
import type { Problem } from '../util/problem';

/** Chinese reasons for problems that carry an English message only. */
const REASON_ZH: Record<string, string> = {
  'bad-date': '日期无法识别',
  'bad-amount': '金额无法识别',
  'no-amount': '金额为空',
  'short-row': '该行的列数少于表头',
  'row-overflows-header': '该行的列数多于表头：某个字段里可能有未加引号的分隔符（如 “Co., Ltd.”），其后各列都被错位；请给该字段加引号或修正该行，此行未导入',
  'bad-direction': '收/支方向无法识别',
  'bad-line': '对账单行无法识别',
  'bad-balance': '余额无法识别',
  'footer-line': '已跳过表尾或汇总行',
  'closed-row': '交易已关闭或失败，资金未发生变动，已跳过',
  'neutral-row': '不计收支的划转，已跳过',
  'not-booked': '未入账的记录，已跳过',
  'unreadable-encoding': '文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030，未导入任何内容',
  'file-too-large': '文件超过大小上限',
  'too-many-rows': '文件行数超过上限',
  'no-header-row': '前 300 行中找不到包含日期和金额列的表头',
  'no-date-column': '表头中没有日期列',
  'no-amount-column': '表头中没有金额列（或借方/贷方列）',
  'unknown-column': '映射的列在表头中不存在',
  'unknown-preset': '未知的导入预设',
  'xml-dtd-refused': '文件声明了 DOCTYPE 或 ENTITY，出于安全原因拒绝读取',
  'bad-xml': 'XML 无法解析',
  'bad-xlsx': '工作簿无法读取',
  'xls-not-supported': '不支持旧版 .xls 工作簿，请在 Excel 中另存为 .xlsx 或 CSV 后再导入',
  'no-statement': '文件中没有对账单',
  'closing-balance-mismatch': '期初余额加本期发生额不等于期末余额',
  'balance-currency': '期初与期末余额币种不同，未核对',
  'balance-chain-break': '逐笔余额与上一笔余额加发生额不符',
  'footer-total-mismatch': '表尾合计与明细合计不符',
  'preamble-total-mismatch': '账单抬头的收支汇总与明细不符',
  'resaved-by-excel': '此文件似乎被 Excel 另存过，时间缺少秒，重复判断按分钟精度进行',
  'short-rows': '部分行的列数少于表头，缺少的单元格按空值读取',
  'long-number-id': '账号/编号列中是 16 位以上的数字，第 15 位之后的数字可能已丢失，不用于匹配',
  'mixed-decimal-marks': '金额列同时使用了 . 和 , 作为小数点',
  'ambiguous-decimal-mark': '金额的小数点无法确定，请在映射中指定',
  'ambiguous-day-order': '日期是日/月还是月/日无法确定，请在映射中指定',
  'no-fitid': '交易没有 FITID，按日期、金额和名称判断重复',
  'closed-period': '日期所在会计期间已结账',
  'bad-preset-setting': '设置中保存的导入预设不是有效的 JSON',
};

/** A problem as a message in both languages. */
export function problemMessage(
  p: Problem,
  event = p.severity === 'error' ? 'import-rejected' : 'import-warning',
  level?: Message['level'],
): Message {
  const whereEn = [
    p.file,
    p.row !== undefined ? `line ${p.row}` : undefined,
    p.column ? `column ${p.column}` : undefined,
  ]
    .filter(Boolean)
    .join(', ');
  const whereZh = [
    p.file,
    p.row !== undefined ? `第 ${p.row} 行` : undefined,
    p.column ? `列 ${p.column}` : undefined,
  ]
    .filter(Boolean)
    .join('，');
  // Problems written in both languages say it in Chinese; older ones get a Chinese reason and the English detail
  const reasonZh = REASON_ZH[p.code];
  const zh = p.text?.['zh-CN'] ?? (reasonZh ? `${reasonZh}（${p.message}）` : p.message);
  return {
    level: level ?? (p.severity === 'error' ? 'error' : 'warn'),
    event,
    text: t(
      `${whereZh ? whereZh + '：' : ''}${zh}`,
      `${whereEn ? whereEn + ': ' : ''}${p.message}`,
    ),
  };
}

/** Messages for a list of problems, at most `limit`, then one line saying how many more. */
export function cappedMessages(
  problems: readonly Problem[],
  limit: number,
  event?: string,
  level?: Message['level'],
): Message[] {
  const out = problems.slice(0, limit).map((p) => problemMessage(p, event, level));
  if (problems.length > limit) {
    const more = problems.length - limit;
    out.push({
      level: 'info',
      event: event ?? 'import-more',
      text: t(`……另有 ${more} 条未列出`, `… and ${more} more not listed`),
    });
  }
  return out;
}

/** One line per file: what was read and what became of it. */
export function fileReadMessage(s: {
  file: string;
  read: number;
  added: number;
  duplicates: number;
  rejected: number;
  skipped: number;
}): Message {
  const text: Text = t(
    `${s.file}：读取 ${s.read} 行，新增 ${s.added}，重复跳过 ${s.duplicates}，拒绝 ${s.rejected}，另跳过 ${s.skipped}`,
    `${s.file}: read ${s.read} line(s); added ${s.added}, skipped ${s.duplicates} as duplicate(s), rejected ${s.rejected}, skipped ${s.skipped} other(s)`,
  );
  return { level: 'info', event: 'import-read', text };
}
