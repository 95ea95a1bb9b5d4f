/**
 * The two scripts every query-cell sandbox runs inside the cell's realm, as text so any
 * host can use them: GUARDS first (before arquero loads), then PRELUDE, whose value is a
 * `run(fn)` function that calls the compiled cell `fn(aq, op, tables, cells, frames)` and returns
 * JSON text `{ rows, columns }`, `{ result }` (not a table) or `{ error: { name, message,
 * stack } }`. The input is read from `globalThis.__input` (JSON text from
 * {@link packQueryInput}) and deleted.
 * Node: analytics/cli/node-query-sandbox.ts. A browser Web Worker can run the same two.
 */
import type { Row } from '../book/types';

/**
 * The cell's input as the JSON text PRELUDE reads: each table column by column (a name list
 * and one array per column), so a million-row journal is not a million key-repeating objects
 * to write and parse. PRELUDE gives the cell each table both as an arquero table made
 * straight from the columns (`frames`) and as frozen rows (`tables`, built on first use).
 * @param known the columns to pack of each table, in order (kept even when it is empty); a
 *   table not listed packs every column its rows have
 * @example packQueryInput({ J: [{ a: 1, b: 'x' }] }, {}) // '{"tables":{"J":{"columns":["a","b"],"data":[[1],["x"]]}},"cells":{}}'
 */
export function packQueryInput(tables: Record<string, readonly Row[]>, cells: Record<string, unknown>, known: Record<string, readonly string[]> = {}): string {
  const packed: Record<string, { columns: string[]; data: unknown[][] }> = {};
  for (const [key, rows] of Object.entries(tables)) {
    // The columns asked for, exactly; without a list, every column in first-seen order.
    let columns = known[key] ? [...known[key]] : undefined;
    if (!columns) {
      const seen = new Set<string>();
      for (const r of rows) for (const c in r) seen.add(c);
      columns = [...seen];
    }
    const data = columns.map((c) => {
      const out = new Array<unknown>(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const v = rows[i][c];
        out[i] = v === undefined ? null : v;
      }
      return out;
    });
    packed[key] = { columns, data };
  }
  return JSON.stringify({ tables: packed, cells });
}

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
  // Everything the guards use is taken now, before any cell runs, and used only in ways that
  // look nothing up on objects a cell can change: RegExp.prototype.test would call the
  // cell's RegExp.prototype.exec, an array's push or iterator the cell's Array.prototype.
  const exec = RegExp.prototype.exec;
  const apply = Reflect.apply;
  const define = Object.defineProperty;
  const create = Object.create;
  const Refusal = SyntaxError;
  const word = /\\bimport\\b/;
  const check = (text) => {
    if (apply(exec, word, [text]) !== null) throw new Refusal('import is not available in a query cell');
    return text;
  };
  const guard = (original) => {
    const guarded = function (...args) {
      // The texts go to the original as an array-like of own properties only.
      const texts = create(null);
      for (let i = 0; i < args.length; i++) define(texts, i, { value: check('' + args[i]) });
      define(texts, 'length', { value: args.length });
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
  const define = Object.defineProperty;
  const rowsOf = (columns, data) => {
    const n = columns.length ? data[0].length : 0;
    const rows = new Array(n);
    for (let i = 0; i < n; i++) {
      const row = {};
      for (let c = 0; c < columns.length; c++) row[columns[c]] = data[c][i];
      rows[i] = freeze(row);
    }
    return freeze(rows);
  };
  const deepFreeze = (o) => {
    if (o && typeof o === 'object' && !Object.isFrozen(o)) { freeze(o); for (const k of keys(o)) deepFreeze(o[k]); }
    return o;
  };
  const raw = parse(globalThis.__input);
  delete globalThis.__input;
  // Tables arrive column by column. frames.X is an arquero table over those columns (no row
  // objects at all); tables.X rebuilds frozen rows, only when a cell first reads it.
  const aq = globalThis.aq;
  const tables = {};
  const frames = {};
  for (const key of keys(raw.tables)) {
    const { columns, data } = raw.tables[key];
    let rows;
    define(tables, key, { enumerable: true, get: () => rows || (rows = rowsOf(columns, data)) });
    const byName = {};
    for (let c = 0; c < columns.length; c++) byName[columns[c]] = data[c];
    frames[key] = aq.table(byName, columns);
  }
  const input = { tables: freeze(tables), frames: freeze(frames), cells: deepFreeze(raw.cells) };
  const cell = (v) => v === null || v === undefined ? null
    : typeof v === 'number' ? (Number.isFinite(v) ? v : null)
    : typeof v === 'string' || typeof v === 'boolean' ? v
    : v instanceof Date ? v.toISOString()
    : stringify(v);
  return function run(fn) {
    try {
      const out = fn(aq, aq.op, input.tables, input.cells, input.frames);
      const isTable = out && typeof out.objects === 'function' && typeof out.columnNames === 'function';
      const rows = isTable ? out.objects() : out;
      const columns = isTable ? out.columnNames().map(String) : undefined;
      if (!isArray(rows)) return stringify({ result: 'returned ' + (out === null ? 'null' : typeof out) + '; return an arquero table or an array of rows' });
      // Own properties only, so a cell's setters or push on the prototypes cannot reshape
      // what is sent back.
      const plain = [];
      const own = (o, k, value) => define(o, k, { value, enumerable: true, writable: true, configurable: true });
      for (let i = 0; i < rows.length; i++) {
        const r = rows[i];
        if (!r || typeof r !== 'object') return stringify({ result: 'a row is ' + typeof r + ', not an object' });
        const o = {};
        const ks = keys(r);
        for (let j = 0; j < ks.length; j++) own(o, ks[j], cell(r[ks[j]]));
        own(plain, i, o);
      }
      return stringify({ rows: plain, columns });
    } catch (e) {
      // Every look at what the cell threw stays inside a try, so nothing the cell made
      // escapes run() (outside the vm's time limit its getters could loop for ever).
      let name = 'Error', message = 'the cell threw a value that cannot be shown', stack = '';
      try { name = String(e && e.name || 'Error'); } catch (_) {}
      try { message = String(e && e.message !== undefined ? e.message : e); } catch (_) {}
      try { stack = String(e && e.stack || ''); } catch (_) {}
      return stringify({ error: { name, message, stack } });
    }
  };
})()`;
