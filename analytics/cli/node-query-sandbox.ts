/**
 * The Node sandbox for query cells. Each cell runs in its own worker thread (a memory cap,
 * an empty environment, and a hard stop from outside), and inside it in a fresh `node:vm`
 * context holding only JavaScript's built-ins, arquero (evaluated inside that context from
 * its browser bundle) and the cell's input, parsed and frozen inside the context. No host
 * object crosses in, so `constructor.constructor` chains reach the context's own Function
 * and find no `process`, `require`, `fetch` or Office; results and errors cross back out
 * as JSON text only. The cell's code runs under the vm timeout, promises included
 * (microtaskMode 'afterEvaluate'). The browser host implements the same QuerySandbox with
 * a Web Worker.
 */
import { Worker } from 'node:worker_threads';
import type { QueryOutcome, QueryRequest, QuerySandbox } from '../notebook/types';

export interface NodeQuerySandboxOptions {
  /** Heap a query cell may use. @default 256 */
  memoryMb?: number;
}

// Runs first in every context. arquero's Arrow reader builds a TextDecoder when it loads;
// host classes must not enter (their constructor chain leads to the host's Function), so it
// gets inert stand-ins. Dynamic import() is the one path by which Node hands a context a
// host object (the error it rejects with), so no code compiled here may say `import`: the
// cell's own text is checked before it is compiled, and every string that reaches Function,
// eval or the async/generator constructors (arquero compiles expressions that way) is
// checked by these guards, which replace the originals for good.
const GUARDS = `(function () {
  'use strict';
  class Unavailable { decode() { throw new Error('not available in a query cell'); } encode() { throw new Error('not available in a query cell'); } }
  globalThis.TextDecoder = Unavailable;
  globalThis.TextEncoder = Unavailable;
  const test = RegExp.prototype.test;
  const word = /\\bimport\\b/;
  const apply = Reflect.apply;
  const define = Object.defineProperty;
  const check = (text) => {
    if (apply(test, word, [text])) throw new SyntaxError('import is not available in a query cell');
    return text;
  };
  const guard = (original) => {
    const guarded = function (...args) {
      const texts = [];
      for (const a of args) texts.push(check('' + a));
      return apply(original, undefined, texts);
    };
    define(guarded, 'prototype', { value: original.prototype });
    return guarded;
  };
  const protos = [Function.prototype, Object.getPrototypeOf(async function () {}), Object.getPrototypeOf(function* () {}), Object.getPrototypeOf(async function* () {})];
  for (const proto of protos) define(proto, 'constructor', { value: guard(proto.constructor), writable: false, configurable: false });
  const evaluate = eval;
  define(globalThis, 'Function', { value: Function.prototype.constructor, writable: false, configurable: false });
  define(globalThis, 'eval', { value: (text) => (typeof text === 'string' ? evaluate(check(text)) : text), writable: false, configurable: false });
})()`;

// Runs inside the context before the cell: parses and freezes the input and keeps its own
// references to JSON and Object, so a cell that overwrites them cannot forge the result.
const PRELUDE = `(function () {
  'use strict';
  const stringify = JSON.stringify;
  const parse = JSON.parse;
  const freeze = Object.freeze;
  const keys = Object.keys;
  const isArray = Array.isArray;
  const deepFreeze = (o) => {
    if (o && typeof o === 'object' && !Object.isFrozen(o)) { freeze(o); for (const k of keys(o)) deepFreeze(o[k]); }
    return o;
  };
  const input = deepFreeze(parse(globalThis.__input));
  delete globalThis.__input;
  const aq = globalThis.aq;
  const cell = (v) => v === null || v === undefined ? null
    : typeof v === 'number' ? (Number.isFinite(v) ? v : null)
    : typeof v === 'string' || typeof v === 'boolean' ? v
    : v instanceof Date ? v.toISOString()
    : stringify(v);
  return function run(fn) {
    try {
      const out = fn(aq, aq.op, input.tables, input.cells);
      const isTable = out && typeof out.objects === 'function' && typeof out.columnNames === 'function';
      const rows = isTable ? out.objects() : out;
      const columns = isTable ? out.columnNames().map(String) : undefined;
      if (!isArray(rows)) return stringify({ result: 'returned ' + (out === null ? 'null' : typeof out) + '; return an arquero table or an array of rows' });
      const plain = [];
      for (const r of rows) {
        if (!r || typeof r !== 'object') return stringify({ result: 'a row is ' + typeof r + ', not an object' });
        const o = {};
        for (const k of keys(r)) o[k] = cell(r[k]);
        plain.push(o);
      }
      return stringify({ rows: plain, columns });
    } catch (e) {
      let name = 'Error', message = String(e), stack = '';
      try { name = String(e && e.name || 'Error'); message = String(e && e.message !== undefined ? e.message : e); stack = String(e && e.stack || ''); } catch (_) {}
      return stringify({ error: { name, message, stack } });
    }
  };
})()`;

