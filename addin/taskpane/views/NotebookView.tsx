/** Notebook: the book's analysis cells; run one or all and see each result's first rows. */
import * as React from 'react';
import { Button, Text } from '@fluentui/react-components';
import { PlayRegular } from '@fluentui/react-icons';
import type { NotebookCell } from '../../../analytics/notebook/types';
import type { Cell, ResultSheet } from '../../../analytics/book/types';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadNotebook } from '../engine';
import { useSession } from '../session';

export function NotebookView(): JSX.Element {
  const session = useSession();
  const { book, tr, lang } = session;
  const [cells, setCells] = React.useState<NotebookCell[]>([]);
  const [ran, setRan] = React.useState<
    Record<string, { sheet?: string; rows?: number; error?: string }>
  >({});

  React.useEffect(() => {
    if (!book) return;
    let live = true;
    void loadNotebook().then((m) => {
      const stored = m.notebookCells(book);
      if (live) setCells(stored.length ? stored : m.defaultNotebook(book.lang));
    });
    return () => {
      live = false;
    };
  }, [book]);

  const run = async (only?: string[]) => {
    const result = await session.runCommand(
      only
        ? tr('notebook.runCell', { title: cells.find((c) => c.id === only[0])?.title ?? '' })
        : tr('notebook.runAll'),
      async (b, ctx) => (await loadNotebook()).runNotebook(b, ctx, { only }),
    );
    if (!result) return;
    setRan((r) => ({
      ...r,
      ...Object.fromEntries(
        result.summary.cells.map((c) => [c.id, { sheet: c.sheet, rows: c.rows, error: c.error }]),
      ),
    }));
  };

  return (
    <div>
      <Section title={tr('notebook.title')}>
        <Button
          appearance="primary"
          icon={<PlayRegular />}
          disabled={!!session.busy || !cells.length}
          onClick={() => void run()}
        >
          {tr('notebook.runAll')}
        </Button>
      </Section>
      {cells.map((c) => {
        const r = ran[c.id];
        const sheet: ResultSheet | undefined = r?.sheet ? book?.sheets?.[r.sheet] : undefined;
        return (
          <Section key={c.id} title={c.title} level={3}>
            <Button
              size="small"
              icon={<PlayRegular />}
              disabled={!!session.busy}
              onClick={() => void run([c.id])}
              aria-label={tr('notebook.runCell', { title: c.title })}
            >
              {tr('run')}
            </Button>
            {r?.error ? (
              <Text style={{ color: 'var(--colorPaletteRedForeground1)' }}>{r.error}</Text>
            ) : null}
            {sheet ? (
              <>
                <Text size={200}>
                  {tr('notebook.sheet', { sheet: sheet.name, rows: sheet.rows.length })}
                </Text>
                <DataTable<Cell[]>
                  label={`${c.title} (${lang})`}
                  rows={sheet.rows}
                  limit={6}
                  rowKey={(_, i) => String(i)}
                  columns={sheet.columns.slice(0, 4).map((col, i) => ({
                    key: String(i),
                    header: col.header,
                    numeric: col.type === 'amount',
                    render: (row) => String(row[i] ?? ''),
                  }))}
                />
              </>
            ) : null}
          </Section>
        );
      })}
    </div>
  );
}
