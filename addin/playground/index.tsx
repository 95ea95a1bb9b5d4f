/**
 * The playground: the task pane in a plain browser over an in-memory workbook (MemoryHost),
 * starting from the sample book or an .xlsx the user opens, with the result downloadable as
 * .xlsx. Query parameters: `lang=zh-CN|en-US`, `theme=light|dark`, `view=<tab>`.
 * `window.__cashbook` exposes the host and the book for browser tests.
 */
import * as React from 'react';
import { createRoot } from 'react-dom/client';
import { Button, Caption1 } from '@fluentui/react-components';
import { ArrowDownloadRegular, DocumentRegular, FolderOpenRegular } from '@fluentui/react-icons';
import type { Book } from '../../analytics/book/types';
import { MemoryHost } from '../excel/memory-host';
import { log } from '../log';
import { App, type ViewKey } from '../taskpane/App';
import { paneLanguage, translate } from '../taskpane/strings';
import type { Theme } from '../taskpane/session';
import { bookFromXlsx, sampleBook, xlsxFromBook } from './workbook-files';

declare global {
  interface Window {
    __cashbook?: { host: MemoryHost; book(): Promise<Book>; xlsx(): Promise<Uint8Array> };
  }
}

const params = new URLSearchParams(location.search);
const lang = paneLanguage(params.get('lang') ?? navigator.language);
const theme: Theme = params.get('theme') === 'dark' ? 'dark' : 'light';
const view = (params.get('view') ?? undefined) as ViewKey | undefined;

function Playground(props: { initial: MemoryHost }): JSX.Element {
  const [host, setHost] = React.useState(props.initial);
  const [name, setName] = React.useState('sample.xlsx');
  // A new workbook means a new session: the App remounts with the new host.
  const [generation, setGeneration] = React.useState(0);
  const use = (next: MemoryHost, fileName: string) => {
    setName(fileName);
    setHost(next);
    setGeneration((g) => g + 1);
  };
  const input = React.useRef<HTMLInputElement>(null);
  const tr = (k: Parameters<typeof translate>[1]) => translate(lang, k);

  React.useEffect(() => {
    window.__cashbook = {
      host,
      book: async () => (await host.readBook()).book,
      xlsx: async () => xlsxFromBook((await host.readBook()).book),
    };
  }, [host]);

  const open = async (file: File | undefined) => {
    if (!file) return;
    const { book, problems } = await bookFromXlsx(await file.arrayBuffer(), file.name);
    log.info('playground-open', { file: file.name, problems: problems.length });
    use(MemoryHost.fromBook(book), file.name);
  };
  const download = async () => {
    const bytes = await xlsxFromBook((await host.readBook()).book);
    const url = URL.createObjectURL(
      new Blob([bytes.slice().buffer as ArrayBuffer], {
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      }),
    );
    const a = document.createElement('a');
    a.href = url;
    a.download = name.replace(/\.xlsx$/i, '') + '-cashbook.xlsx';
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };
  const sample = async () => {
    use(MemoryHost.fromBook(await sampleBook(lang)), 'sample.xlsx');
  };

  const toolbar = (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4, alignItems: 'center', marginTop: 4 }}>
      <Caption1>
        {tr('playground.title')} · {name}
      </Caption1>
      <Button size="small" icon={<FolderOpenRegular />} onClick={() => input.current?.click()}>
        {tr('playground.open')}
      </Button>
      <input
        ref={input}
        type="file"
        accept=".xlsx"
        hidden
        aria-label={tr('playground.open')}
        onChange={(e) => void open(e.target.files?.[0])}
      />
      <Button size="small" icon={<ArrowDownloadRegular />} onClick={() => void download()}>
        {tr('playground.download')}
      </Button>
      <Button size="small" icon={<DocumentRegular />} onClick={() => void sample()}>
        {tr('playground.sample')}
      </Button>
    </div>
  );
  return (
    <App
      key={generation}
      host={host}
      lang={lang}
      theme={theme}
      initialView={view}
      toolbar={toolbar}
    />
  );
}

async function start(): Promise<void> {
  const host = MemoryHost.fromBook(await sampleBook(lang));
  createRoot(document.getElementById('root')!).render(<Playground initial={host} />);
}

void start();
