/**
 * Read ISO 20022 bank-to-customer messages: camt.053 statements, camt.052 reports and
 * camt.054 notifications share the Ntry layout. One line per Ntry, signed by CdtDbtInd
 * (a reversal flips it); entries not booked (Sts PDNG/INFO) are skipped and listed.
 * Opening (OPBD/PRCD) and closing (CLBD) balances are kept for the balance check. Any
 * DOCTYPE or ENTITY declaration refuses the file before the parser sees it, and values
 * stay text (an EndToEndId of 000000001 keeps its zeros).
 */
import { t } from '../book/types';
import { startXmlStatement } from './xml-statement-result';
import { XMLParser } from 'fast-xml-parser';
import { problem, warning } from '../util/problem';
import { amountCellText, negateAmount } from './amount-cells';
import { lineIndex } from './line-index';
import type { ParsedLine, StatementBalances, StatementReadResult } from './types';

type Node = Record<string, unknown>;

/** True when the text looks like a camt.052/053/054 message. */
export function isCamt(text: string): boolean {
  return /urn:iso:std:iso:20022:tech:xsd:camt\.05[234]|<(\w+:)?BkToCstmr(Stmt|AcctRpt|DbtCdtNtfctn)\b/.test(
    text.slice(0, 8192),
  );
}

const ARRAYS = new Set(['Stmt', 'Rpt', 'Ntfctn', 'Ntry', 'Bal', 'TxDtls', 'Ustrd', 'NtryDtls']);

/**
 * Read a camt message's entries.
 * @param text the decoded XML
 * @param file the file name, for problems and Source
 */
export function readCamt(text: string, file: string): StatementReadResult {
  const { result, refused } = startXmlStatement(text, file, 'camt');
  if (refused) return result;
  let doc: Node;
  try {
    const parser = new XMLParser({
      ignoreAttributes: false,
      attributeNamePrefix: '@',
      removeNSPrefix: true,
      parseTagValue: false,
      parseAttributeValue: false,
      isArray: (name) => ARRAYS.has(name),
    });
    doc = parser.parse(text) as Node;
  } catch (e) {
    result.problems.push(
      problem(
        'bad-xml',
        t(
          `XML 无法解析：${(e as Error).message}`,
          `The XML cannot be read: ${(e as Error).message}`,
        ),
        { file },
      ),
    );
    return result;
  }

  // Entry rows by position, since the parser gives none
  const lineAt = lineIndex(text);
  const entryRows: number[] = [];
  for (const m of text.matchAll(/<(\w+:)?Ntry>/g)) entryRows.push(lineAt(m.index ?? 0));
  const stmtRows: number[] = [];
  for (const m of text.matchAll(/<(\w+:)?(Stmt|Rpt|Ntfctn)>/g)) stmtRows.push(lineAt(m.index ?? 0));

  const root = (doc.Document ?? {}) as Node;
  const message = (root.BkToCstmrStmt ?? root.BkToCstmrAcctRpt ?? root.BkToCstmrDbtCdtNtfctn) as
    Node | undefined;
  const statements = (message?.Stmt ?? message?.Rpt ?? message?.Ntfctn ?? []) as Node[];
  if (!message || statements.length === 0) {
    result.problems.push(
      problem(
        'no-statement',
        t('文件中没有 camt 对账单、报告或通知', 'No camt statement, report or notification found'),
        { file },
      ),
    );
    return result;
  }
  let entryIndex = 0;
  statements.forEach((stmt, s) => {
    const acct = (stmt.Acct ?? {}) as Node;
    const currency = str(acct.Ccy);
    result.balances.push(readBalances(stmt, s, currency, stmtRows[s]));
    for (const ntry of (stmt.Ntry ?? []) as Node[]) {
      const row = entryRows[entryIndex++] ?? stmtRows[s];
      readEntry(ntry, s, row, currency, file, result);
    }
  });
  result.rowsRead =
    result.lines.length +
    result.skipped.length +
    result.problems.filter((p) => p.row !== undefined && p.severity === 'error').length;
  return result;
}

