/** Audit: verify the hash-chained audit log, entry hashes and balances; show the latest audit rows. */
import * as React from 'react';
import { Button, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { rowsOf, text } from '../../../analytics/book/book';
import type { VerifyResult } from '../../../analytics/audit/verify-book';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { loadAudit } from '../engine';
import { useSession } from '../session';

export function AuditView(): JSX.Element {
  const session = useSession();
  const { book, tr, lang } = session;
  const [result, setResult] = React.useState<VerifyResult>();
  const log = book ? rowsOf(book, 'AuditLog') : [];

  const verify = async () => {
    const r = await session.runQuery(tr('audit.verify'), async (b) =>
      (await loadAudit()).verifyBook(b),
    );
    if (r) setResult(r);
  };

  return (
    <div>
      <Section title={tr('audit.title')}>
        <Button appearance="primary" disabled={!!session.busy} onClick={() => void verify()}>
          {tr('audit.verify')}
        </Button>
        {result ? (
          <MessageBar intent={result.ok ? 'success' : 'error'}>
            <MessageBarBody>
              {result.ok ? tr('audit.ok') : tr('audit.failed', { n: result.problems.length })}
            </MessageBarBody>
          </MessageBar>
        ) : null}
        {result && !result.ok ? (
          <DataTable
            label={tr('audit.failed', { n: result.problems.length })}
            rows={result.problems}
            rowKey={(_, i) => String(i)}
            columns={[
              {
                key: 'table',
                header: 'Table',
                render: (p) => `${p.table}${p.row ? ' #' + p.row : ''}`,
              },
              {
                key: 'msg',
                header: tr('risk.explanation'),
                wrap: true,
                render: (p) => p.message[lang],
              },
            ]}
          />
        ) : null}
      </Section>
      <Section title={tr('audit.entries', { n: log.length })} level={3}>
        <DataTable
          label={tr('audit.entries', { n: log.length })}
          rows={log.slice(-10).reverse()}
          rowKey={(r) => text(r.Seq)}
          empty={tr('none')}
          columns={[
            { key: 'seq', header: '#', render: (r) => text(r.Seq) },
            { key: 'at', header: tr('date'), render: (r) => text(r.At) },
            { key: 'action', header: 'Action', render: (r) => text(r.Action) },
            { key: 'user', header: 'User', render: (r) => text(r.User) },
          ]}
        />
        <Text size={200}>
          {log.length ? text(log[log.length - 1].Hash).slice(0, 16) + '…' : ''}
        </Text>
      </Section>
    </div>
  );
}
