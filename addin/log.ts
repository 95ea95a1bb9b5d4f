/**
 * The add-in's one logger (task pane, ExcelHost, playground). Events are stable kebab-case
 * names with a small data object. Entries go to a bounded in-memory ring that the Settings
 * view can show, and to the browser console only at `warn` and above (or everything when
 * debugging is switched on), so no stray console output leaks from components.
 */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface LogEntry {
  level: LogLevel;
  event: string;
  data?: Record<string, unknown>;
  /** Milliseconds since the page loaded; a relative clock keeps tests deterministic. */
  at: number;
}

const RING_SIZE = 200;
const ORDER: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3 };
const ring: LogEntry[] = [];
let consoleLevel: LogLevel = 'warn';
let clock: () => number = () =>
  typeof performance !== 'undefined' ? Math.round(performance.now()) : 0;

function write(level: LogLevel, event: string, data?: Record<string, unknown>): void {
  const entry: LogEntry = { level, event, data, at: clock() };
  ring.push(entry);
  if (ring.length > RING_SIZE) ring.shift();
  if (ORDER[level] < ORDER[consoleLevel] || typeof console === 'undefined') return;
  const sink = level === 'error' ? console.error : level === 'warn' ? console.warn : console.info;
  sink(`[cashbook] ${event}`, data ?? '');
}

export const log = {
  debug: (event: string, data?: Record<string, unknown>) => write('debug', event, data),
  info: (event: string, data?: Record<string, unknown>) => write('info', event, data),
  warn: (event: string, data?: Record<string, unknown>) => write('warn', event, data),
  error: (event: string, data?: Record<string, unknown>) => write('error', event, data),
};

/** The most recent entries, oldest first. */
export function recentLog(): readonly LogEntry[] {
  return ring.slice();
}

/** Send entries at `level` and above to the console (default `warn`); `'error'` quiets tests. */
export function setConsoleLevel(level: LogLevel): void {
  consoleLevel = level;
}

/** Replace the clock (tests). */
export function setLogClock(now: () => number): void {
  clock = now;
}
