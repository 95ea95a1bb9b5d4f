/**
 * How a CLI subcommand declares itself: its name, usage line, options (node:util parseArgs
 * form) and what it runs. The registry in commands/index.ts lists them all.
 */
import type { CliIo } from './cli-io';

export type OptionSpec = { type: 'string' | 'boolean'; multiple?: boolean; short?: string };

export interface ParsedArgs {
  positionals: string[];
  values: Record<string, string | boolean | string[] | boolean[] | undefined>;
}

export interface CliCommand {
  /** e.g. 'import' or 'notebook run' */
  name: string;
  usage: string;
  summary: { 'zh-CN': string; 'en-US': string };
  options: Record<string, OptionSpec>;
  /** Returns the exit status: 0 done, 1 done with something to review, 2 bad input or usage. */
  run(args: ParsedArgs, io: CliIo): Promise<number>;
}
