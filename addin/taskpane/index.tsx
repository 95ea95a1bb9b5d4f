/**
 * Task pane entry in Excel. Waits for Office (at most a few seconds), picks ExcelHost, and
 * renders the pane in Office's display language. Outside Office (the page opened directly),
 * it says so instead of pretending; the playground is the page for a plain browser.
 */
/// <reference types="office-js" />
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { ExcelHost } from '../excel/excel-host';
import { log } from '../log';
import { setFunctionsBook } from '../functions/book-snapshot';
import { App } from './App';
import { paneLanguage } from './strings';

const OFFICE_WAIT_MS = 3000;

/** Office.onReady, or undefined when Office does not answer in time (page opened outside Office). */
async function waitForOffice(): Promise<{ host: Office.HostType | null } | undefined> {
  if (typeof Office === 'undefined') return undefined;
  const timeout = new Promise<undefined>((r) => setTimeout(() => r(undefined), OFFICE_WAIT_MS));
  return Promise.race([Office.onReady().then((info) => ({ host: info.host })), timeout]);
}

async function start(): Promise<void> {
  const root = createRoot(document.getElementById('root')!);
  const info = await waitForOffice();
  if (!info || info.host !== Office.HostType.Excel) {
    log.warn('pane-outside-excel', { host: info?.host ?? null });
    root.render(
      <p style={{ fontFamily: 'sans-serif', padding: 12 }}>
        Open Cashbook from Excel (Home › Add-ins), or use the playground page.
      </p>,
    );
    return;
  }
  const lang = paneLanguage(Office.context.displayLanguage);
  const host = new ExcelHost({ lang });
  log.info('pane-start', { lang, platform: String(Office.context.platform) });
  root.render(<App host={host} lang={lang} onBookChanged={setFunctionsBook} />);
}

void start();
