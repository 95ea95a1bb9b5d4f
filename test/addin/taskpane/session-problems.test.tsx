/** @jest-environment jsdom */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { emptyBook } from '../../../analytics/book/book';
import type { Lang } from '../../../analytics/book/schema';
import { MemoryHost } from '../../../addin/excel/memory-host';
import type { ExcelValue } from '../../../addin/excel/table-grid';
import { Notices } from '../../../addin/taskpane/components/Notices';
import { SessionProvider } from '../../../addin/taskpane/session';
import { PINNED } from './render-pane';

/** A zh-CN book whose one journal row has words in its 收入 (income) cell. */
function hostWithBadAmount(): MemoryHost {
  const host = MemoryHost.fromBook(emptyBook('zh-CN'));
  const sheet = host.sheets.find((s) => s.name === '日记账')!;
  const header = sheet.rows[0];
  const row: ExcelValue[] = header.map(() => '');
  row[header.indexOf('分录编号') >= 0 ? header.indexOf('分录编号') : 0] = 'J000001';
  row[header.indexOf('收入')] = '一百元';
  sheet.rows.push(row);
  return host;
}

describe('the pane session reading a book with a bad cell', () => {
  it.each<[Lang, string]>([
    ['zh-CN', '工作表 日记账，第 2 行，列 收入：“一百元”不是金额'],
    ['en-US', "sheet 日记账, row 2, column 收入: '一百元' is not an amount"],
  ])('says where and what in the %s user’s language', async (lang, said) => {
    render(
      <FluentProvider theme={webLightTheme}>
        <SessionProvider host={hostWithBadAmount()} lang={lang} clock={PINNED}>
          <Notices />
        </SessionProvider>
      </FluentProvider>,
    );
    expect(
      await screen.findByText((text) => text.includes(said), undefined, { timeout: 5000 }),
    ).toBeTruthy();
  });
});
