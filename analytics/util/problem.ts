import type { Lang } from '../book/schema';
import type { Text } from '../book/types';

/**
 * A problem is bad input data, reported with where it was found. Problems are returned,
 * never thrown, so one bad line never hides the good ones.
 */
export interface Problem {
  /** Stable kebab-case code, e.g. `bad-amount`. */
  code: string;
  /** User-facing message in English; names the value that was wrong. */
  message: string;
  /** The message in both languages, when it has been written in both; `problemText` shows it. */
  text?: Text;
  /** File name (or sheet name) the value came from. */
  file?: string;
  /** Sheet name, when the source is a workbook. */
  sheet?: string;
  /** 1-based line or row number in the source. */
  row?: number;
  /** Column header or letter in the source. */
  column?: string;
  /** `error` rejects the row; `warning` keeps it and tells the user. */
  severity: 'error' | 'warning';
}

type Place = Omit<Problem, 'code' | 'message' | 'text' | 'severity'>;

/** The message fields of a problem: English `message`, and `text` when given in both languages. */
function messageOf(message: string | Text): Pick<Problem, 'message' | 'text'> {
  return typeof message === 'string' ? { message } : { message: message['en-US'], text: message };
}

/** Build a problem with severity `error`; pass `t(zh, en)` to say it in both languages. */
export function problem(code: string, message: string | Text, at: Place = {}): Problem {
  return { code, ...messageOf(message), severity: 'error', ...at };
}

/** Build a problem with severity `warning`; pass `t(zh, en)` to say it in both languages. */
export function warning(code: string, message: string | Text, at: Place = {}): Problem {
  return { code, ...messageOf(message), severity: 'warning', ...at };
}

/**
 * "file, sheet, row 12, column 金额: message" in English only. Kept for machine output
 * (`verify --json`) and logs; anything a user reads goes through `problemText`.
 */
export function describeProblem(p: Problem): string {
  const where = [
    p.file,
    p.sheet ? `sheet ${p.sheet}` : undefined,
    p.row !== undefined ? `row ${p.row}` : undefined,
    p.column ? `column ${p.column}` : undefined,
  ].filter(Boolean);
  return where.length ? `${where.join(', ')}: ${p.message}` : p.message;
}

/**
 * The problem as the user reads it, in both languages: the place framed in each language
 * ("a.xlsx，工作表 日记账，第 12 行，列 金额：…" / "a.xlsx, sheet 日记账, row 12, column 金额: …"),
 * then `p.text` when the message was written in both, else the English message for both.
 */
export function problemText(p: Problem): Text {
  const message = p.text ?? { 'zh-CN': p.message, 'en-US': p.message };
  const frame = (lang: Lang): string => {
    const zh = lang === 'zh-CN';
    const where = [
      p.file,
      p.sheet ? (zh ? `工作表 ${p.sheet}` : `sheet ${p.sheet}`) : undefined,
      p.row !== undefined ? (zh ? `第 ${p.row} 行` : `row ${p.row}`) : undefined,
      p.column ? (zh ? `列 ${p.column}` : `column ${p.column}`) : undefined,
    ].filter(Boolean);
    if (!where.length) return message[lang];
    return zh ? `${where.join('，')}：${message[lang]}` : `${where.join(', ')}: ${message[lang]}`;
  };
  return { 'zh-CN': frame('zh-CN'), 'en-US': frame('en-US') };
}
