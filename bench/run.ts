/**
 * `npm run bench [-- --rows N] [--steps a,b] [--seed S] [--no-pandas] [--data DIR] [--json FILE]
 *   [--step-timeout SEC] [--peer-timeout SEC] [--no-bundle]`
 *
 * Generates a seeded book (once per size and seed, cached under DIR), then times each step
 * in its own Node process and the same job in pandas in its own Python process, on the same
 * files, and prints time, peak RSS and the pandas/Cashbook time ratio side by side.
 * Defaults to 100,000 rows, the size CI can afford; 1,000,000 on demand.
 * Steps run from an esbuild bundle of the engine, as the CLI does (bin/bundle.js);
 * --no-bundle runs them through tsx instead, module by module.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { GENERATOR_VERSION } from './generate';
import { isPrepared } from './prepare';
import { STEP_NAMES, type StepName } from './steps';
// Plain JS shared with bin/cashbook.js.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBundle } = require('../bin/bundle') as { freshBundle: (name: string, entries: Record<string, string>) => string | undefined };

interface Options {
  rows: number;
  seed: number;
  steps: StepName[];
  pandas: boolean;
  data: string;
  json?: string;
  peerTimeoutSec: number;
  stepTimeoutSec: number;
  bundle: boolean;
}

interface Measure {
  ms?: number;
  cpuMs?: number;
  peakRssMB?: number;
  inputRssMB?: number;
  detail?: string;
  error?: string;
}

const PEERS: Record<StepName, string> = {
  import: 'import_csv.py',
  reconcile: 'reconcile.py',
  risk: 'risk.py',
  notebook: 'notebook.py',
  'xlsx-write': 'xlsx_write.py',
  'xlsx-read': 'xlsx_read.py',
  'xlsx-write-exceljs': 'xlsx_write.py',
  'xlsx-read-exceljs': 'xlsx_read.py',
};

const HERE = __dirname;
const PYTHON = '/usr/bin/python3';

function parseOptions(argv: string[]): Options {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const rows = Number(value('--rows') ?? 100_000);
  if (!Number.isInteger(rows) || rows < 100 || rows > 1_048_575) throw new Error('--rows must be a whole number from 100 to 1048575');
  const asked = value('--steps')?.split(',').map((s) => s.trim()) as StepName[] | undefined;
  for (const s of asked ?? []) if (!STEP_NAMES.includes(s)) throw new Error(`unknown step '${s}'; steps are ${STEP_NAMES.join(', ')}`);
  // The in-memory ExcelJS path is only a comparison; at a million rows it needs many GB.
  const steps = asked ?? STEP_NAMES.filter((s) => !s.endsWith('-exceljs') || rows <= 100_000);
  return {
    rows,
    seed: Number(value('--seed') ?? 20251231),
    steps,
    pandas: !argv.includes('--no-pandas'),
    data: value('--data') ?? path.join(os.tmpdir(), 'cashbook-bench'),
    json: value('--json'),
    peerTimeoutSec: Number(value('--peer-timeout') ?? 900),
    stepTimeoutSec: Number(value('--step-timeout') ?? 1800),
    bundle: !argv.includes('--no-bundle'),
  };
}

/** Run a child that prints one JSON line last; a crash or timeout becomes an error entry. */
function runChild(command: string, args: string[], timeoutSec: number): Measure {
  const started = Date.now();
  const r = spawnSync(command, args, { encoding: 'utf8', timeout: timeoutSec * 1000, maxBuffer: 64 << 20 });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') return { error: `timed out after ${timeoutSec} s` };
  const last = (r.stdout ?? '').trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(last) as Measure;
  } catch {
    const why = (r.stderr ?? '').trim().split('\n').slice(-1)[0] ?? `exit ${r.status}`;
    return { error: `${why.slice(0, 160)} (after ${((Date.now() - started) / 1000).toFixed(0)} s)` };
  }
}

function nodeArgs(script: string, args: string[]): string[] {
  return ['--import', 'tsx', path.join(HERE, script), ...args];
}

// The step runner as a bundle (with the matcher's helper thread beside it), or through tsx;
// worked out once per run.
function stepRunner(opts: Options): (args: string[]) => string[] {
  if (opts.bundle) {
    const dir = freshBundle('bench', { step: 'bench/step.ts', 'match-worker': 'analytics/cli/match-worker.ts' });
    if (dir) return (args) => [path.join(dir, 'step.js'), ...args];
    process.stdout.write('the engine could not be bundled; steps run through tsx\n');
    opts.bundle = false;
  }
  return (args) => nodeArgs('step.ts', args);
}

const seconds = (m: Measure) => (m.ms === undefined ? '' : (m.ms / 1000).toFixed(m.ms < 10_000 ? 2 : 1) + ' s');
const megabytes = (m: Measure) => (m.peakRssMB === undefined ? '' : Math.round(m.peakRssMB) + ' MB');

