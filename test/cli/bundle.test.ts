/**
 * bin/bundle.js: the CLI's esbuild bundle is built once per version of the sources, lands
 * whole (never half written), and carries the matcher's helper thread beside it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { freshBundle, BASE } = require('../../bin/bundle') as { freshBundle: (name: string, entries: Record<string, string>) => string | undefined; BASE: string };

const ENTRIES = { main: 'analytics/cli/main.ts', 'match-worker': 'analytics/cli/match-worker.ts' };

// The test's own bundles are removed after, so the cache holds only what the CLI uses.
afterAll(() => {
  for (const d of fs.readdirSync(BASE)) if (d.startsWith('test-')) fs.rmSync(path.join(BASE, d), { recursive: true, force: true });
});

test('built once, then reused while the sources stay the same', () => {
  const entries = ENTRIES;
  const dir = freshBundle('test-cli', entries);
  expect(dir).toBeDefined();
  for (const f of ['main.js', 'match-worker.js', 'stamp']) expect(fs.existsSync(path.join(dir!, f))).toBe(true);
  const built = fs.statSync(path.join(dir!, 'main.js')).mtimeMs;
  expect(freshBundle('test-cli', entries)).toBe(dir);
  expect(fs.statSync(path.join(dir!, 'main.js')).mtimeMs).toBe(built);
  // No half-built directories of this build are left behind (other processes may be building).
  expect(fs.readdirSync(path.dirname(dir!)).filter((d) => d.startsWith('test-cli-') && d.endsWith('.tmp'))).toEqual([]);
  // The bundle exports what bin/cashbook.js calls.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const cli = require(path.join(dir!, 'main.js')) as { main: unknown; processIo: unknown };
  expect(typeof cli.main).toBe('function');
  expect(typeof cli.processIo).toBe('function');
});

test('an entry that does not compile gives no bundle (the CLI then runs through tsx)', () => {
  expect(freshBundle('test-broken', { main: 'analytics/cli/no-such-file.ts' })).toBeUndefined();
});

test.each([
  ['emptied', (f: string) => fs.writeFileSync(f, '')],
  ['cut short', (f: string) => fs.writeFileSync(f, fs.readFileSync(f).subarray(0, 1000))],
])('a built file %s on disk is found and built again', (_how, damage) => {
  const dir = freshBundle('test-damage', ENTRIES)!;
  const worker = path.join(dir, 'match-worker.js');
  const good = fs.readFileSync(worker);
  damage(worker);
  expect(freshBundle('test-damage', ENTRIES)).toBe(dir);
  expect(fs.readFileSync(worker).equals(good)).toBe(true);
});

test('a lost stamp: the bundle is built again and used, not given up for tsx', () => {
  const dir = freshBundle('test-stamp', ENTRIES)!;
  fs.rmSync(path.join(dir, 'stamp'));
  expect(freshBundle('test-stamp', ENTRIES)).toBe(dir);
  expect(fs.existsSync(path.join(dir, 'stamp'))).toBe(true);
});

test('a stamp that leaves out an entry file is not taken as intact', () => {
  const dir = freshBundle('test-entries', ENTRIES)!;
  const stamp = path.join(dir, 'stamp');
  fs.writeFileSync(stamp, fs.readFileSync(stamp, 'utf8').split('\n').filter((l) => !l.startsWith('match-worker.js')).join('\n'));
  fs.writeFileSync(path.join(dir, 'match-worker.js'), '');
  expect(freshBundle('test-entries', ENTRIES)).toBe(dir);
  expect(fs.statSync(path.join(dir, 'match-worker.js')).size).toBeGreaterThan(1000);
});
