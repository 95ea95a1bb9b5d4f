/**
 * The Node sandbox for query cells, two walls deep. Each cell runs in its own child process
 * under Node's permission model (no file access but arquero's bundle, no child processes,
 * no workers, no native addons), with an empty environment, a heap cap and a hard stop from
 * outside. Inside it, the cell runs in a fresh `node:vm` context holding only JavaScript's
 * built-ins, arquero (evaluated inside that context from its browser bundle) and the cell's
 * input, parsed and frozen inside the context. No host object crosses in, so
 * `constructor.constructor` chains reach the context's own Function and find no `process`,
 * `require`, `fetch` or Office; results and errors cross back out as JSON text only. Should
 * a cell still reach the process, the permission model leaves it no files to read or write
 * and nothing to start. The cell's code runs under the vm timeout, promises included
 * (microtaskMode 'afterEvaluate'). The browser host implements the same QuerySandbox with
 * a Web Worker.
 */
import { spawn } from 'node:child_process';
import { GUARDS, PRELUDE, packQueryInput } from '../notebook/sandbox-scripts';
import type { QueryOutcome, QueryRequest, QuerySandbox } from '../notebook/types';

export interface NodeQuerySandboxOptions {
  /** Heap a query cell may use beyond what its input needs. @default 256 */
  memoryMb?: number;
  /** The most heap a cell may be given, input included; a bigger input is refused. @default 1024 */
  maxMemoryMb?: number;
}

// Heap the sandbox needs per byte of input text: the text itself, then the parsed columns
// (and the rows, when the cell reads `tables`). Measured at ~3.5 on a million-row journal.
const HEAP_PER_INPUT_BYTE = 5;

/**
 * A QuerySandbox backed by a permission-restricted child process and node:vm.
 * @param options the memory cap
 * @returns the sandbox; each `run` starts and ends its own process
 * @example await createNodeQuerySandbox().run({ cellId: 'q', title: 'Q', code: 'return []', tables: {}, cells: {}, timeoutMs: 2000 }) // { ok: true, rows: [] }
 */
export function createNodeQuerySandbox(options: NodeQuerySandboxOptions = {}): QuerySandbox {
  const memoryMb = options.memoryMb ?? 256;
  const maxMemoryMb = options.maxMemoryMb ?? 1024;
  return { run: (request) => runInProcess(request, memoryMb, maxMemoryMb) };
}

function runInProcess(request: QueryRequest, baseMb: number, maxMemoryMb: number): Promise<QueryOutcome> {
  let input: string;
  try {
    input = packQueryInput(request.tables, request.cells, request.columns);
  } catch (e) {
    // Past V8's longest string (about 512 MB of text) the input cannot even be written.
    if (e instanceof RangeError) return Promise.resolve({ ok: false, kind: 'memory', message: `needs more than its ${maxMemoryMb} MB of memory: its tables are too big to hand over; name fewer tables or columns` });
    throw e;
  }
  // The heap cap grows with the input: a cap the input alone fills would stop the sandbox
  // while it is still reading its data.
  const inputMb = Math.round(input.length / 2 ** 20);
  const memoryMb = baseMb + Math.floor((HEAP_PER_INPUT_BYTE * input.length) / 2 ** 20);
  if (memoryMb > maxMemoryMb) {
    return Promise.resolve({ ok: false, kind: 'memory', message: `needs more than its ${maxMemoryMb} MB of memory for ${inputMb} MB of table data; name fewer tables or columns` });
  }
  const arqueroFile = require.resolve('arquero/dist/arquero.min.js');
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...sandboxFlags(arqueroFile, memoryMb), '-e', CHILD], { env: {}, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    let settled = false;
    const finish = (outcome: QueryOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(backstop);
      child.kill('SIGKILL');
      resolve(outcome);
    };
    // The vm timeout stops the cell; this stops the process if anything else hangs.
    const backstop = setTimeout(
      () => finish({ ok: false, kind: 'timeout', message: `timed out after ${request.timeoutMs} ms` }),
      request.timeoutMs + 15_000,
    );
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => {
      if (err.length < 64_000) err += d.toString('utf8');
    });
    child.on('error', (e) => finish({ ok: false, kind: 'runtime', message: e.message }));
    child.on('close', (code) => {
      const text = Buffer.concat(out).toString('utf8');
      if (code === 0 && text) {
        try {
          finish(JSON.parse(text) as QueryOutcome);
          return;
        } catch {
          // falls through to the failure below
        }
      }
      finish(
        /heap out of memory|Reached heap limit|allocation failed/i.test(err)
          ? { ok: false, kind: 'memory', message: `ran out of its ${memoryMb} MB of memory` }
          : { ok: false, kind: 'runtime', message: 'the sandbox stopped without an answer' },
      );
    });
    // The head of the request as one JSON line, then the input text as it is.
    const head = JSON.stringify({ cellId: request.cellId, code: request.code, timeoutMs: request.timeoutMs, arqueroFile, guards: GUARDS, prelude: PRELUDE });
    child.stdin.on('error', () => undefined); // a process that died early closes its stdin
    child.stdin.write(head + '\n');
    child.stdin.end(input);
  });
}

