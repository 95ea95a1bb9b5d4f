/**
 * The CLI's one logger: messages for the user, in their language, on stderr, so stdout
 * stays clean for `--json`. Events are stable kebab-case names.
 */
import type { Message, Text } from '../book/types';
import type { CliIo } from './cli-io';

export interface Log {
  info(event: string, text: Text): void;
  warn(event: string, text: Text): void;
  error(event: string, text: Text): void;
  message(m: Message): void;
}

/** A logger that writes to the io's stderr in its language. */
export function createLog(io: CliIo, options: { quiet?: boolean } = {}): Log {
  const write = (level: Message['level'], text: Text) => {
    if (options.quiet && level === 'info') return;
    const mark = level === 'error' ? (io.lang === 'zh-CN' ? '错误: ' : 'error: ') : level === 'warn' ? (io.lang === 'zh-CN' ? '注意: ' : 'warning: ') : '';
    io.err(`${mark}${text[io.lang]}`);
  };
  return {
    info: (_event, text) => write('info', text),
    warn: (_event, text) => write('warn', text),
    error: (_event, text) => write('error', text),
    message: (m) => write(m.level, m.text),
  };
}
