/**
 * Build dist/ with webpack's Node API (production mode), for the playground server and the
 * browser tests when no build exists yet.
 */
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** Run the production build into `outDir` (relative to the repository). @throws Error with webpack's errors */
export async function buildDist(outDir = 'dist'): Promise<void> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const webpack = require('webpack') as typeof import('webpack');
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const configFor = require(path.join(ROOT, 'webpack.config.js')) as (
    env: Record<string, string>,
    argv: Record<string, string>,
  ) => import('webpack').Configuration;
  const config = configFor({ out: outDir }, { mode: 'production' });
  await new Promise<void>((resolve, reject) => {
    webpack(config, (err, stats) => {
      if (err) return reject(err);
      if (stats?.hasErrors())
        return reject(new Error(stats.toString({ all: false, errors: true })));
      resolve();
    });
  });
}

/** The repository root. */
export const REPO_ROOT = ROOT;
