#!/usr/bin/env node
// Runs the CLI from an esbuild bundle of the TypeScript sources, rebuilt when they change
// (bin/bundle.js); where no bundle can be built, through tsx. Either way no build step stands
// between a clone and `npx cashbook`.
const path = require('node:path');
const { freshBundle } = require('./bundle');

const dir = process.env.CASHBOOK_NO_BUNDLE ? undefined : freshBundle('cli', { main: 'analytics/cli/main.ts', 'match-worker': 'analytics/cli/match-worker.ts' });
let cli;
try {
  if (dir) cli = require(path.join(dir, 'main.js'));
} catch {
  cli = undefined;
}
// A bundle that loads but lacks the entry points (emptied on disk, say) is not used either.
if (!cli || typeof cli.main !== 'function' || typeof cli.processIo !== 'function') {
  require('tsx/cjs');
  cli = require('../analytics/cli/main.ts');
}
const argv = process.argv.slice(2);
cli.main(argv, cli.processIo(argv)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`${(e && e.stack) || e}\n`); process.exitCode = 2; },
);
