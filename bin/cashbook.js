#!/usr/bin/env node
// Runs the TypeScript CLI through tsx, so no build step stands between a clone and `npx cashbook`.
require('tsx/cjs');
const { main, processIo } = require('../analytics/cli/main.ts');
const argv = process.argv.slice(2);
main(argv, processIo(argv)).then(
  (code) => { process.exitCode = code; },
  (e) => { process.stderr.write(`${(e && e.stack) || e}\n`); process.exitCode = 2; },
);