function readEntry(
  ntry: Node,
  statement: number,
  row: number,
  accountCurrency: string | undefined,
  file: string,
  result: StatementReadResult,
): void {
  const at = { file, row };
  const status = str(ntry.Sts) ?? str((ntry.Sts as Node | undefined)?.Cd);
  if (status && status !== 'BOOK') {
    result.skipped.push(
      warning(
        'not-booked',
        t(
          `已跳过：分录状态为 ${status}，尚未入账`,
          `Skipped: entry status ${status} is not booked`,
        ),
        at,
      ),
    );
    return;
  }
  const amt = ntry.Amt as Node | string | undefined;
  const amountText = typeof amt === 'object' ? str(amt['#text']) : str(amt);
  let amount = amountCellText(amountText ?? '', '.');
  if (amount === undefined) {
    result.problems.push(
      problem(
        'bad-amount',
        t(`“${amountText ?? ''}”不是金额`, `'${amountText ?? ''}' is not an amount`),
        { ...at, column: 'Amt' },
      ),
    );
    return;
  }
  const indicator = str(ntry.CdtDbtInd);
  if (indicator !== 'CRDT' && indicator !== 'DBIT') {
    result.problems.push(
      problem(
        'bad-direction',
        t(
          `“${indicator ?? ''}”既不是 CRDT（贷记）也不是 DBIT（借记）`,
          `'${indicator ?? ''}' is not CRDT or DBIT`,
        ),
        {
          ...at,
          column: 'CdtDbtInd',
        },
      ),
    );
    return;
  }
  if (indicator === 'DBIT') amount = negateAmount(amount);
  if (str(ntry.RvslInd) === 'true') amount = negateAmount(amount);

  const booking = camtDate(ntry.BookgDt as Node | undefined);
  if (!booking) {
    result.problems.push(
      problem('bad-date', t('该分录没有记账日期', 'The entry has no booking date'), {
        ...at,
        column: 'BookgDt',
      }),
    );
    return;
  }
  const tx =
    (((ntry.NtryDtls as Node[] | undefined)?.[0]?.TxDtls as Node[] | undefined) ?? [])[0] ?? {};
  const refs = (tx.Refs ?? {}) as Node;
  const parties = (tx.RltdPties ?? {}) as Node;
  const side = indicator === 'CRDT' ? 'Dbtr' : 'Cdtr';
  const party = (parties[side] ?? {}) as Node;
  const partyAcct = (((parties[`${side}Acct`] ?? {}) as Node).Id ?? {}) as Node;
  const remittance = (tx.RmtInf ?? {}) as Node;
  const ustrd = (remittance.Ustrd as unknown[] | undefined)?.map(str).filter(Boolean).join(' ');
  const strdRef = str((((remittance.Strd ?? {}) as Node).CdtrRefInf as Node | undefined)?.Ref);
  const endToEnd = str(refs.EndToEndId);

  const line: ParsedLine = {
    date: booking.date,
    amount,
    row,
    statement,
    currency: (typeof amt === 'object' ? str(amt['@Ccy']) : undefined) ?? accountCurrency,
  };
  if (booking.time) line.time = booking.time;
  line.valueDate = camtDate(ntry.ValDt as Node | undefined)?.date;
  line.reference =
    (endToEnd && endToEnd !== 'NOTPROVIDED' ? endToEnd : undefined) ??
    str(ntry.AcctSvcrRef) ??
    str(refs.AcctSvcrRef) ??
    str(((refs.Prtry ?? {}) as Node).Ref) ??
    str(ntry.NtryRef);
  line.counterparty = str(party.Nm) ?? str(((party.Pty ?? {}) as Node).Nm);
  line.counterpartyAccount = str(partyAcct.IBAN) ?? str(((partyAcct.Othr ?? {}) as Node).Id);
  line.description = ustrd || strdRef || str(ntry.AddtlNtryInf);
  const code = ((ntry.BkTxCd ?? {}) as Node).Prtry as Node | undefined;
  line.method = str(code?.Cd);
  result.lines.push(line);
}

function readBalances(
  stmt: Node,
  statement: number,
  currency: string | undefined,
  row: number | undefined,
): StatementBalances {
  const out: StatementBalances = { statement, currency, row };
  for (const bal of (stmt.Bal ?? []) as Node[]) {
    const code = str((((bal.Tp ?? {}) as Node).CdOrPrtry as Node | undefined)?.Cd);
    const amt = bal.Amt as Node | string | undefined;
    const raw = typeof amt === 'object' ? str(amt['#text']) : str(amt);
    let amount = amountCellText(raw ?? '', '.');
    if (amount === undefined) continue;
    if (str(bal.CdtDbtInd) === 'DBIT') amount = negateAmount(amount);
    const value = {
      amount,
      currency: typeof amt === 'object' ? str(amt['@Ccy']) : undefined,
      date: camtDate(bal.Dt as Node | undefined)?.date,
    };
    if ((code === 'OPBD' || code === 'PRCD') && !out.opening) out.opening = value;
    if (code === 'CLBD') out.closing = value;
  }
  return out;
}

function camtDate(node: Node | undefined): { date: string; time?: string } | undefined {
  const dt = str(node?.Dt);
  if (dt && /^\d{4}-\d{2}-\d{2}/.test(dt)) return { date: dt.slice(0, 10) };
  const dtTm = str(node?.DtTm);
  if (dtTm && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/.test(dtTm))
    return { date: dtTm.slice(0, 10), time: dtTm.slice(11, 19) };
  return undefined;
}

function str(v: unknown): string | undefined {
  if (typeof v === 'string') return v.trim() === '' ? undefined : v.trim();
  if (typeof v === 'number') return String(v);
  return undefined;
}
