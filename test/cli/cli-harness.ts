import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Lang } from '../../analytics/book/schema';
import type { CliIo } from '../../analytics/cli/cli-io';
import { main } from '../../analytics/cli/main';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

/** Run the CLI in-process with a pinned clock and captured output. */
export async function runCli(argv: string[], lang: Lang = 'en-US'): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = { out: (s) => out.push(s), err: (s) => err.push(s), lang, now: () => '2024-02-05 10:00:00', user: 'tester' };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

export function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'cashbook-cli-'));
}
