/** @jest-environment jsdom */
import * as React from 'react';
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyBook } from '../../../analytics/book/book';
import { RiskView } from '../../../addin/taskpane/views/RiskView';
import { renderView } from './render-pane';

function bookWithFinding() {
  const book = emptyBook('en-US');
  book.tables.Exceptions!.rows = [
    {
      FindingId: 'F-1',
      Rule: 'large-cash',
      Severity: 'high',
      EntryIds: 'J1',
      Amount: '60000.00',
      Date: '2024-01-10',
      Explanation: 'Cash receipt of 60,000.00 is at or above 50,000',
      Status: 'open',
      FirstSeen: '2024-01-31 10:00:00',
      LastSeen: '2024-01-31 10:00:00',
    },
    {
      FindingId: 'F-2',
      Rule: 'weekend',
      Severity: 'low',
      EntryIds: 'J2',
      Amount: '300.00',
      Date: '2024-01-13',
      Explanation: 'Entry on a Saturday',
      Status: 'dismissed',
    },
  ];
  return book;
}

describe('RiskView', () => {
  it('lists open findings first and hides closed ones until asked', async () => {
    await renderView(<RiskView />, bookWithFinding(), 'en-US');

    expect(screen.getByRole('button', { name: 'Review F-1' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Review F-2' })).toBeNull();

    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Show' }), 'all');
    expect(screen.getByRole('button', { name: 'Review F-2' })).toBeTruthy();
  });

  it('saves a review: status, assignee and note reach the Exceptions table and the audit log', async () => {
    const { host } = await renderView(<RiskView />, bookWithFinding(), 'en-US');

    await userEvent.click(screen.getByRole('button', { name: 'Review F-1' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'escalated');
    await userEvent.type(screen.getByRole('textbox', { name: 'Assignee' }), 'Finance manager');
    await userEvent.type(
      screen.getByRole('textbox', { name: 'Note' }),
      'Amount is large, asked the manager',
    );
    await userEvent.click(screen.getByRole('button', { name: 'Save review' }));

    await waitFor(
      async () =>
        expect((await host.readBook()).book.tables.Exceptions!.rows[0].Status).toBe('escalated'),
      { timeout: 5000 },
    );
    const { book } = await host.readBook();
    expect(book.tables.Exceptions!.rows[0]).toMatchObject({ Assignee: 'Finance manager' });
    expect(String(book.tables.Exceptions!.rows[0].Notes)).toContain(
      'Amount is large, asked the manager',
    );
    expect(book.tables.AuditLog!.rows).toHaveLength(1);
  });

  it('needs a note before a finding can be dismissed', async () => {
    await renderView(<RiskView />, bookWithFinding(), 'en-US');

    await userEvent.click(screen.getByRole('button', { name: 'Review F-1' }));
    await userEvent.selectOptions(screen.getByRole('combobox', { name: 'Status' }), 'dismissed');

    expect(
      (screen.getByRole('button', { name: 'Save review' }) as HTMLButtonElement).disabled,
    ).toBe(true);
  });
});
