/** @jest-environment jsdom */
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyBook } from '../../../analytics/book/book';
import { ReconcileView } from '../../../addin/taskpane/views/ReconcileView';
import { renderView } from './render-pane';

/** BANK1 opens at 1,000.00; the book has a 500.00 receipt on 01-05 the bank shows on 01-06, and a 200.00 payment the bank has not seen. */
function bookToReconcile() {
  const book = emptyBook('en-US');
  book.tables.Accounts!.rows = [
    {
      AccountId: 'BANK1',
      Name: 'Test bank',
      Kind: 'bank',
      Currency: 'CNY',
      OpeningBalance: '1000.00',
      OpeningDate: '2023-12-31',
    },
  ];
  book.tables.Journal!.rows = [
    {
      EntryId: 'J1',
      Date: '2024-01-05',
      AccountId: 'BANK1',
      Summary: 'Receipt',
      Inflow: '500.00',
      Status: 'posted',
    },
    {
      EntryId: 'J2',
      Date: '2024-01-30',
      AccountId: 'BANK1',
      Summary: 'Cheque 88',
      Outflow: '200.00',
      Status: 'posted',
    },
  ];
  book.tables.Statement!.rows = [
    {
      LineId: 'L1',
      AccountId: 'BANK1',
      Date: '2024-01-06',
      Amount: '500.00',
      Description: 'Receipt',
      RunningBalance: '1500.00',
    },
  ];
  return book;
}

describe('ReconcileView', () => {
  it('reconciles, shows the 余额调节表 tying out, and confirms the match', async () => {
    const { host } = await renderView(<ReconcileView />, bookToReconcile(), 'en-US');

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Account' }), 'BANK1');
    await userEvent.click(screen.getByRole('button', { name: 'Reconcile' }));

    // Book 1,300.00 (1,000 + 500 − 200); bank 1,500.00 less the 200.00 cheque not yet on the bank.
    await screen.findByRole(
      'heading',
      { name: 'Balance reconciliation (余额调节表)' },
      { timeout: 5000 },
    );
    expect(screen.getByText('Book balance').nextElementSibling?.textContent).toBe('1,300.00');
    expect(screen.getByText('Adjusted bank balance').nextElementSibling?.textContent).toBe(
      '1,300.00',
    );
    expect(screen.getByText('Difference', { selector: 'dt' }).nextElementSibling?.textContent).toBe(
      '0.00',
    );

    await userEvent.click(screen.getAllByRole('button', { name: /^Confirm match / })[0]);
    await waitFor(
      async () =>
        expect((await host.readBook()).book.tables.Matches!.rows[0].Status).toBe('confirmed'),
      { timeout: 5000 },
    );
  });
});