/**
 * A QuerySandbox backed by a worker thread and node:vm.
 * @param options the memory cap
 * @returns the sandbox; each `run` starts and ends its own worker
 * @example await createNodeQuerySandbox().run({ cellId: 'q', title: 'Q', code: 'return []', tables: {}, cells: {}, timeoutMs: 2000 }) // { ok: true, rows: [] }
 */
export function createNodeQuerySandbox(options: NodeQuerySandboxOptions = {}): QuerySandbox {
  const memoryMb = options.memoryMb ?? 256;
  return { run: (request) => runInWorker(request, memoryMb) };
}

function runInWorker(request: QueryRequest, memoryMb: number): Promise<QueryOutcome> {
  return new Promise((resolve) => {
    const worker = new Worker(WORKER, {
      eval: true,
      env: {},
      stdout: true,
      stderr: true,
      resourceLimits: { maxOldGenerationSizeMb: memoryMb },
      workerData: {
        cellId: request.cellId,
        code: request.code,
        input: JSON.stringify({ tables: request.tables, cells: request.cells }),
        timeoutMs: request.timeoutMs,
        arqueroFile: require.resolve('arquero/dist/arquero.min.js'),
        guards: GUARDS,
        prelude: PRELUDE,
      },
    });
    let settled = false;
    const finish = (outcome: QueryOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(backstop);
      void worker.terminate();
      resolve(outcome);
    };
    // The vm timeout stops the cell; this stops the worker if anything else hangs.
    const backstop = setTimeout(() => finish({ ok: false, kind: 'timeout', message: `timed out after ${request.timeoutMs} ms` }), request.timeoutMs + 15_000);
    worker.on('message', (m: QueryOutcome) => finish(m));
    worker.on('error', (e: Error & { code?: string }) =>
      finish(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? { ok: false, kind: 'memory', message: `ran out of its ${memoryMb} MB of memory` } : { ok: false, kind: 'runtime', message: e.message }),
    );
    worker.on('exit', () => finish({ ok: false, kind: 'runtime', message: 'the sandbox stopped without an answer' }));
  });
}

// The worker's own code, plain JavaScript: compile the cell, build the context, run, answer.
const WORKER = `
'use strict';
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const vm = require('node:vm');
const { cellId, code, input, timeoutMs, arqueroFile, guards, prelude } = workerData;
const filename = 'cell-' + cellId.replace(/[^\\w-]/g, '_') + '.js';
const lineIn = (stack) => {
  const at = String(stack).indexOf(filename + ':');
  return at < 0 ? undefined : Number(/^(\\d+)/.exec(String(stack).slice(at + filename.length + 1))[1]);
};
function run() {
  // Step 1: compile the cell first so a syntax error names its line
  const imported = /\\bimport\\b/.exec(code);
  if (imported) return { ok: false, kind: 'syntax', message: 'import is not available in a query cell', line: code.slice(0, imported.index).split('\\n').length };
  let script;
  try {
    script = new vm.Script('(function (aq, op, tables, cells) {\\n' + code + '\\n})', { filename, lineOffset: -1 });
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
    if (e && e.code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ok: false, kind: 'timeout', message: 'timed out after ' + timeoutMs + ' ms' };
    return { ok: false, kind: 'runtime', message: String(e && e.message) };
  }
  if (typeof text !== 'string') return { ok: false, kind: 'result', message: 'the cell changed the sandbox' };
  const parsed = JSON.parse(text);
  if (parsed.error) return { ok: false, kind: 'runtime', message: parsed.error.name + ': ' + parsed.error.message, line: lineIn(parsed.error.stack) };
  if (parsed.result !== undefined) return { ok: false, kind: 'result', message: parsed.result };
  return { ok: true, rows: parsed.rows || [], columns: parsed.columns };
}
parentPort.postMessage(run());
`;
