/**
 * The built pane for browser tests: dist/ as `npm run build` leaves it, built here through
 * webpack's Node API when it is missing (a fresh CI checkout) or when CASHBOOK_REBUILD=1.
 * Jest runs test files in parallel workers, so one build at a time: the first worker takes a
 * lock directory and builds, the others wait for it to go.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildDist, REPO_ROOT } from '../../addin/playground/build-dist';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
export const DIST = path.join(REPO_ROOT, 'dist');

const LOCK = path.join(REPO_ROOT, 'node_modules', '.cache', 'cashbook-dist.lock');
const STALE_LOCK_MS = 20 * 60_000;
const built = new Set<string>();

/** dist/, built first when needed (once per test run and process). */
export async function builtPane(): Promise<string> {
  const wanted = process.env.CASHBOOK_REBUILD === '1' ? !built.has(DIST) : !isBuilt();
  if (!wanted) return DIST;
  fs.mkdirSync(path.dirname(LOCK), { recursive: true });
  if (fs.existsSync(LOCK) && Date.now() - fs.statSync(LOCK).mtimeMs > STALE_LOCK_MS)
    fs.rmSync(LOCK, { recursive: true, force: true });
  try {
    fs.mkdirSync(LOCK);
  } catch {
    // Another worker is building: wait for it.
    while (fs.existsSync(LOCK)) await new Promise((r) => setTimeout(r, 1000));
    if (!isBuilt()) throw new Error('the pane build in another test worker failed');
    built.add(DIST);
    return DIST;
  }
  try {
    await buildDist('dist');
    built.add(DIST);
  } finally {
    fs.rmSync(LOCK, { recursive: true, force: true });
  }
  return DIST;
}

function isBuilt(): boolean {
  return (
    fs.existsSync(path.join(DIST, 'index.html')) && fs.existsSync(path.join(DIST, 'taskpane.html'))
  );
}
