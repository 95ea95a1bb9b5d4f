/** Risk: scan the journal, list findings with their status, and review one (status, assignee, note). */
import * as React from 'react';
import { Button, Field, Input, Link, Select, Text, Textarea } from '@fluentui/react-components';
import { rowsOf, text } from '../../../analytics/book/book';
import { EXCEPTION_STATUSES } from '../../../analytics/book/schema';
import type { Row } from '../../../analytics/book/types';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadRisk } from '../engine';
import { useSession } from '../session';

type Status = (typeof EXCEPTION_STATUSES)[number];
const CLOSED = new Set(['resolved', 'dismissed']);
const SEVERITY_ORDER: Record<string, number> = { high: 0, medium: 1, low: 2 };

export function RiskView(): JSX.Element {
  const session = useSession();
  const { book, tr } = session;
  const [filter, setFilter] = React.useState<'open' | 'all'>('open');
  const [selected, setSelected] = React.useState<string>();
  const all = book ? rowsOf(book, 'Exceptions') : [];
  const shown = all
    .filter((r) => filter === 'all' || !CLOSED.has(text(r.Status)))
    .sort(
      (a, b) => (SEVERITY_ORDER[text(a.Severity)] ?? 3) - (SEVERITY_ORDER[text(b.Severity)] ?? 3),
    );
  const current = all.find((r) => r.FindingId === selected);

  const scan = async () => {
    await session.runCommand(tr('risk.scan'), async (b, ctx) =>
      (await loadRisk()).scanRisk(b, {}, ctx),
    );
  };

  return (
    <div>
      <Section title={tr('risk.title')}>
        <Button appearance="primary" disabled={!!session.busy} onClick={() => void scan()}>
          {tr('risk.scan')}
        </Button>
        <Field label={tr('risk.filter')}>
          <Select value={filter} onChange={(_, d) => setFilter(d.value as 'open' | 'all')}>
            <option value="open">{tr('risk.filterOpen')}</option>
            <option value="all">{tr('risk.filterAll')}</option>
          </Select>
        </Field>
        <DataTable
          label={tr('risk.title')}
          rows={shown}
          rowKey={(r) => text(r.FindingId)}
          empty={tr('none')}
          columns={[
            { key: 'sev', header: tr('risk.severity'), render: (r) => text(r.Severity) },
            {
              key: 'rule',
              header: tr('risk.rule'),
              render: (r) => (
                <Link
                  as="button"
                  aria-label={tr('risk.review', { id: text(r.FindingId) })}
                  onClick={() => setSelected(text(r.FindingId))}
                >
                  {text(r.Rule)}
                </Link>
              ),
            },
            { key: 'amount', header: tr('amount'), numeric: true, render: (r) => text(r.Amount) },
            { key: 'date', header: tr('date'), render: (r) => text(r.Date) },
            { key: 'status', header: tr('status'), render: (r) => text(r.Status) },
          ]}
        />
      </Section>
      {current ? (
        <ReviewForm
          key={text(current.FindingId)}
          finding={current}
          onDone={() => setSelected(undefined)}
        />
      ) : null}
    </div>
  );
}

function ReviewForm(props: { finding: Row; onDone(): void }): JSX.Element {
  const session = useSession();
  const { tr } = session;
  const f = props.finding;
  const [status, setStatus] = React.useState<Status>((text(f.Status) || 'open') as Status);
  const [assignee, setAssignee] = React.useState(text(f.Assignee));
  const [note, setNote] = React.useState('');
  const id = text(f.FindingId);

  const save = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await session.runCommand(tr('risk.review', { id }), async (b, ctx) =>
      (await loadRisk()).reviewException(
        b,
        { findingId: id, status, assignee: assignee || undefined, note: note || undefined },
        ctx,
      ),
    );
    if (result && result.exitCode !== 2) props.onDone();
  };

  return (
    <Section title={tr('risk.review', { id })}>
      <Text>{text(f.Explanation)}</Text>
      {text(f.Notes) ? (
        <Text size={200} style={{ whiteSpace: 'pre-wrap' }}>
          {text(f.Notes)}
        </Text>
      ) : null}
      <form
        onSubmit={save}
        aria-label={tr('risk.review', { id })}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        <Field label={tr('status')}>
          <Select value={status} onChange={(_, d) => setStatus(d.value as Status)}>
            {EXCEPTION_STATUSES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </Select>
        </Field>
        <Field label={tr('risk.assignee')}>
          <Input value={assignee} onChange={(_, d) => setAssignee(d.value)} />
        </Field>
        <Field label={tr('risk.note')} required={CLOSED.has(status)}>
          <Textarea value={note} onChange={(_, d) => setNote(d.value)} />
        </Field>
        <Button
          type="submit"
          appearance="primary"
          disabled={!!session.busy || (CLOSED.has(status) && !note.trim())}
        >
          {tr('risk.saveReview')}
        </Button>
      </form>
    </Section>
  );
}
