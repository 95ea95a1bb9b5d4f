/** Record: the cashier's entry form with live checks and 大写金额, and the latest entries with reversal. */
import * as React from 'react';
import { Button, Field, Input, Radio, RadioGroup, Text } from '@fluentui/react-components';
import { rowsOf, text } from '../../../analytics/book/book';
import { AccountSelect } from '../components/AccountSelect';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadJournal } from '../engine';
import { useSession } from '../session';
import { draftOf, useRecordForm, type Direction } from './useRecordForm';

export function RecordView(): JSX.Element {
  const session = useSession();
  const { book, tr } = session;
  const today = book ? session.contextFor(book).now.slice(0, 10) : '';
  const { form, set, check, errorOf, setTried, reset } = useRecordForm(today);
  const customers = book ? rowsOf(book, 'Customers').slice(0, 500) : [];
  const listId = React.useId();

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (Object.keys(check.errors).length || !check.amount) return;
    const draft = draftOf(form, check.amount);
    const result = await session.runCommand(tr('record.submit'), async (b, ctx) =>
      (await loadJournal()).recordEntry(b, draft, ctx),
    );
    if (result && result.exitCode !== 2) {
      session.notify(
        'success',
        `${result.summary.entryId ?? ''} ${result.summary.voucher ?? ''}`.trim(),
        tr('doneTitle'),
      );
      reset();
    }
  };

  const err = (key: Parameters<typeof errorOf>[0]) => {
    const k = errorOf(key);
    return k ? tr(k) : undefined;
  };

  return (
    <div>
      <Section title={tr('record.title')}>
        <form
          onSubmit={submit}
          noValidate
          style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
          aria-label={tr('record.title')}
        >
          <Field
            label={tr('date')}
            required
            validationMessage={err('date')}
            validationState={err('date') ? 'error' : 'none'}
          >
            <Input
              value={form.date}
              onChange={(_, d) => set('date', d.value)}
              placeholder="YYYY-MM-DD"
            />
          </Field>
          <AccountSelect
            value={form.accountId}
            onChange={(v) => set('accountId', v)}
            validationMessage={err('accountId')}
          />
          <Field label={tr('record.direction')}>
            <RadioGroup
              layout="horizontal"
              value={form.direction}
              onChange={(_, d) => set('direction', d.value as Direction)}
            >
              <Radio value="inflow" label={tr('record.inflow')} />
              <Radio value="outflow" label={tr('record.outflow')} />
            </RadioGroup>
          </Field>
          <Field
            label={tr('amount')}
            required
            validationMessage={err('amount')}
            validationState={err('amount') ? 'error' : 'none'}
          >
            <Input
              value={form.amount}
              onChange={(_, d) => set('amount', d.value)}
              inputMode="decimal"
            />
          </Field>
          <Field label={tr('record.uppercase')}>
            <Text aria-live="polite" data-testid="uppercase">
              {check.uppercase ?? '—'}
            </Text>
          </Field>
          <Field
            label={tr('record.summary')}
            required
            validationMessage={err('summary')}
            validationState={err('summary') ? 'error' : 'none'}
          >
            <Input value={form.summary} onChange={(_, d) => set('summary', d.value)} />
          </Field>
          <Field label={tr('record.customer')}>
            <Input
              value={form.customerId}
              onChange={(_, d) => set('customerId', d.value)}
              list={listId}
            />
          </Field>
          <datalist id={listId}>
            {customers.map((c) => (
              <option key={text(c.CustomerId)} value={text(c.CustomerId)}>
                {text(c.Name)}
              </option>
            ))}
          </datalist>
          <Field label={tr('record.counterAccount')}>
            <Input
              value={form.counterAccount}
              onChange={(_, d) => set('counterAccount', d.value)}
            />
          </Field>
          <Field label={tr('record.method')}>
            <Input value={form.method} onChange={(_, d) => set('method', d.value)} />
          </Field>
          <Field label={tr('record.reference')}>
            <Input value={form.reference} onChange={(_, d) => set('reference', d.value)} />
          </Field>
          <Button type="submit" appearance="primary" disabled={!!session.busy}>
            {tr('record.submit')}
          </Button>
        </form>
      </Section>
      <LatestEntries accountId={form.accountId} />
    </div>
  );
}

function LatestEntries(props: { accountId: string }): JSX.Element {
  const session = useSession();
  const { book, tr } = session;
  const [reversing, setReversing] = React.useState<string>();
  const [reason, setReason] = React.useState('');
  const entries = book
    ? rowsOf(book, 'Journal').filter((r) => !props.accountId || r.AccountId === props.accountId)
    : [];
  const latest = entries.slice(-8).reverse();

  const reverse = async (entryId: string) => {
    const result = await session.runCommand(tr('record.reverse', { id: entryId }), async (b, ctx) =>
      (await loadJournal()).reverseEntry(b, { entryId, reason }, ctx),
    );
    if (result && result.exitCode !== 2) {
      setReversing(undefined);
      setReason('');
    }
  };

  return (
    <Section title={tr('record.recent')}>
      <DataTable
        label={tr('record.recent')}
        rows={latest}
        rowKey={(r) => text(r.EntryId)}
        empty={tr('none')}
        columns={[
          { key: 'date', header: tr('date'), render: (r) => text(r.Date) },
          {
            key: 'summary',
            header: tr('record.summary'),
            wrap: true,
            render: (r) => text(r.Summary),
          },
          { key: 'in', header: tr('record.inflow'), numeric: true, render: (r) => text(r.Inflow) },
          {
            key: 'out',
            header: tr('record.outflow'),
            numeric: true,
            render: (r) => text(r.Outflow),
          },
          {
            key: 'balance',
            header: tr('customers.balance'),
            numeric: true,
            render: (r) => text(r.Balance),
          },
          {
            key: 'reverse',
            header: tr('status'),
            render: (r) =>
              r.Status === 'posted' ? (
                <Button
                  size="small"
                  aria-label={tr('record.reverse', { id: text(r.EntryId) })}
                  onClick={() => setReversing(text(r.EntryId))}
                >
                  {tr('record.reverseShort')}
                </Button>
              ) : (
                text(r.Status)
              ),
          },
        ]}
      />
      {reversing ? (
        <div style={{ display: 'flex', gap: 8, alignItems: 'flex-end' }}>
          <Field label={tr('record.reason')} style={{ flex: 1 }}>
            <Input value={reason} onChange={(_, d) => setReason(d.value)} />
          </Field>
          <Button
            appearance="primary"
            disabled={!reason.trim()}
            onClick={() => void reverse(reversing)}
          >
            {tr('record.reverse', { id: reversing })}
          </Button>
        </div>
      ) : null}
    </Section>
  );
}
