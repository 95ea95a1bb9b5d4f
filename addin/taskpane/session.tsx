/**
 * The pane's session: the host, the book as last read, the language, and the one way every
 * view runs an engine command (compute → commit with an AuditLog row → write through the
 * host). Long work shows progress and can be cancelled until the write starts; a write is
 * never cut half way, so a cancelled command leaves the workbook as it was.
 */
import * as React from 'react';
import { commitCommand } from '../../analytics/book/commit-command';
import { formatInZone } from '../../analytics/book/dates';
import type { Lang } from '../../analytics/book/schema';
import type { Book, CommandContext, CommandResult, Message } from '../../analytics/book/types';
import { problemText, type Problem } from '../../analytics/util/problem';
import { isAnalyticsError } from '../../analytics/util/error';
import type { WorkbookHost } from '../excel/workbook-host';
import { log } from '../log';
import { translate, type StringKey } from './strings';

export interface Notice {
  id: number;
  intent: 'error' | 'warning' | 'success' | 'info';
  title?: string;
  text: string;
}

export interface BusyState {
  label: string;
  /** Chunks written out of the total, while writing. */
  progress?: { done: number; total: number };
  cancellable: boolean;
}

export type Theme = 'light' | 'dark';

export interface PaneSession {
  lang: Lang;
  setLang(lang: Lang): void;
  theme: Theme;
  setTheme(theme: Theme): void;
  user: string;
  setUser(user: string): void;
  tr(key: StringKey, values?: Record<string, string | number>): string;
  host: WorkbookHost;
  book: Book | undefined;
  problems: Problem[];
  busy: BusyState | undefined;
  notices: Notice[];
  notify(intent: Notice['intent'], text: string, title?: string): void;
  dismiss(id: number): void;
  cancel(): void;
  /** Read the workbook again (after the user edited it by hand, say). */
  reload(): Promise<void>;
  /** Run an engine command and write its changes; resolves to the result, or undefined when cancelled or failed. */
  runCommand<S>(
    label: string,
    compute: (book: Book, ctx: CommandContext) => CommandResult<S> | Promise<CommandResult<S>>,
  ): Promise<CommandResult<S> | undefined>;
  /** Run a read-only computation with the same progress and error handling. */
  runQuery<T>(
    label: string,
    compute: (book: Book, ctx: CommandContext) => T | Promise<T>,
  ): Promise<T | undefined>;
  /** Command context for "now" in the book's zone. */
  contextFor(book: Book): CommandContext;
}

const SessionContext = React.createContext<PaneSession | undefined>(undefined);

/** The current pane session; views call this. */
export function useSession(): PaneSession {
  const s = React.useContext(SessionContext);
  if (!s) throw new Error('useSession outside <SessionProvider>');
  return s;
}

export interface SessionProviderProps {
  host: WorkbookHost;
  /** Display language from Office (or the playground). */
  lang: Lang;
  theme?: Theme;
  /** Clock for command contexts; tests pin it. @default () => new Date() */
  clock?: () => Date;
  /** Called after every successful write, e.g. to refresh custom functions' snapshot. */
  onBookChanged?: (book: Book) => void;
  children: React.ReactNode;
}

class Cancelled extends Error {}

/** One macrotask turn, so a Cancel click queued during a long synchronous step is seen. */
const settle = () => new Promise((r) => setTimeout(r, 0));

