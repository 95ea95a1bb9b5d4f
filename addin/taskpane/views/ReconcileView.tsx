/** Reconcile: run the matcher for an account and period, confirm or reject matches, see outstanding items and the 余额调节表. */
import * as React from 'react';
import { Button, Field, Input, Text } from '@fluentui/react-components';
import { CheckmarkRegular, DismissRegular } from '@fluentui/react-icons';
import { rowsOf, text } from '../../../analytics/book/book';
import type { Row } from '../../../analytics/book/types';
import type { ReconcileSummary } from '../../../analytics/reconcile/reconcile-account';
import { formatAmount } from '../../../analytics/money/format-amount';
import { AccountSelect } from '../components/AccountSelect';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadReconcile } from '../engine';
import { useSession } from '../session';
import type { StringKey } from '../strings';

const TABLE_ROWS: [string, StringKey][] = [
  ['BookBalance', 'reconcile.bookBalance'],
  ['BankReceivedNotBooked', 'reconcile.BankReceivedNotBooked'],
  ['BankPaidNotBooked', 'reconcile.BankPaidNotBooked'],
  ['AdjustedBook', 'reconcile.adjustedBook'],
  ['BankBalance', 'reconcile.bankBalance'],
  ['BookReceivedNotOnBank', 'reconcile.BookReceivedNotOnBank'],
  ['BookPaidNotOnBank', 'reconcile.BookPaidNotOnBank'],
  ['AdjustedBank', 'reconcile.adjustedBank'],
  ['Difference', 'reconcile.difference'],
];

/** The latest statement month of an account, as a default period. */
function latestPeriod(lines: readonly Row[], accountId: string): string {
  let last = '';
  for (const l of lines) if (l.AccountId === accountId && text(l.Date) > last) last = text(l.Date);
  return last.slice(0, 7);
}

