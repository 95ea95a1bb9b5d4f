import { t } from '../../analytics/book/types';
import { AnalyticsError, fail, isAnalyticsError } from '../../analytics/util/error';

describe('fail', () => {
  it('throws an AnalyticsError carrying the code, both texts and the cause', () => {
    const cause = new Error('disk');
    let thrown: unknown;
    try {
      fail('file-not-found', t('book.xlsx: 找不到文件', 'book.xlsx: file not found'), cause);
    } catch (e) {
      thrown = e;
    }
    expect(isAnalyticsError(thrown, 'file-not-found')).toBe(true);
    const e = thrown as AnalyticsError;
    expect([e.text, e.cause]).toEqual([
      t('book.xlsx: 找不到文件', 'book.xlsx: file not found'),
      cause,
    ]);
  });

  it('keeps the English text as the message, for stack traces and logs', () => {
    const refuse = () =>
      fail(
        'bad-period',
        t("期间 '2024-13' 不是 YYYY-MM 格式。", "Period '2024-13' is not YYYY-MM."),
      );
    expect(refuse).toThrow(/^Period '2024-13' is not YYYY-MM\.$/);
  });
});
