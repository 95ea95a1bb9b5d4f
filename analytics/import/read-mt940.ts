/**
 * Read SWIFT MT940 statements. A file may hold several statements (separated by `-` lines
 * or SWIFT blocks); each :61: is one line, and the :86: after it (which may run over many
 * lines, with ?NN subfields broken mid-word) describes it. Amounts use a decimal comma and
 * may end in it ("6800,"); C/D/RC/RD give the sign; a funds code may follow the mark
 * (CR, DR). The booking date is the :61: entry date when given, else the value date.
 * Opening (:60F:/:60M:) and closing (:62F:/:62M:) balances are kept for the balance check.
 */
import { t } from '../book/types';
import { problem } from '../util/problem';
import { negateAmount } from './amount-cells';
import type { ParsedLine, StatementBalances, StatementReadResult } from './types';

/** True when the text looks like MT940. */
export function isMt940(text: string): boolean {
  return /^\s*(\{1:|:20:|:25:|:60[FM]:)/m.test(text.slice(0, 4096)) && /:6[01][FM]?:/.test(text);
}

interface Field {
  tag: string;
  value: string;
  row: number;
}

function badBalance(value: string, at: { file: string; row: number; column: string }) {
  return problem('bad-balance', t(`“${value}”不是 MT940 余额`, `'${value}' is not an MT940 balance`), at);
}

/**
 * Read an MT940 file's statement lines and balances.
 * @param text the decoded file
 * @param file the file name, for problems and Source
 */
export function readMt940(text: string, file: string): StatementReadResult {
  const result: StatementReadResult = {
    file,
    format: 'mt940',
    lines: [],
    balances: [],
    rowsRead: 0,
    skipped: [],
    problems: [],
  };
  let statement = -1;
  let current: StatementBalances | undefined;
  let last: ParsedLine | undefined;
  const startStatement = (row: number) => {
    statement++;
    current = { statement, row };
    result.balances.push(current);
    last = undefined;
  };

  for (const field of splitFields(text)) {
    const at = { file, row: field.row, column: `:${field.tag}:` };
    switch (field.tag) {
      case '20':
        startStatement(field.row);
        break;
      case '60F':
      case '60M': {
        if (!current || current.opening || result.lines.some((l) => l.statement === statement))
          startStatement(field.row);
        const b = mt940Balance(field.value);
        if (!b) result.problems.push(badBalance(field.value, at));
        else {
          current!.opening = b;
          current!.currency = b.currency;
        }
        break;
      }
      case '62F':
      case '62M': {
        const b = mt940Balance(field.value);
        if (!b) result.problems.push(badBalance(field.value, at));
        else if (current) current.closing = b;
        break;
      }
      case '61': {
        if (!current) startStatement(field.row);
        last = readLine61(field, statement, current!.currency, file, result);
        break;
      }
      case '86':
        if (last) describe(last, field.value);
        last = undefined;
        break;
      default:
        break;
    }
  }
  result.rowsRead =
    result.lines.length +
    result.problems.filter((p) => p.code === 'bad-line' || p.code === 'bad-date').length;
  if (statement < 0)
    result.problems.push(
      problem('no-statement', t('文件中没有 MT940 对账单', 'No MT940 statement found'), { file }),
    );
  return result;
}

/** MT940 amount ("6800,", "620,3", "00,12") to canonical text. */
export function mt940Amount(s: string): string | undefined {
  const m = /^(\d+),(\d*)$/.exec(s.trim());
  if (!m) return undefined;
  const whole = m[1].replace(/^0+(?=\d)/, '');
  const frac = m[2].length >= 2 ? m[2] : m[2].padEnd(2, '0');
  return `${whole}.${frac}`;
}

function mt940Balance(
  value: string,
): { amount: string; currency: string; date?: string } | undefined {
  const m = /^([CD])(\d{6})([A-Z]{3})([\d,]+)/.exec(value.trim());
  const amount = m ? mt940Amount(m[4]) : undefined;
  if (!m || amount === undefined) return undefined;
  return {
    amount: m[1] === 'D' ? negateAmount(amount) : amount,
    currency: m[3],
    date: yymmdd(m[2]),
  };
}

function readLine61(
  field: Field,
  statement: number,
  currency: string | undefined,
  file: string,
  result: StatementReadResult,
): ParsedLine | undefined {
  const [first, ...rest] = field.value.split('\n');
  const m = /^(\d{6})(\d{4})?(R?[CD])([A-Z])?(\d+,\d*)([A-Z][A-Z0-9]{3})?(.*)$/.exec(first.trim());
  const at = { file, row: field.row, column: ':61:' };
  if (!m) {
    result.problems.push(
      problem(
        'bad-line',
        t(
          `“${first.trim()}”不是 MT940 对账单行`,
          `'${first.trim()}' is not an MT940 statement line`,
        ),
        at,
      ),
    );
    return undefined;
  }
  const valueDate = yymmdd(m[1]);
  if (!valueDate) {
    result.problems.push(
      problem('bad-date', t(`“${m[1]}”不是日期`, `'${m[1]}' is not a date`), at),
    );
    return undefined;
  }
  let amount = mt940Amount(m[5])!;
  if (m[3] === 'D' || m[3] === 'RC') amount = negateAmount(amount);
  const [customerRef, bankRef] = (m[7] ?? '').split('//').map((s) => s.trim());
  const line: ParsedLine = {
    date: m[2] ? entryDate(valueDate, m[2]) : valueDate,
    amount,
    row: field.row,
    statement,
    currency,
  };
  if (line.date !== valueDate) line.valueDate = valueDate;
  line.reference = bankRef || (customerRef && customerRef !== 'NONREF' ? customerRef : undefined);
  line.method = m[6];
  const supplementary = rest
    .map((s) => s.trim())
    .filter(Boolean)
    .join(' ');
  if (supplementary) line.description = supplementary;
  result.lines.push(line);
  return line;
}

// :86: text, structured (?NN subfields) or free. Subfields are split across lines mid-word,
// so structured text is joined without a separator.
function describe(line: ParsedLine, value: string): void {
  const text = value.trim();
  if (!/\?\d{2}/.test(text)) {
    line.description = [line.description, text.replace(/\s*\n\s*/g, ' ')].filter(Boolean).join(' ');
    return;
  }
  const joined = text.replace(/\n/g, '');
  const parts = new Map<string, string>();
  const re = /\?(\d{2})([^?]*)/g;
  for (let m = re.exec(joined); m; m = re.exec(joined))
    parts.set(m[1], (parts.get(m[1]) ?? '') + m[2]);
  const purpose = [...parts.entries()]
    .filter(([k]) => (k >= '20' && k <= '29') || (k >= '60' && k <= '63'))
    .map(([, v]) => v)
    .join('')
    .trim();
  const name = [parts.get('32'), parts.get('33')]
    .filter(Boolean)
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
  const booking = parts.get('00')?.trim();
  line.description = [line.description, booking, purpose].filter(Boolean).join(' ') || undefined;
  if (name) line.counterparty = name;
  const account = parts.get('31')?.trim();
  if (account) line.counterpartyAccount = account;
}

function splitFields(text: string): Field[] {
  const fields: Field[] = [];
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  let current: Field | undefined;
  lines.forEach((raw, i) => {
    const line = raw.replace(/^\{\d:[^}]*\}?/, '').replace(/^\{4:\s*$/, '');
    const m = /^:(\d{2}[A-Z]?):(.*)$/.exec(line);
    if (m) {
      current = { tag: m[1], value: m[2], row: i + 1 };
      fields.push(current);
    } else if (/^-\}?\s*$/.test(line)) {
      current = undefined;
    } else if (current && line.trim() !== '') {
      current.value += '\n' + line;
    }
  });
  return fields;
}

function yymmdd(s: string): string | undefined {
  const y = Number(s.slice(0, 2));
  const year = y < 80 ? 2000 + y : 1900 + y;
  return validDate(year, Number(s.slice(2, 4)), Number(s.slice(4, 6)));
}

// The entry date has no year: it is the one nearest the value date (a December value date
// may book in January).
function entryDate(valueDate: string, mmdd: string): string {
  const year = Number(valueDate.slice(0, 4));
  const [mo, d] = [Number(mmdd.slice(0, 2)), Number(mmdd.slice(2, 4))];
  const valueMonth = Number(valueDate.slice(5, 7));
  const y = mo - valueMonth > 6 ? year - 1 : valueMonth - mo > 6 ? year + 1 : year;
  return validDate(y, mo, d) ?? valueDate;
}

function validDate(y: number, mo: number, d: number): string | undefined {
  if (mo < 1 || mo > 12 || d < 1 || d > new Date(Date.UTC(y, mo, 0)).getUTCDate()) return undefined;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
