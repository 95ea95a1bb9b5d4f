/** Customers: the archive with search, a 360 view of one customer, and adding a customer. */
import * as React from 'react';
import { Button, Field, Input, Link, SearchBox, Text } from '@fluentui/react-components';
import { rowsOf, text } from '../../../analytics/book/book';
import type { Row } from '../../../analytics/book/types';
import type { Customer360 } from '../../../analytics/customers/customer-360';
import { formatAmount } from '../../../analytics/money/format-amount';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadCustomers } from '../engine';
import { useSession } from '../session';

/** Customers whose name, id or phone contains the query (case-insensitive). */
export function searchCustomers(customers: readonly Row[], query: string): Row[] {
  const q = query.trim().toLowerCase();
  if (!q) return customers.slice();
  return customers.filter((c) =>
    [c.CustomerId, c.Name, c.Phone, c.Contact].some((v) => text(v).toLowerCase().includes(q)),
  );
}

export function CustomersView(): JSX.Element {
  const session = useSession();
  const { book, tr } = session;
  const [query, setQuery] = React.useState('');
  const [view, setView] = React.useState<Customer360>();
  const customers = book ? rowsOf(book, 'Customers') : [];
  const found = React.useMemo(() => searchCustomers(customers, query), [customers, query]);

  const open = async (id: string) => {
    const today = book ? session.contextFor(book).now.slice(0, 10) : '';
    const v = await session.runQuery(tr('customers.open', { name: id }), async (b) =>
      (await loadCustomers()).customer360(b, id, today),
    );
    if (v) setView(v);
  };

  if (view) return <Customer360Panel view={view} onBack={() => setView(undefined)} />;
  return (
    <div>
      <Section title={tr('customers.list')}>
        <Field label={tr('customers.search')} hint={tr('customers.searchHint')}>
          <SearchBox value={query} onChange={(_, d) => setQuery(d.value)} />
        </Field>
        <Text size={200}>{tr('customers.count', { n: found.length })}</Text>
        <DataTable
          label={tr('customers.list')}
          rows={found}
          rowKey={(r) => text(r.CustomerId)}
          empty={tr('none')}
          columns={[
            { key: 'id', header: 'ID', render: (r) => text(r.CustomerId) },
            {
              key: 'name',
              header: tr('customers.name'),
              render: (r) => (
                <Link
                  as="button"
                  aria-label={tr('customers.open', { name: text(r.Name) })}
                  onClick={() => void open(text(r.CustomerId))}
                >
                  {text(r.Name)}
                </Link>
              ),
            },
            { key: 'phone', header: tr('customers.phone'), render: (r) => text(r.Phone) },
            { key: 'status', header: tr('status'), render: (r) => text(r.Status) },
          ]}
        />
      </Section>
      <AddCustomer />
    </div>
  );
}

function Customer360Panel(props: { view: Customer360; onBack(): void }): JSX.Element {
  const { tr, lang } = useSession();
  const v = props.view;
  const money = (s: string | null) => (s ? formatAmount(s) : '—');
  const facts: [string, string][] = [
    [tr('customers.opening'), money(v.openingBalance)],
    [tr('customers.inflow'), money(v.inflow)],
    [tr('customers.outflow'), money(v.outflow)],
    [tr('customers.balance'), money(v.balance)],
  ];
  return (
    <div>
      <Button appearance="subtle" onClick={props.onBack}>
        {tr('customers.back')}
      </Button>
      <Section title={`${text(v.customer.Name)} (${v.customerId})`}>
        <dl
          style={{ display: 'grid', gridTemplateColumns: 'auto auto', gap: '2px 12px', margin: 0 }}
        >
          {facts.map(([k, val]) => (
            <React.Fragment key={k}>
              <dt>{k}</dt>
              <dd style={{ margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}>
                {val}
              </dd>
            </React.Fragment>
          ))}
        </dl>
      </Section>
      <Section title={tr('customers.recent')} level={3}>
        <DataTable
          label={tr('customers.recent')}
          rows={v.recent}
          rowKey={(r) => r.entryId}
          empty={tr('none')}
          columns={[
            { key: 'date', header: tr('date'), render: (r) => r.date },
            { key: 'summary', header: tr('record.summary'), wrap: true, render: (r) => r.summary },
            { key: 'in', header: tr('customers.inflow'), numeric: true, render: (r) => r.inflow },
            {
              key: 'out',
              header: tr('customers.outflow'),
              numeric: true,
              render: (r) => r.outflow,
            },
            {
              key: 'bal',
              header: tr('customers.balance'),
              numeric: true,
              render: (r) => r.balance,
            },
          ]}
        />
      </Section>
      <Section title={tr('customers.exceptions')} level={3}>
        <DataTable
          label={tr('customers.exceptions')}
          rows={v.openExceptions}
          rowKey={(r) => text(r.FindingId)}
          empty={tr('none')}
          columns={[
            { key: 'rule', header: tr('risk.rule'), render: (r) => text(r.Rule) },
            { key: 'amount', header: tr('amount'), numeric: true, render: (r) => text(r.Amount) },
            { key: 'status', header: tr('status'), render: (r) => text(r.Status) },
          ]}
        />
      </Section>
      <Section title={tr('customers.followUps')} level={3}>
        <DataTable
          label={tr('customers.followUps')}
          rows={v.followUpsDue}
          rowKey={(r) => text(r.Id)}
          empty={tr('none')}
          columns={[
            { key: 'date', header: tr('date'), render: (r) => text(r.FollowUp) },
            {
              key: 'topic',
              header: lang === 'zh-CN' ? '主题' : 'Topic',
              render: (r) => text(r.Topic),
            },
          ]}
        />
      </Section>
    </div>
  );
}

function AddCustomer(): JSX.Element {
  const session = useSession();
  const { tr } = session;
  const [name, setName] = React.useState('');
  const [phone, setPhone] = React.useState('');
  const add = async (e: React.FormEvent) => {
    e.preventDefault();
    const result = await session.runCommand(tr('customers.add'), async (b, ctx) =>
      (await loadCustomers()).addCustomer(b, { name, phone: phone || undefined }, ctx),
    );
    if (result && result.exitCode !== 2) {
      session.notify('success', `${result.summary.customerId ?? ''} ${name}`, tr('doneTitle'));
      setName('');
      setPhone('');
    }
  };
  return (
    <Section title={tr('customers.add')}>
      <form
        onSubmit={add}
        aria-label={tr('customers.add')}
        style={{ display: 'flex', flexDirection: 'column', gap: 8 }}
      >
        <Field label={tr('customers.name')} required>
          <Input value={name} onChange={(_, d) => setName(d.value)} />
        </Field>
        <Field label={tr('customers.phone')}>
          <Input value={phone} onChange={(_, d) => setPhone(d.value)} inputMode="tel" />
        </Field>
        <Button type="submit" disabled={!name.trim() || !!session.busy}>
          {tr('customers.add')}
        </Button>
      </form>
    </Section>
  );
}
