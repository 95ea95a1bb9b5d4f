/** The browser builds of vega, vega-lite and vega-embed, read from node_modules for inlining into report.html. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ReportScripts } from '../reports/render-report';

let cached: ReportScripts | undefined;

/**
 * Read the three scripts once per process.
 * @returns their texts
 * @throws Error when a package is not installed (run `npm ci`)
 */
export function readReportScripts(): ReportScripts {
  // The packages export their schema JSON, which sits in the same build/ folder as the browser bundles.
  const vegaDir = path.dirname(require.resolve('vega/vega-schema.json'));
  const liteDir = path.dirname(require.resolve('vega-lite/vega-lite-schema.json'));
  const embedDir = path.dirname(require.resolve('vega-embed'));
  cached ??= {
    vega: fs.readFileSync(path.join(vegaDir, 'vega.min.js'), 'utf8'),
    vegaLite: fs.readFileSync(path.join(liteDir, 'vega-lite.min.js'), 'utf8'),
    vegaEmbed: fs.readFileSync(path.join(embedDir, 'vega-embed.min.js'), 'utf8'),
  };
  return cached;
}
