/**
 * Read OFX statements: 1.x SGML (leaf tags never closed, often all on one line) and 2.x
 * XML, with one tokenizer that needs no closing tags. Bank (STMTRS) and credit-card
 * (CCSTMTRS) statements both count; several in one file are numbered. Dates keep the
 * calendar day the bank wrote (20240301120000[-5:EST] is 2024-03-01 whatever the host's
 * zone); no Date object is made. A DOCTYPE or ENTITY declaration refuses the file.
 */
import { t } from '../book/types';
import { startXmlStatement } from './xml-statement-result';
import { problem, warning } from '../util/problem';
import { amountCellText } from './amount-cells';
import { lineIndex } from './line-index';
import type { ParsedLine, StatementReadResult } from './types';

/** True when the text looks like an OFX file. */
export function isOfx(text: string): boolean {
  return /^\s*(OFXHEADER|<\?xml[^>]*>\s*<\?OFX)/i.test(text) || /<OFX>/i.test(text.slice(0, 4096));
}

interface OpenTxn {
  fields: Record<string, string>;
  row: number;
}

/**
 * Read an OFX file's statement lines.
 * @param text the decoded file
 * @param file the file name, for problems and Source
 */
export function readOfx(text: string, file: string): StatementReadResult {
  const { result, refused } = startXmlStatement(text, file, 'ofx');
  if (refused) return result;
  const lineAt = lineIndex(text);
  const tag = /<(\/?)([A-Za-z0-9_.]+)>([^<]*)/g;
  let statement = -1;
  let currency: string | undefined;
  let txn: OpenTxn | undefined;
  let balanceBlock: string | undefined;

  for (let m = tag.exec(text); m; m = tag.exec(text)) {
    const [, close, rawName, rawValue] = m;
    const name = rawName.toUpperCase();
    const value = decodeEntities(rawValue.trim());
    if (close) {
      if (name === 'STMTTRN' && txn) {
        addTransaction(txn, statement, currency, file, result);
        txn = undefined;
      }
      if (name === 'LEDGERBAL') balanceBlock = undefined;
      continue;
    }
    if (name === 'STMTRS' || name === 'CCSTMTRS') {
      statement++;
      currency = undefined;
      result.balances.push({ statement, row: lineAt(m.index) });
    } else if (name === 'CURDEF') {
      currency = value.toUpperCase();
      if (result.balances[statement]) result.balances[statement].currency = currency;
    } else if (name === 'STMTTRN') {
      txn = { fields: {}, row: lineAt(m.index) };
    } else if (name === 'LEDGERBAL') {
      balanceBlock = name;
    } else if (txn && value !== '') {
      txn.fields[name] = value;
    } else if (balanceBlock && name === 'BALAMT' && result.balances[statement]) {
      const closing = amountCellText(value, '.');
      if (closing !== undefined) result.balances[statement].closing = { amount: closing, currency };
    }
  }
  if (statement < 0)
    result.problems.push(
      problem(
        'no-statement',
        t(
          '文件中没有 OFX 对账单（STMTRS 或 CCSTMTRS）',
          'No OFX statement (STMTRS or CCSTMTRS) found',
        ),
        { file },
      ),
    );
  result.rowsRead =
    result.lines.length +
    result.problems.filter((p) => p.row !== undefined && p.severity === 'error').length;
  return result;
}

function addTransaction(
  txn: OpenTxn,
  statement: number,
  currency: string | undefined,
  file: string,
  result: StatementReadResult,
): void {
  const f = txn.fields;
  const at = { file, row: txn.row };
  const posted = ofxDate(f.DTPOSTED ?? '');
  if (!posted) {
    result.problems.push(
      problem(
        'bad-date',
        t(`“${f.DTPOSTED ?? ''}”不是 OFX 日期`, `'${f.DTPOSTED ?? ''}' is not an OFX date`),
        {
          ...at,
          column: 'DTPOSTED',
        },
      ),
    );
    return;
  }
  const amount = amountCellText(f.TRNAMT ?? '', '.');
  if (amount === undefined) {
    result.problems.push(
      problem(
        'bad-amount',
        t(`“${f.TRNAMT ?? ''}”不是金额`, `'${f.TRNAMT ?? ''}' is not an amount`),
        { ...at, column: 'TRNAMT' },
      ),
    );
    return;
  }
  const line: ParsedLine = {
    date: posted.date,
    amount,
    row: txn.row,
    statement,
    currency: f.CURSYM ?? currency,
  };
  if (posted.time) line.time = posted.time;
  const user = f.DTUSER ? ofxDate(f.DTUSER) : undefined;
  if (user && user.date !== posted.date) line.valueDate = user.date;
  line.reference = f.FITID;
  line.counterparty = f.NAME ?? f.PAYEE;
  line.method = f.TRNTYPE;
  const memo = f.MEMO && f.MEMO !== f.NAME ? f.MEMO : undefined;
  line.description =
    [f.CHECKNUM ? `CHECK ${f.CHECKNUM}` : undefined, memo ?? f.NAME].filter(Boolean).join(' ') ||
    undefined;
  if (f.FITID === undefined)
    result.problems.push(
      warning(
        'no-fitid',
        t(
          '该交易没有 FITID，按日期、金额和名称判断是否重复',
          'The transaction has no FITID; duplicates are matched on date, amount and name',
        ),
        at,
      ),
    );
  result.lines.push(line);
}

/** OFX date-time (YYYYMMDD[HHMMSS[.XXX]][[±h:TZ]]) to the calendar date and time written. */
export function ofxDate(s: string): { date: string; time?: string } | undefined {
  const m = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?/.exec(s.trim());
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  const date = `${m[1]}-${m[2]}-${m[3]}`;
  const time = m[4] ? `${m[4]}:${m[5]}:${m[6] ?? '00'}` : undefined;
  return { date, time: time && time !== '00:00:00' ? time : undefined };
}

function decodeEntities(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|apos|nbsp);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' })[e] ?? _,
  );
}
