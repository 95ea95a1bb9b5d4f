/**
 * The task pane: a tab per job, the progress bar and the messages above the active view.
 * The same component runs in Excel and in the playground; only the host differs.
 */
import * as React from 'react';
import {
  FluentProvider,
  Spinner,
  Tab,
  TabList,
  Title3,
  tokens,
  webDarkTheme,
  webLightTheme,
} from '@fluentui/react-components';
import {
  BookOpenRegular,
  ArrowImportRegular,
  DataBarVerticalRegular,
  PeopleRegular,
  SettingsRegular,
  ShieldCheckmarkRegular,
  TextBulletListSquareEditRegular,
  WarningRegular,
  ArrowSyncCheckmarkRegular,
} from '@fluentui/react-icons';
import { BusyBar } from './components/BusyBar';
import { Notices } from './components/Notices';
import { useSession, SessionProvider, type SessionProviderProps } from './session';
import type { StringKey } from './strings';
import { AuditView } from './views/AuditView';
import { CustomersView } from './views/CustomersView';
import { ImportView } from './views/ImportView';
import { NotebookView } from './views/NotebookView';
import { ReconcileView } from './views/ReconcileView';
import { RecordView } from './views/RecordView';
import { RiskView } from './views/RiskView';
import { SettingsView } from './views/SettingsView';

export type ViewKey =
  'customers' | 'record' | 'import' | 'reconcile' | 'risk' | 'notebook' | 'audit' | 'settings';

const VIEWS: { key: ViewKey; icon: JSX.Element; render: () => JSX.Element }[] = [
  { key: 'record', icon: <TextBulletListSquareEditRegular />, render: () => <RecordView /> },
  { key: 'customers', icon: <PeopleRegular />, render: () => <CustomersView /> },
  { key: 'import', icon: <ArrowImportRegular />, render: () => <ImportView /> },
  { key: 'reconcile', icon: <ArrowSyncCheckmarkRegular />, render: () => <ReconcileView /> },
  { key: 'risk', icon: <WarningRegular />, render: () => <RiskView /> },
  { key: 'notebook', icon: <DataBarVerticalRegular />, render: () => <NotebookView /> },
  { key: 'audit', icon: <ShieldCheckmarkRegular />, render: () => <AuditView /> },
  { key: 'settings', icon: <SettingsRegular />, render: () => <SettingsView /> },
];

export interface AppProps extends Omit<SessionProviderProps, 'children'> {
  /** View shown first. @default 'record' */
  initialView?: ViewKey;
  /** Extra controls above the tabs (the playground's file bar). */
  toolbar?: React.ReactNode;
}

export function App(props: AppProps): JSX.Element {
  const { initialView, toolbar, ...session } = props;
  return (
    <SessionProvider {...session}>
      <Shell initialView={initialView ?? 'record'} toolbar={toolbar} />
    </SessionProvider>
  );
}

function Shell(props: { initialView: ViewKey; toolbar?: React.ReactNode }): JSX.Element {
  const session = useSession();
  const { tr, book, busy } = session;
  const [view, setView] = React.useState<ViewKey>(props.initialView);
  const active = VIEWS.find((v) => v.key === view)!;

  React.useEffect(() => {
    document.documentElement.lang = session.lang;
  }, [session.lang]);

  return (
    <FluentProvider
      theme={session.theme === 'dark' ? webDarkTheme : webLightTheme}
      style={{ minHeight: '100vh', background: tokens.colorNeutralBackground1 }}
    >
      <div
        style={{
          padding: '8px 10px',
          display: 'flex',
          flexDirection: 'column',
          gap: 8,
          maxWidth: 720,
          margin: '0 auto',
        }}
      >
        <header>
          <Title3 as="h1" style={{ margin: 0 }}>
            {tr('appTitle')}
          </Title3>
          {props.toolbar}
        </header>
        <nav aria-label={tr('navLabel')}>
          <TabList
            selectedValue={view}
            onTabSelect={(_, d) => setView(d.value as ViewKey)}
            size="small"
            style={{ flexWrap: 'wrap' }}
          >
            {VIEWS.map((v) => (
              <Tab key={v.key} value={v.key} icon={v.icon}>
                {tr(`nav.${v.key}` as StringKey)}
              </Tab>
            ))}
          </TabList>
        </nav>
        <BusyBar />
        <Notices />
        <main aria-label={tr(`nav.${view}` as StringKey)}>
          {book ? (
            active.render()
          ) : busy ? (
            <Spinner label={tr('loading')} />
          ) : (
            <p>{tr('noBook')}</p>
          )}
        </main>
      </div>
    </FluentProvider>
  );
}
