/** Render the pane (or one view) over a MemoryHost holding a given book, with a pinned clock. */
import * as React from 'react';
import { render, screen } from '@testing-library/react';
import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import type { Book } from '../../../analytics/book/types';
import { MemoryHost } from '../../../addin/excel/memory-host';
import { setConsoleLevel } from '../../../addin/log';
import { SessionProvider, useSession } from '../../../addin/taskpane/session';
import type { Lang } from '../../../analytics/book/schema';

setConsoleLevel('error');

// jsdom lacks TextEncoder/TextDecoder, which the audit hashing uses; Node's serve.
if (typeof globalThis.TextEncoder === 'undefined') {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const util = require('node:util') as typeof import('node:util');
  Object.assign(globalThis, { TextEncoder: util.TextEncoder, TextDecoder: util.TextDecoder });
}

/** 2024-03-31 12:00 in Shanghai. */
export const PINNED = () => new Date(Date.UTC(2024, 2, 31, 4, 0, 0));

export async function renderView(view: React.ReactElement, book: Book, lang: Lang = 'zh-CN') {
  const host = MemoryHost.fromBook(book);
  const utils = render(
    <FluentProvider theme={webLightTheme}>
      <SessionProvider host={host} lang={lang} clock={PINNED}>
        <WhenRead>{view}</WhenRead>
      </SessionProvider>
    </FluentProvider>,
  );
  // The session reads the book first; views render once it is in.
  await screen.findByTestId('book-read', undefined, { timeout: 5000 });
  return { host, ...utils };
}

/** Render the view once the session has read the book, as the pane's shell does. */
function WhenRead(props: { children: React.ReactNode }): JSX.Element | null {
  const { book } = useSession();
  return book ? <div data-testid="book-read">{props.children}</div> : null;
}