/**
 * Node's flags for the sandbox process: a heap cap, and the permission model with nothing
 * allowed but reading arquero's bundle (no other file, no child process, no worker, no addon).
 */
export function sandboxFlags(arqueroFile: string, memoryMb: number): string[] {
  return [`--max-old-space-size=${memoryMb}`, '--experimental-permission', `--allow-fs-read=${arqueroFile}`, '--no-warnings'];
}

// The child's own code, plain JavaScript: read the request, compile the cell, build the
// context, run, answer on stdout.
const CHILD = `
'use strict';
const fs = require('node:fs');
const vm = require('node:vm');
const { types } = require('node:util');
const chunks = [];
process.stdin.on('data', (d) => chunks.push(d));
process.stdin.on('end', () => {
  const all = Buffer.concat(chunks);
  const cut = all.indexOf(10);
  const request = JSON.parse(all.subarray(0, cut).toString('utf8'));
  const input = all.subarray(cut + 1).toString('utf8');
  chunks.length = 0;
  process.stdout.write(JSON.stringify(run(request, input)));
});
function run({ cellId, code, timeoutMs, arqueroFile, guards, prelude }, input) {
  const filename = 'cell-' + cellId.replace(/[^\\w-]/g, '_') + '.js';
  const lineIn = (stack) => {
    const at = String(stack).indexOf(filename + ':');
    return at < 0 ? undefined : Number(/^(\\d+)/.exec(String(stack).slice(at + filename.length + 1))[1]);
  };
  // Step 1: compile the cell first so a syntax error names its line
  const imported = /\\bimport\\b/.exec(code);
  if (imported) return { ok: false, kind: 'syntax', message: 'import is not available in a query cell', line: code.slice(0, imported.index).split('\\n').length };
  let script;
  try {
    script = new vm.Script('(function (aq, op, tables, cells, frames) {\\n' + code + '\\n})', { filename, lineOffset: -1 });
  } catch (e) {
    return { ok: false, kind: 'syntax', message: String(e.message), line: lineIn(e.stack) };
  }
  // Step 2: a fresh context with arquero and the frozen input, nothing else
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: true, wasm: false }, microtaskMode: 'afterEvaluate' });
  new vm.Script(guards, { filename: 'guards.js' }).runInContext(context);
  new vm.Script(fs.readFileSync(arqueroFile, 'utf8'), { filename: 'arquero.min.js' }).runInContext(context, { timeout: 10000 });
  context.__input = input;
  context.__run = new vm.Script(prelude, { filename: 'prelude.js' }).runInContext(context);
  context.__fn = script.runInContext(context);
  // Step 3: run under the time limit; only text comes back
  let text;
  try {
    text = new vm.Script('__run(__fn)', { filename: 'run.js' }).runInContext(context, { timeout: timeoutMs });
  } catch (e) {
    // Outside the time limit nothing the cell made may run: only own data properties are
    // read (no getter, no proxy trap, no toString).
    const own = (o, k) => {
      const d = Object.getOwnPropertyDescriptor(o, k);
      return d && 'value' in d ? d.value : undefined;
    };
    if (typeof e === 'object' && e !== null && !types.isProxy(e)) {
      if (own(e, 'code') === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ok: false, kind: 'timeout', message: 'timed out after ' + timeoutMs + ' ms' };
      const message = own(e, 'message');
      if (typeof message === 'string') return { ok: false, kind: 'runtime', message };
    }
    return { ok: false, kind: 'runtime', message: 'the cell threw a value that cannot be shown' };
  }
  if (typeof text !== 'string') return { ok: false, kind: 'result', message: 'the cell changed the sandbox' };
  const parsed = JSON.parse(text);
  if (parsed.error) return { ok: false, kind: 'runtime', message: parsed.error.name + ': ' + parsed.error.message, line: lineIn(parsed.error.stack) };
  if (parsed.result !== undefined) return { ok: false, kind: 'result', message: parsed.result };
  return { ok: true, rows: parsed.rows || [], columns: parsed.columns };
}
`;
