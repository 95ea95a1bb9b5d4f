/** @jest-environment jsdom */
import * as React from 'react';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { emptyBook } from '../../../analytics/book/book';
import type { Lang } from '../../../analytics/book/schema';
import { closePeriod } from '../../../analytics/reconcile/close-period';
import { Notices } from '../../../addin/taskpane/components/Notices';
import { useSession } from '../../../addin/taskpane/session';
import { renderView } from './render-pane';

/** A button that closes 2024-03, which the book has already closed, and the pane's notices. */
function CloseAgain(): JSX.Element {
  const { runCommand } = useSession();
  return (
    <>
      <button
        onClick={() =>
          void runCommand('close', (b, ctx) => closePeriod(b, { period: '2024-03' }, ctx))
        }
      >
        close 2024-03
      </button>
      <Notices />
    </>
  );
}

describe('the pane session on an engine refusal', () => {
  it.each<[Lang, string]>([
    ['zh-CN', '期间 2024-03 已经结账。'],
    ['en-US', 'Period 2024-03 is already closed.'],
  ])('shows the refusal in the %s user’s language', async (lang, said) => {
    const book = emptyBook(lang);
    book.tables.Periods!.rows = [{ Period: '2024-03', Status: 'closed' }];
    await renderView(<CloseAgain />, book, lang);

    await userEvent.click(screen.getByRole('button', { name: 'close 2024-03' }));

    expect(await screen.findByText(said)).toBeTruthy();
  });
});