export function SessionProvider(props: SessionProviderProps): JSX.Element {
  const { host, clock = () => new Date(), onBookChanged } = props;
  const [lang, setLang] = React.useState<Lang>(props.lang);
  const [theme, setTheme] = React.useState<Theme>(props.theme ?? 'light');
  const [user, setUser] = React.useState('cashier');
  const [book, setBook] = React.useState<Book>();
  const [problems, setProblems] = React.useState<Problem[]>([]);
  const [busy, setBusy] = React.useState<BusyState>();
  const [notices, setNotices] = React.useState<Notice[]>([]);
  const abort = React.useRef<AbortController>();
  const nextId = React.useRef(1);
  const bookRef = React.useRef<Book>();
  bookRef.current = book;

  const tr = React.useCallback(
    (key: StringKey, values?: Record<string, string | number>) => translate(lang, key, values),
    [lang],
  );

  const notify = React.useCallback((intent: Notice['intent'], text: string, title?: string) => {
    setNotices((list) => [...list, { id: nextId.current++, intent, text, title }].slice(-8));
  }, []);
  const dismiss = React.useCallback(
    (id: number) => setNotices((list) => list.filter((n) => n.id !== id)),
    [],
  );

  const contextFor = React.useCallback(
    (b: Book): CommandContext => ({ now: formatInZone(clock(), b.timeZone), user, lang }),
    [clock, user, lang],
  );

  const showMessages = React.useCallback(
    (messages: readonly Message[]) => {
      // Many rows can each say something; show the first few of each level and a count.
      for (const level of ['error', 'warn', 'info'] as const) {
        const list = messages.filter((m) => m.level === level);
        const shown = list.slice(0, level === 'info' ? 3 : 5);
        for (const m of shown)
          notify(level === 'warn' ? 'warning' : level === 'error' ? 'error' : 'info', m.text[lang]);
        if (list.length > shown.length)
          notify(
            level === 'warn' ? 'warning' : level === 'error' ? 'error' : 'info',
            lang === 'zh-CN'
              ? `另有 ${list.length - shown.length} 条`
              : `${list.length - shown.length} more`,
          );
      }
    },
    [lang, notify],
  );

  const fail = React.useCallback(
    (e: unknown) => {
      if (e instanceof Cancelled) {
        notify('info', translate(lang, 'cancelled'));
        return;
      }
      // An engine refusal carries its text in both languages; show the user's.
      const text = isAnalyticsError(e) ? e.text[lang] : e instanceof Error ? e.message : String(e);
      log.error('pane-command-failed', {
        code: isAnalyticsError(e) ? e.code : undefined,
        message: e instanceof Error ? e.message : String(e),
      });
      notify('error', text, translate(lang, 'errorTitle'));
    },
    [lang, notify],
  );

  /** Start work: busy on, a fresh abort controller, and a turn of the event loop so the progress bar paints. */
  const begin = React.useCallback(async (label: string) => {
    abort.current = new AbortController();
    setBusy({ label, cancellable: true });
    await settle();
    return abort.current.signal;
  }, []);
  const check = (signal: AbortSignal) => {
    if (signal.aborted) throw new Cancelled();
  };

  const reload = React.useCallback(async () => {
    setBusy({ label: translate(lang, 'loading'), cancellable: false });
    try {
      const read = await host.readBook();
      setBook(read.book);
      setProblems(read.problems);
      for (const p of read.problems.slice(0, 5))
        notify(p.severity === 'error' ? 'error' : 'warning', problemText(p)[lang]);
      onBookChanged?.(read.book);
    } catch (e) {
      fail(e);
    } finally {
      setBusy(undefined);
    }
  }, [host, lang, notify, fail, onBookChanged]);

  React.useEffect(() => {
    void reload();
    // Read once per host; later reads are the user's (Reload) or follow writes.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [host]);

  const runQuery = React.useCallback(
    async <T,>(
      label: string,
      compute: (b: Book, ctx: CommandContext) => T | Promise<T>,
    ): Promise<T | undefined> => {
      const current = bookRef.current;
      if (!current) return undefined;
      try {
        const signal = await begin(label);
        const value = await compute(current, contextFor(current));
        await settle();
        check(signal);
        return value;
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    [begin, contextFor, fail],
  );

  const runCommand = React.useCallback(
    async <S,>(
      label: string,
      compute: (b: Book, ctx: CommandContext) => CommandResult<S> | Promise<CommandResult<S>>,
    ): Promise<CommandResult<S> | undefined> => {
      const current = bookRef.current;
      if (!current) return undefined;
      const started = Date.now();
      try {
        // Step 1: compute (loading the engine chunk counts as part of it); cancellable
        const signal = await begin(label);
        const ctx = contextFor(current);
        const result = await compute(current, ctx);
        await settle();
        check(signal);
        showMessages(result.messages);
        if (result.exitCode === 2 || (!result.changes.length && !result.audit)) return result;

        // Step 2: commit in memory, all or nothing, with the audit row
        const committed = commitCommand(current, result as CommandResult, ctx);
        check(signal);

        // Step 3: write; from here on the command runs to the end
        setBusy({
          label: translate(lang, 'writing'),
          cancellable: false,
          progress: { done: 0, total: 1 },
        });
        const report = await host.apply(committed.changes, committed.book, {
          onProgress: (p) =>
            setBusy({
              label: translate(lang, 'writing'),
              cancellable: false,
              progress: { done: p.done, total: p.total },
            }),
        });
        setBook(committed.book);
        onBookChanged?.(committed.book);
        log.info('pane-command', {
          label,
          syncs: report.syncs,
          chunks: report.chunks,
          ms: Date.now() - started,
        });
        return result;
      } catch (e) {
        fail(e);
        return undefined;
      } finally {
        setBusy(undefined);
      }
    },
    [begin, contextFor, fail, host, lang, onBookChanged, showMessages],
  );

  const cancel = React.useCallback(() => abort.current?.abort(), []);

  const value: PaneSession = {
    lang,
    setLang,
    theme,
    setTheme,
    user,
    setUser,
    tr,
    host,
    book,
    problems,
    busy,
    notices,
    notify,
    dismiss,
    cancel,
    reload,
    runCommand,
    runQuery,
    contextFor,
  };
  return <SessionContext.Provider value={value}>{props.children}</SessionContext.Provider>;
}
