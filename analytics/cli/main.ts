/**
 * `cashbook` entry point: pick the subcommand, parse its options, run it, exit with its
 * status (0 done, 1 done with something to review, 2 bad input or usage).
 */
import { parseArgs } from 'node:util';
import { formatInZone } from '../book/dates';
import type { Lang } from '../book/schema';
import type { CliIo } from './cli-io';
import { COMMANDS } from './commands';

/** Run the CLI with `argv` (without node and script) and return the exit status. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  const command = COMMANDS.find((c) => {
    const words = c.name.split(' ');
    return words.every((w, i) => argv[i] === w);
  });
  if (!command && argv.length > 0 && argv[0] !== '--help') {
    io.err(io.lang === 'zh-CN' ? `没有 '${argv[0]}' 这个命令。` : `unknown command '${argv[0]}'.`);
    return help(io, 2);
  }
  if (!command || (argv.includes('--help') && argv.length === 1)) return help(io, 0);
  const rest = argv.slice(command.name.split(' ').length);
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, json: { type: 'boolean' }, lang: { type: 'string' } }, allowPositionals: true, strict: true });
  } catch (e) {
    io.err(`${(e as Error).message}\n${io.lang === 'zh-CN' ? '用法' : 'usage'}: ${command.usage}`);
    return 2;
  }
  return command.run({ positionals: parsed.positionals, values: parsed.values as never }, io);
}

function help(io: CliIo, status: number): number {
  io.err(io.lang === 'zh-CN' ? 'cashbook 命令:' : 'cashbook commands:');
  for (const c of COMMANDS) io.err(`  ${c.usage.padEnd(72)} ${c.summary[io.lang]}`);
  return status;
}

/** The user's language from --lang or the environment. */
export function langFromEnv(env: NodeJS.ProcessEnv, argv: string[]): Lang {
  const i = argv.indexOf('--lang');
  const explicit = i >= 0 ? argv[i + 1] : undefined;
  if (explicit === 'zh-CN' || explicit === 'en-US') return explicit;
  const l = env.CASHBOOK_LANG ?? env.LC_ALL ?? env.LC_MESSAGES ?? env.LANG ?? '';
  return /^zh/i.test(l) ? 'zh-CN' : 'en-US';
}

/** The process's io. */
export function processIo(argv: string[]): CliIo {
  // Output piped into `head` and closed early is not an error of ours: stop quietly.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      process.exit(process.exitCode ?? 0);
    });
  }
  return {
    out: (s) => process.stdout.write(s + '\n'),
    err: (s) => process.stderr.write(s + '\n'),
    lang: langFromEnv(process.env, argv),
    now: (tz) => formatInZone(new Date(), tz),
    user: process.env.CASHBOOK_USER ?? process.env.USER ?? 'cashier',
  };
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  main(argv, processIo(argv)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${(e as Error).stack ?? e}\n`);
      process.exitCode = 2;
    },
  );
}
