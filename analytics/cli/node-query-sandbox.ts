/**
 * The Node sandbox for query cells: each cell runs in a fresh `node:vm` context holding
 * only JavaScript's built-ins, arquero (evaluated inside that context from its browser
 * bundle) and the cell's input, parsed and frozen inside the context. No host object
 * crosses in, so `constructor.constructor` chains reach the context's own Function and
 * find no `process`, `require`, `fetch` or Office; results and errors cross back out as
 * JSON text only. The cell's code runs under the vm timeout, promises included
 * (microtaskMode 'afterEvaluate').
 * LIMITATION: memory is not bounded; a cell that allocates without end fails the process.
 * The browser host implements the same QuerySandbox with a Web Worker.
 */
import * as fs from 'node:fs';
import * as vm from 'node:vm';
import type { Row } from '../book/types';
import type { QueryOutcome, QueryRequest, QuerySandbox } from '../notebook/types';

let arqueroScript: vm.Script | undefined;

function arquero(): vm.Script {
  arqueroScript ??= new vm.Script(fs.readFileSync(require.resolve('arquero/dist/arquero.min.js'), 'utf8'), { filename: 'arquero.min.js' });
  return arqueroScript;
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
      const rows = out && typeof out.objects === 'function' ? out.objects() : out;
      if (!isArray(rows)) return stringify({ result: 'returned ' + (out === null ? 'null' : typeof out) + '; return an arquero table or an array of rows' });
      const plain = [];
      for (const r of rows) {
        if (!r || typeof r !== 'object') return stringify({ result: 'a row is ' + typeof r + ', not an object' });
        const o = {};
        for (const k of keys(r)) o[k] = cell(r[k]);
        plain.push(o);
      }
      return stringify({ rows: plain });
    } catch (e) {
      let name = 'Error', message = String(e), stack = '';
      try { name = String(e && e.name || 'Error'); message = String(e && e.message !== undefined ? e.message : e); stack = String(e && e.stack || ''); } catch (_) {}
      return stringify({ error: { name, message, stack } });
    }
  };
})()`;

/** A QuerySandbox backed by node:vm. */
export function createNodeQuerySandbox(): QuerySandbox {
  return { run: async (request) => runInVm(request) };
}

function runInVm(request: QueryRequest): QueryOutcome {
  const filename = `cell-${request.cellId.replace(/[^\w-]/g, '_')}.js`;

  // Step 1: compile the cell first so a syntax error names its line
  const imported = /\bimport\b/.exec(request.code);
  if (imported) return { ok: false, kind: 'syntax', message: 'import is not available in a query cell', line: request.code.slice(0, imported.index).split('\n').length };
  let script: vm.Script;
  try {
    script = new vm.Script(`(function (aq, op, tables, cells) {\n${request.code}\n})`, { filename, lineOffset: -1 });
  } catch (e) {
    return { ok: false, kind: 'syntax', message: String((e as Error).message), line: lineIn(String((e as Error).stack), filename) };
  }

  // Step 2: a fresh context with arquero and the frozen input, nothing else
  const context = vm.createContext(Object.create(null), { codeGeneration: { strings: true, wasm: false }, microtaskMode: 'afterEvaluate' });
  new vm.Script(GUARDS, { filename: 'guards.js' }).runInContext(context);
  arquero().runInContext(context, { timeout: 10_000 });
  context.__input = JSON.stringify({ tables: request.tables, cells: request.cells });
  context.__run = new vm.Script(PRELUDE, { filename: 'prelude.js' }).runInContext(context);
  context.__fn = script.runInContext(context);

  // Step 3: run under the time limit; only text comes back
  let text: unknown;
  try {
    text = new vm.Script('__run(__fn)', { filename: 'run.js' }).runInContext(context, { timeout: request.timeoutMs });
  } catch (e) {
    if ((e as { code?: string }).code === 'ERR_SCRIPT_EXECUTION_TIMEOUT') return { ok: false, kind: 'timeout', message: `timed out after ${request.timeoutMs} ms` };
    throw e;
  }
  if (typeof text !== 'string') return { ok: false, kind: 'result', message: 'the cell changed the sandbox' };
  const parsed = JSON.parse(text) as { rows?: Row[]; result?: string; error?: { name: string; message: string; stack: string } };
  if (parsed.error) return { ok: false, kind: 'runtime', message: `${parsed.error.name}: ${parsed.error.message}`, line: lineIn(parsed.error.stack, filename) };
  if (parsed.result !== undefined) return { ok: false, kind: 'result', message: parsed.result };
  return { ok: true, rows: parsed.rows ?? [] };
}

function lineIn(stack: string, filename: string): number | undefined {
  const m = new RegExp(`${filename.replace(/[.]/g, '\\.')}:(\\d+)`).exec(stack);
  return m ? Number(m[1]) : undefined;
}
