/**
 * The two scripts every query-cell sandbox runs inside the cell's realm, as text so any
 * host can use them: GUARDS first (before arquero loads), then PRELUDE, whose value is a
 * `run(fn)` function that calls the compiled cell `fn(aq, op, tables, cells)` and returns
 * JSON text `{ rows, columns }`, `{ result }` (not a table) or `{ error: { name, message,
 * stack } }`. The input is read from `globalThis.__input` (JSON text) and deleted.
 * Node: analytics/cli/node-query-sandbox.ts. A browser Web Worker can run the same two.
 */

// Runs first in every context. arquero's Arrow reader builds a TextDecoder when it loads;
// host classes must not enter (their constructor chain leads to the host's Function), so it
// gets inert stand-ins. Dynamic import() is the one path by which Node hands a context a
// host object (the error it rejects with), so no code compiled here may say `import`: the
// cell's own text is checked before it is compiled, and every string that reaches Function,
// eval or the async/generator constructors (arquero compiles expressions that way) is
// checked by these guards, which replace the originals for good.
export const GUARDS = `(function () {
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
export const PRELUDE = `(function () {
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
