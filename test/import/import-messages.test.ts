/** Import problems as messages: their own Chinese when they have it, else a Chinese reason with the English detail. */
import { t } from '../../analytics/book/types';
import { problemMessage } from '../../analytics/import/import-messages';
import { problem, warning } from '../../analytics/util/problem';

describe('problemMessage', () => {
  it("uses a problem's own Chinese text, framed with file, line and column", () => {
    const p = problem('bad-amount', t('“abc”不是金额', "'abc' is not an amount"), {
      file: 'a.csv',
      row: 3,
      column: '金额',
    });
    expect(problemMessage(p)).toEqual({
      level: 'error',
      event: 'import-rejected',
      text: t(
        'a.csv，第 3 行，列 金额：“abc”不是金额',
        "a.csv, line 3, column 金额: 'abc' is not an amount",
      ),
    });
  });

  it('falls back to a Chinese reason and the English detail for a problem in English only', () => {
    const p = warning('bad-amount', "'abc' is not an amount", { file: 'a.csv', row: 3 });
    expect(problemMessage(p).text['zh-CN']).toBe(
      "a.csv，第 3 行：金额无法识别（'abc' is not an amount）",
    );
    expect(problemMessage(p).level).toBe('warn');
  });

  it('shows the English message when there is neither Chinese text nor a known reason', () => {
    const p = problem('something-new', 'Something new went wrong');
    expect(problemMessage(p).text).toEqual(
      t('Something new went wrong', 'Something new went wrong'),
    );
  });
});
