import { t } from '../../analytics/book/types';
import { describeProblem, problem, problemText, warning } from '../../analytics/util/problem';

describe('problemText', () => {
  it('frames the place in each language and uses the message written in both', () => {
    const p = problem('bad-cell', t('“一百元”不是金额', "'一百元' is not an amount"), {
      file: 'book.xlsx',
      sheet: '日记账',
      row: 2,
      column: '收入',
    });
    expect(p.message).toBe("'一百元' is not an amount");
    expect(problemText(p)).toEqual({
      'zh-CN': 'book.xlsx，工作表 日记账，第 2 行，列 收入：“一百元”不是金额',
      'en-US': "book.xlsx, sheet 日记账, row 2, column 收入: '一百元' is not an amount",
    });
    expect(describeProblem(p)).toBe(problemText(p)['en-US']);
  });

  it('falls back to the English message for both languages, and to the bare message with no place', () => {
    const p = warning('odd', 'something odd', { row: 7 });
    expect(p.text).toBeUndefined();
    expect(problemText(p)).toEqual({
      'zh-CN': '第 7 行：something odd',
      'en-US': 'row 7: something odd',
    });
    expect(problemText(problem('x', t('中文', 'English')))).toEqual({
      'zh-CN': '中文',
      'en-US': 'English',
    });
  });
});
