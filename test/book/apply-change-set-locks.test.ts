import { emptyBook } from '../../analytics/book/book';
import { applyChangeSet, CUT_MARK } from '../../analytics/book/apply-change-set';
import { t, type Book, type Row, type TableChange, type Text } from '../../analytics/book/types';
import { AnalyticsError } from '../../analytics/util/error';

const posted = (id: string, date: string, extra: Partial<Row> = {}): Row => ({ EntryId: id, Date: date, AccountId: 'BANK1', Summary: '测试', Outflow: '100.00', Status: 'posted', ...extra });

/** Period 2024-03 closed; J1 (2024-03-15) and J2 (2024-04-02) posted; one audit row. */
function lockedBook(): Book {
  const book = emptyBook('zh-CN');
  book.tables.Periods!.rows.push({ Period: '2024-03', Status: 'closed' }, { Period: '2024-04', Status: 'open' });
  book.tables.Journal!.rows.push(posted('J1', '2024-03-15'), posted('J2', '2024-04-02'));
  book.tables.AuditLog!.rows.push({ Seq: 1, Action: 'init', PrevHash: '0'.repeat(64), Hash: 'h1' });
  return book;
}

/** The refusal's code and its text in both languages; the book must be left as it was. */
function refusal(changes: TableChange[], book = lockedBook()): { code: string; text: Text } {
  const before = JSON.stringify(book);
  try {
    applyChangeSet(book, changes);
  } catch (e) {
    expect(JSON.stringify(book)).toBe(before);
    return { code: (e as AnalyticsError).code, text: (e as AnalyticsError).text };
  }
  throw new Error('the change was accepted');
}

