/** @jest-environment jsdom */
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { buildDemoBook } from '../../../analytics/demo/build-demo-book';
import { RecordView } from '../../../addin/taskpane/views/RecordView';
import { renderView } from './render-pane';

describe('RecordView', () => {
  it('shows the amount in 大写 as the cashier types it', async () => {
    await renderView(<RecordView />, buildDemoBook('zh-CN'));

    await userEvent.type(screen.getByRole('textbox', { name: /^金额/ }), '10,005.20');

    expect(screen.getByTestId('uppercase').textContent).toBe('壹万零伍元贰角整');
  });

  it('says what is wrong with an amount once the field was touched', async () => {
    await renderView(<RecordView />, buildDemoBook('en-US'), 'en-US');

    await userEvent.type(screen.getByRole('textbox', { name: /^Amount/ }), '12x');

    expect(screen.getByText('Enter a positive amount, e.g. 1,234.50')).toBeTruthy();
    expect(screen.getByTestId('uppercase').textContent).toBe('—');
  });

  it('records an entry into the workbook and clears the amount', async () => {
    const { host } = await renderView(<RecordView />, buildDemoBook('zh-CN'));
    const before = (await host.readBook()).book.tables.Journal!.rows.length;

    await userEvent.selectOptions(screen.getByRole('combobox', { name: /^账户/ }), 'CASH');
    await userEvent.type(screen.getByRole('textbox', { name: /^金额/ }), '300');
    await userEvent.type(screen.getByRole('textbox', { name: /^摘要/ }), '收到测试客户货款');
    await userEvent.click(screen.getByRole('button', { name: '登记' }));

    await waitFor(
      async () => expect((await host.readBook()).book.tables.Journal!.rows.length).toBe(before + 1),
      { timeout: 5000 },
    );
    const { book } = await host.readBook();
    const added = book.tables.Journal!.rows[before];
    expect(added).toMatchObject({
      AccountId: 'CASH',
      Inflow: '300.00',
      Summary: '收到测试客户货款',
      Status: 'posted',
    });
    expect(book.tables.AuditLog!.rows.at(-1)).toMatchObject({ User: 'cashier' });
    expect((screen.getByRole('textbox', { name: /^金额/ }) as HTMLInputElement).value).toBe('');
  });
});
