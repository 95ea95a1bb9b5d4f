/**
 * What a CLI command may touch besides files: its output streams, the user's language,
 * the clock and the user name. Tests pass their own; `main` passes the process's.
 */
import type { Lang } from '../book/schema';

export interface CliIo {
  out(text: string): void;
  err(text: string): void;
  /** The user's language for messages. */
  lang: Lang;
  /** Local wall time 'YYYY-MM-DD HH:mm:ss' in the book's zone. */
  now(timeZone: string): string;
  user: string;
}
