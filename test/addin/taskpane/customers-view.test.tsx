/** @jest-environment jsdom */
import * as React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyBook } from '../../../analytics/book/book';
import { CustomersView, searchCustomers } from '../../../addin/taskpane/views/CustomersView';
import { renderView } from './render-pane';

function bookWithCustomers() {
  const book = emptyBook('en-US');
  book.tables.Customers!.rows = [
    {
      CustomerId: 'C0001',
      Name: 'Test Trading Co',
      Phone: '13800138000',
      OpeningBalance: '100.00',
      Status: 'active',
    },
    {
      CustomerId: 'C0002',
      Name: 'Sample Foods Ltd',
      Phone: '02162345678',
      OpeningBalance: '0.00',
      Status: 'active',
    },
  ];
  book.tables.Journal!.rows = [
    {
      EntryId: 'J1',
      Date: '2024-01-10',
      AccountId: 'CASH',
      CustomerId: 'C0001',
      Summary: 'Receipt',
      Inflow: '300.00',
      Status: 'posted',
    },
    {
      EntryId: 'J2',
      Date: '2024-01-20',
      AccountId: 'CASH',
      CustomerId: 'C0001',
      Summary: 'Refund',
      Outflow: '50.50',
      Status: 'posted',
    },
  ];
  return book;
}

describe('searchCustomers', () => {
  it.each([
    ['trading', ['C0001']],
    ['C0002', ['C0002']],
    ['0216', ['C0002']],
    ['', ['C0001', 'C0002']],
  ])('finds %p in name, id or phone', (query, ids) => {
    expect(
      searchCustomers(bookWithCustomers().tables.Customers!.rows, query).map((c) => c.CustomerId),
    ).toEqual(ids);
  });
});

describe('CustomersView', () => {
  it('filters the list as the user types in the search box', async () => {
    await renderView(<CustomersView />, bookWithCustomers(), 'en-US');

    await userEvent.type(screen.getByRole('searchbox'), 'foods');

    expect(screen.getByText('1 customers')).toBeTruthy();
    expect(screen.queryByText('Test Trading Co')).toBeNull();
  });

  it('opens the 360 view with the balance: 100.00 + 300.00 − 50.50', async () => {
    await renderView(<CustomersView />, bookWithCustomers(), 'en-US');

    await userEvent.click(screen.getByRole('button', { name: 'Open 360 view of Test Trading Co' }));

    const balance = await screen.findByText('Balance', { selector: 'dt' });
    expect(balance.nextElementSibling?.textContent).toBe('349.50');
  });
});