export function ReconcileView(): JSX.Element {
  const session = useSession();
  const { book, tr } = session;
  const [accountId, setAccountId] = React.useState('');
  const [period, setPeriod] = React.useState('');
  const [summary, setSummary] = React.useState<ReconcileSummary>();
  const statement = book ? rowsOf(book, 'Statement') : [];
  const periodValid = /^\d{4}-(0[1-9]|1[0-2])$/.test(period);

  const chooseAccount = (id: string) => {
    setAccountId(id);
    setSummary(undefined);
    if (id) setPeriod(latestPeriod(statement, id) || period);
  };

  const run = async () => {
    const result = await session.runCommand(tr('reconcile.run'), async (b, ctx) =>
      (await loadReconcile()).reconcileAccount(b, { accountId, period }, ctx),
    );
    if (result && result.exitCode !== 2) setSummary(result.summary);
  };

  const decide = async (matchId: string, verdict: 'confirm' | 'reject') => {
    const label = tr(verdict === 'confirm' ? 'reconcile.confirm' : 'reconcile.reject', {
      id: matchId,
    });
    await session.runCommand(label, async (b, ctx) => {
      const m = await loadReconcile();
      return verdict === 'confirm'
        ? m.confirmMatch(b, { matchId }, ctx)
        : m.rejectMatch(b, { matchId }, ctx);
    });
  };

  const close = async () => {
    await session.runCommand(tr('reconcile.close', { period }), async (b, ctx) =>
      (await loadReconcile()).closePeriod(b, { period }, ctx),
    );
  };

  const matches = book
    ? rowsOf(book, 'Matches').filter((m) => m.AccountId === accountId && m.Period === period)
    : [];
  const lineById = new Map(statement.map((l) => [text(l.LineId), l]));
  const reconciliation = book
    ? rowsOf(book, 'Reconciliation').find((r) => r.AccountId === accountId && r.Period === period)
    : undefined;

  return (
    <div>
      <Section title={tr('reconcile.title')}>
        <AccountSelect
          value={accountId}
          onChange={chooseAccount}
          kinds={['bank', 'alipay', 'wechat', 'other']}
        />
        <Field
          label={tr('period')}
          validationState={period && !periodValid ? 'error' : 'none'}
          validationMessage={period && !periodValid ? 'YYYY-MM' : undefined}
        >
          <Input value={period} onChange={(_, d) => setPeriod(d.value)} placeholder="2024-01" />
        </Field>
        <Button
          appearance="primary"
          disabled={!accountId || !periodValid || !!session.busy}
          onClick={() => void run()}
        >
          {tr('reconcile.run')}
        </Button>
      </Section>
      {reconciliation ? (
        <Section title={tr('reconcile.table')}>
          <dl
            aria-label={tr('reconcile.table')}
            style={{ display: 'grid', gridTemplateColumns: '1fr auto', gap: '2px 12px', margin: 0 }}
          >
            {TABLE_ROWS.map(([key, label]) => (
              <React.Fragment key={key}>
                <dt
                  style={{
                    fontWeight: key.startsWith('Adjusted') || key === 'Difference' ? 600 : 400,
                  }}
                >
                  {tr(label)}
                </dt>
                <dd
                  data-key={key}
                  style={{ margin: 0, textAlign: 'right', fontVariantNumeric: 'tabular-nums' }}
                >
                  {text(reconciliation[key]) ? formatAmount(text(reconciliation[key])) : '—'}
                </dd>
              </React.Fragment>
            ))}
          </dl>
          <Button disabled={!!session.busy} onClick={() => void close()}>
            {tr('reconcile.close', { period })}
          </Button>
        </Section>
      ) : null}
      {accountId && periodValid ? (
        <Section title={tr('reconcile.matches')}>
          <DataTable
            label={tr('reconcile.matches')}
            rows={matches}
            rowKey={(m) => text(m.MatchId)}
            empty={tr('none')}
            columns={[
              {
                key: 'act',
                header: tr('reconcile.decide'),
                render: (m) =>
                  m.Status === 'auto' ? (
                    <span style={{ display: 'flex', gap: 4 }}>
                      <Button
                        size="small"
                        icon={<CheckmarkRegular />}
                        aria-label={tr('reconcile.confirm', { id: text(m.MatchId) })}
                        onClick={() => void decide(text(m.MatchId), 'confirm')}
                      />
                      <Button
                        size="small"
                        icon={<DismissRegular />}
                        aria-label={tr('reconcile.reject', { id: text(m.MatchId) })}
                        onClick={() => void decide(text(m.MatchId), 'reject')}
                      />
                    </span>
                  ) : null,
              },
              {
                key: 'line',
                header: tr('date'),
                render: (m) => text(lineById.get(text(m.LineIds).split(/[,;\s]+/)[0])?.Date),
              },
              {
                key: 'amount',
                header: tr('amount'),
                numeric: true,
                render: (m) => text(lineById.get(text(m.LineIds).split(/[,;\s]+/)[0])?.Amount),
              },
              { key: 'rule', header: tr('reconcile.rule'), render: (m) => text(m.Rule) },
              { key: 'status', header: tr('status'), render: (m) => text(m.Status) },
            ]}
          />
        </Section>
      ) : null}
      {summary ? (
        <Section title={tr('reconcile.outstanding')}>
          <Text>{`${tr('reconcile.difference')}: ${formatAmount(summary.difference)}`}</Text>
          <DataTable
            label={tr('reconcile.outstanding')}
            rows={summary.items}
            rowKey={(i) => `${i.kind}-${i.id}`}
            empty={tr('none')}
            columns={[
              {
                key: 'kind',
                header: tr('status'),
                render: (i) => tr(`reconcile.${i.kind}` as StringKey),
              },
              { key: 'date', header: tr('date'), render: (i) => i.date },
              { key: 'amount', header: tr('amount'), numeric: true, render: (i) => i.amount },
              { key: 'text', header: tr('record.summary'), wrap: true, render: (i) => i.text },
            ]}
          />
        </Section>
      ) : null}
    </div>
  );
}
