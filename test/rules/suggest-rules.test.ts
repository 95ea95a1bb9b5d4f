import { commitCommand } from '../../analytics/book/commit-command';
import type { Book } from '../../analytics/book/types';
import { acceptProposals } from '../../analytics/rules/accept-proposals';
import { suggestRules } from '../../analytics/rules/suggest-rules';
import { CTX, line, makeBook } from './fixtures';

function acceptWithEdit(book: Book, lineId: string, counterAccount: string): Book {
  const r = acceptProposals(book, { accountId: 'BANK', lineIds: [lineId], edits: { [lineId]: { CounterAccount: counterAccount } } }, CTX);
  return commitCommand(book, r, CTX).book;
}

describe('suggestRules', () => {
  const lines = [1, 2, 3, 4].map((d) => line(`2024-01-0${d}`, '-3.00', '电费', '国网电力有限公司'));

  it('suggests a rule after the same edit three times for one counterparty', () => {
    let book = makeBook({ lines });
    for (const l of lines.slice(0, 3)) book = acceptWithEdit(book, String(l.LineId), '管理费用-电费');
    const [s] = suggestRules(book);
    expect([s.counterparty, s.field, s.value, s.times]).toEqual(['国网电力有限公司', 'CounterAccount', '管理费用-电费', 3]);
    expect(JSON.parse(String(s.rule.Conditions))).toEqual([{ field: 'counterparty', op: 'equals', value: '国网电力有限公司' }]);
  });

  it('does not suggest after only two such edits', () => {
    let book = makeBook({ lines });
    for (const l of lines.slice(0, 2)) book = acceptWithEdit(book, String(l.LineId), '管理费用-电费');
    expect(suggestRules(book)).toEqual([]);
  });
});