describe('applyChangeSet locks', () => {
  it('refuses a new entry dated in a closed period, saying which period', () => {
    expect(refusal([{ table: 'Journal', op: 'append', rows: [posted('J3', '2024-03-31')] }])).toEqual({
      code: 'locked',
      text: t('分录 J3 的日期 2024-03-31 在已结账期间 2024-03 内，不能写入；请在未结账期间做调整', 'Entry J3 is dated 2024-03-31, in closed period 2024-03, which takes no new or changed entries; post the correction in an open period.'),
    });
  });

  it('refuses moving a posted entry into a closed period', () => {
    expect(refusal([{ table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J2', Date: '2024-03-20' }] }]).text['en-US']).toContain('in closed period 2024-03');
  });

  it('refuses editing a field of a posted entry, naming the field and both values', () => {
    expect(refusal([{ table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J2', Outflow: '900.00' }] }]).text).toEqual(
      t("分录 J2 已记账，Outflow 不能从 '100.00' 改为 '900.00'，请红字冲销后重新记账", "Entry J2 is posted; Outflow cannot change from '100.00' to '900.00'. Post a reversal and a new entry instead."),
    );
  });

  it('refuses a status change other than posted to reversed', () => {
    const book = lockedBook();
    const reversed = applyChangeSet(book, [{ table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J2', Status: 'reversed' }] }]);
    expect(() => applyChangeSet(reversed, [{ table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J2', Status: 'posted' }] }])).toThrow(
      'Entry J2: status cannot go from reversed to posted; a posted entry can only become reversed.',
    );
  });

  it('allows marking a posted entry reversed and refreshing its Balance', () => {
    const next = applyChangeSet(lockedBook(), [{ table: 'Journal', op: 'upsert', rows: [{ EntryId: 'J2', Status: 'reversed', Balance: '900.00' }] }]);
    expect(next.tables.Journal!.rows[1]).toMatchObject({ EntryId: 'J2', Status: 'reversed', Balance: '900.00', Outflow: '100.00' });
  });

  it('refuses deleting journal entries', () => {
    expect(refusal([{ table: 'Journal', op: 'delete', ids: ['J2'] }])).toEqual({ code: 'locked', text: t('日记账分录不能删除或整表替换，请做红字冲销', 'Journal entries are never deleted or replaced; post a reversal (红字冲销) instead.') });
  });

  it('refuses replacing the whole journal', () => {
    expect(refusal([{ table: 'Journal', op: 'replace', rows: [] }]).code).toBe('locked');
  });

  it('refuses reusing an entry id', () => {
    expect(refusal([{ table: 'Journal', op: 'append', rows: [posted('J2', '2024-04-09')] }])).toEqual({ code: 'duplicate-id', text: t('分录编号 J2 已存在，分录编号不能重复使用', 'Entry J2 already exists; entry ids are never reused.') });
  });

  it.each<[string, TableChange]>([
    ['upsert', { table: 'AuditLog', op: 'upsert', rows: [{ Seq: 1, Action: 'edited' }] }],
    ['delete', { table: 'AuditLog', op: 'delete', ids: ['1'] }],
    ['replace', { table: 'AuditLog', op: 'replace', rows: [] }],
  ])('refuses an AuditLog %s', (_, change) => {
    expect(refusal([change])).toEqual({ code: 'locked', text: t('审计日志只能追加，不能修改或删除', 'The audit log can only grow: its rows are never edited or deleted.') });
  });

  it('applies nothing when a later change in the same set is refused', () => {
    expect(refusal([{ table: 'Journal', op: 'append', rows: [posted('J3', '2024-04-10')] }, { table: 'Journal', op: 'append', rows: [posted('J4', '2024-03-01')] }]).code).toBe('locked');
  });
});

describe('applyChangeSet locks on a closed period’s reconciliation evidence', () => {
  function closedWithMatches(): Book {
    const book = lockedBook();
    book.tables.Matches!.rows.push({ MatchId: 'M3', Period: '2024-03', AccountId: 'BANK1', EntryIds: 'J1', LineIds: 'L1', Status: 'confirmed' }, { MatchId: 'M4', Period: '2024-04', AccountId: 'BANK1', EntryIds: 'J2', LineIds: 'L2', Status: 'auto' });
    book.tables.Reconciliation!.rows.push({ AccountId: 'BANK1', Period: '2024-03', Difference: '0.00' });
    return book;
  }
  const MATCHES_LOCKED = t('期间 2024-03 已结账，其对账匹配不能再修改；如确需调整，请先反结账', 'Period 2024-03 is closed; its matches can no longer change. Reopen the period first if it must.');

  it.each<[string, TableChange]>([
    ['a new match', { table: 'Matches', op: 'append', rows: [{ MatchId: 'M9', Period: '2024-03' }] }],
    ['a changed match', { table: 'Matches', op: 'upsert', rows: [{ MatchId: 'M3', Status: 'rejected' }] }],
    ['a deleted match', { table: 'Matches', op: 'delete', ids: ['M3'] }],
    ['a replaced table that drops the match', { table: 'Matches', op: 'replace', rows: [{ MatchId: 'M4', Period: '2024-04' }] }],
  ])('refuses %s in a closed period', (_, change) => {
    expect(refusal([change], closedWithMatches())).toEqual({ code: 'locked', text: MATCHES_LOCKED });
  });

  it('refuses a new 余额调节表 row for a closed period', () => {
    expect(() => applyChangeSet(closedWithMatches(), [{ table: 'Reconciliation', op: 'append', rows: [{ AccountId: 'BANK2', Period: '2024-03' }] }])).toThrow('Period 2024-03 is closed; its reconciliation can no longer change.');
  });

  it('allows replacing the table when the closed period’s rows come back unchanged', () => {
    const book = closedWithMatches();
    const rows = [{ ...book.tables.Matches!.rows[0] }, { MatchId: 'M5', Period: '2024-04', Status: 'auto' }];
    expect(applyChangeSet(book, [{ table: 'Matches', op: 'replace', rows }]).tables.Matches!.rows.map((r) => r.MatchId)).toEqual(['M3', 'M5']);
  });

  it('allows changing matches of an open period', () => {
    const next = applyChangeSet(closedWithMatches(), [{ table: 'Matches', op: 'upsert', rows: [{ MatchId: 'M4', Status: 'confirmed' }] }]);
    expect(next.tables.Matches!.rows[1].Status).toBe('confirmed');
  });
});

describe('closedPeriods', () => {
  it('keeps a month closed by the audit log when its Periods row was deleted or set open by hand', () => {
    const { emptyBook } = jest.requireActual('../../analytics/book/book');
    const { closedPeriods: closed } = jest.requireActual('../../analytics/book/apply-change-set');
    const book = emptyBook('en-US');
    book.tables.AuditLog!.rows = [
      { Seq: 1, Action: 'close', Target: '2024-01' },
      { Seq: 2, Action: 'close', Target: '2024-02' },
      { Seq: 3, Action: 'reopen', Target: '2024-02' },
    ];
    book.tables.Periods!.rows = [{ Period: '2024-01', Status: 'open' }];
    expect([...closed(book)]).toEqual(['2024-01']);
  });
});

describe('applyChangeSet on a cell longer than Excel allows', () => {
  it('refuses the whole change and names the table, row, source and column', () => {
    const { emptyBook } = jest.requireActual('../../analytics/book/book');
    const { applyChangeSet: apply } = jest.requireActual('../../analytics/book/apply-change-set');
    const book = emptyBook('en-US');
    const rows = [
      { LineId: 'S-1', AccountId: 'B', Date: '2024-01-01', Amount: '1.00', Description: 'ok', Source: 'a.csv#2' },
      { LineId: 'S-2', AccountId: 'B', Date: '2024-01-01', Amount: '2.00', Description: 'x'.repeat(32_768), Source: 'a.csv#3' },
    ];
    expect(() => apply(book, [{ table: 'Statement', op: 'append', rows }])).toThrow('Statement (LineId S-2, from a.csv#3), column Description: 32768 characters; an Excel cell holds at most 32767. Nothing was written.');
  });
});

describe('result sheets', () => {
  it('cut a text longer than an Excel cell holds, with a visible mark, and keep the rest', () => {
    const long = 'x'.repeat(40_000);
    const book = applyChangeSet(emptyBook("zh-CN"), [{ table: "sheet", op: "sheet", sheet: { name: "q", columns: [{ header: 'v', type: 'text' }, { header: 'n', type: 'number' }], rows: [[long, 1], ['short', 2]] } }]);
    const rows = book.sheets!.q.rows;
    expect((rows[0][0] as string).length).toBe(32_767);
    expect(rows[0][0]).toBe('x'.repeat(32_767 - CUT_MARK.length) + CUT_MARK);
    expect(rows[0][1]).toBe(1);
    expect(rows[1]).toEqual(['short', 2]);
  });
});
