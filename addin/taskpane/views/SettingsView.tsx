/** Settings: language, theme, the user name written to the audit log, the book's settings, and diagnostics. */
import * as React from 'react';
import { Button, Field, Input, Select, Text } from '@fluentui/react-components';
import { rowsOf, text } from '../../../analytics/book/book';
import type { Lang } from '../../../analytics/book/schema';
import { recentLog } from '../../log';
import { DataTable } from '../components/DataTable';
import { Section } from '../components/Section';
import { useSession, type Theme } from '../session';

export function SettingsView(): JSX.Element {
  const session = useSession();
  const { tr, book } = session;
  const settings = book ? rowsOf(book, 'Settings') : [];
  const syncs = recentLog()
    .filter((e) => e.event === 'pane-command')
    .reduce((n, e) => n + Number(e.data?.syncs ?? 0), 0);
  return (
    <div>
      <Section title={tr('settings.title')}>
        <Field label={tr('settings.language')}>
          <Select value={session.lang} onChange={(_, d) => session.setLang(d.value as Lang)}>
            <option value="zh-CN">中文（简体）</option>
            <option value="en-US">English</option>
          </Select>
        </Field>
        <Field label={tr('settings.theme')}>
          <Select value={session.theme} onChange={(_, d) => session.setTheme(d.value as Theme)}>
            <option value="light">{tr('settings.light')}</option>
            <option value="dark">{tr('settings.dark')}</option>
          </Select>
        </Field>
        <Field label={tr('settings.user')}>
          <Input value={session.user} onChange={(_, d) => session.setUser(d.value)} />
        </Field>
        <Text>
          {tr('settings.host', {
            host: tr(session.host.kind === 'excel' ? 'settings.hostExcel' : 'settings.hostMemory'),
          })}
        </Text>
        <Text>{tr('settings.syncs', { n: syncs })}</Text>
        <Button onClick={() => void session.reload()} disabled={!!session.busy}>
          {tr('settings.reload')}
        </Button>
      </Section>
      <Section title={tr('settings.book')} level={3}>
        <DataTable
          label={tr('settings.book')}
          rows={settings}
          rowKey={(r) => text(r.Key)}
          columns={[
            { key: 'k', header: 'Key', render: (r) => text(r.Key) },
            { key: 'v', header: 'Value', render: (r) => text(r.Value) },
          ]}
        />
      </Section>
    </div>
  );
}