function printTable(opts: Options, rows: { step: StepName; node: Measure; peer?: Measure }[]): void {
  const header = ['step', 'Cashbook', 'CPU', 'peak RSS', 'pandas', 'CPU', 'peak RSS', 'ratio', 'CPU ratio', 'Cashbook did'];
  const body = rows.map(({ step, node, peer }) => {
    const ratio = node.ms && peer?.ms ? (peer.ms / node.ms).toFixed(2) + '×' : '';
    const cpuRatio = node.cpuMs && peer?.cpuMs ? (peer.cpuMs / node.cpuMs).toFixed(2) + '×' : '';
    const cpu = (m: Measure) => (m.cpuMs === undefined ? '' : seconds({ ms: m.cpuMs }));
    const nodeTime = node.error?.startsWith('timed out') ? `> ${opts.stepTimeoutSec} s` : seconds(node);
    const did = node.error ? `failed: ${node.error}` : (node.detail ?? '');
    const peerTime = peer ? (peer.error ? peer.error.startsWith('timed out') ? `> ${opts.peerTimeoutSec} s` : 'failed' : seconds(peer)) : '';
    return [step, nodeTime, cpu(node), megabytes(node), peerTime, peer ? cpu(peer) : '', peer ? megabytes(peer) : '', ratio, cpuRatio, did];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ');
  process.stdout.write(`\nCashbook bench: ${opts.rows.toLocaleString('en-US')} rows, seed ${opts.seed}, ${os.cpus().length} CPUs, Node ${process.version}, engine ${opts.bundle ? 'bundled by esbuild' : 'through tsx'}\n`);
  process.stdout.write(line(header) + '\n' + line(widths.map((w) => '-'.repeat(w))) + '\n');
  for (const r of body) process.stdout.write(line(r) + '\n');
  process.stdout.write('ratio = pandas time / Cashbook time (CPU ratio: the same for CPU time): above 1× Cashbook is faster.\nCPU = user + system time of the step, all threads; on a busy machine it is the steadier figure.\n');
  process.stdout.write(`Peak RSS is the whole process, inputs included. Load average now: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} CPUs.\n`);
  for (const r of rows) if (r.peer?.error && !r.peer.error.startsWith('timed out')) process.stdout.write(`pandas ${r.step}: ${r.peer.error}\n`);
}

function main(): void {
  const opts = parseOptions(process.argv.slice(2));
  const dir = path.join(opts.data, `rows-${opts.rows}-seed-${opts.seed}-v${GENERATOR_VERSION}`);

  // Step 1: inputs, generated once per size and seed
  if (!isPrepared(dir)) {
    process.stdout.write(`generating ${opts.rows} rows into ${dir} ...\n`);
    const r = spawnSync(process.execPath, nodeArgs('prepare.ts', [dir, String(opts.rows), String(opts.seed)]), { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('generating the bench data failed');
  }
  const havePandas = opts.pandas && spawnSync(PYTHON, ['-c', 'import pandas, openpyxl']).status === 0;
  if (opts.pandas && !havePandas) process.stdout.write('pandas or openpyxl is not importable by /usr/bin/python3; pandas columns stay empty\n');

  // Step 2: each step in Node, then its pandas peer (one peer run per job)
  const results: { step: StepName; node: Measure; peer?: Measure }[] = [];
  const peerRuns = new Map<string, Measure>();
  const stepArgs = stepRunner(opts);
  for (const step of opts.steps) {
    process.stdout.write(`  ${step} ...`);
    const node = runChild(process.execPath, stepArgs([step, dir, String(opts.rows), String(opts.seed)]), opts.stepTimeoutSec);
    let peer: Measure | undefined;
    if (havePandas) {
      const script = PEERS[step];
      peer = peerRuns.get(script) ?? runChild(PYTHON, [path.join(HERE, 'peers', script), dir], opts.peerTimeoutSec);
      peerRuns.set(script, peer);
    }
    results.push({ step, node, peer });
    // Every step's figures as soon as it ends: a million-row run takes a while.
    const rss = (m?: Measure) => (m?.peakRssMB === undefined ? '' : `, ${megabytes(m)}`);
    process.stdout.write(` ${seconds(node) || node.error} (CPU ${seconds({ ms: node.cpuMs })}${rss(node)})`);
    process.stdout.write(peer ? `; pandas ${seconds(peer) || peer.error} (CPU ${seconds({ ms: peer.cpuMs })}${rss(peer)})\n` : '\n');
    if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ rows: opts.rows, seed: opts.seed, cpus: os.cpus().length, node: process.version, results }, null, 2));
  }

  printTable(opts, results);
  if (opts.json) fs.writeFileSync(opts.json, JSON.stringify({ rows: opts.rows, seed: opts.seed, cpus: os.cpus().length, node: process.version, results }, null, 2));
}

main();
