/**
 * The built pane for browser tests: dist/ as `npm run build` leaves it, built here through
 * webpack's Node API when it is missing (a fresh CI checkout) or when CASHBOOK_REBUILD=1.
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

/** dist/, built first when needed. */
export async function builtPane(): Promise<string> {
  if (
    process.env.CASHBOOK_REBUILD === '1' ||
    !fs.existsSync(path.join(DIST, 'index.html')) ||
    !fs.existsSync(path.join(DIST, 'taskpane.html'))
  ) {
    await buildDist('dist');
  }
  return DIST;
}
