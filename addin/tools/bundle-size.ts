/**
 * Print the gzipped size of the pane's first bundle (the scripts an HTML page loads before
 * anything is clicked) and of each on-demand chunk. Run after `npm run build`:
 * npx tsx addin/tools/bundle-size.ts [dist]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

export interface BundleFile {
  file: string;
  raw: number;
  gzip: number;
}

/** The scripts `page` loads up front, with raw and gzipped sizes. */
export function firstBundle(
  dist: string,
  page: string,
): { files: BundleFile[]; raw: number; gzip: number } {
  const html = fs.readFileSync(path.join(dist, page), 'utf8');
  // The HTML is minified: attribute values may or may not be quoted.
  const scripts = [...html.matchAll(/<script[^>]*\ssrc=(?:"([^"]+)"|([^\s>]+))/g)]
    .map((m) => m[1] ?? m[2])
    .filter((src) => !/^https?:/.test(src));
  const files = scripts.map((file) => sizeOf(dist, file));
  return {
    files,
    raw: files.reduce((n, f) => n + f.raw, 0),
    gzip: files.reduce((n, f) => n + f.gzip, 0),
  };
}

export function sizeOf(dist: string, file: string): BundleFile {
  const bytes = fs.readFileSync(path.join(dist, file));
  return { file, raw: bytes.length, gzip: zlib.gzipSync(bytes, { level: 9 }).length };
}

if (require.main === module) {
  const dist = path.resolve(process.argv[2] ?? 'dist');
  const kb = (n: number) => `${(n / 1024).toFixed(1)} kB`;
  for (const page of ['taskpane.html', 'index.html']) {
    const first = firstBundle(dist, page);
    process.stdout.write(
      `${page}: first bundle ${kb(first.gzip)} gzip (${kb(first.raw)} raw): ${first.files.map((f) => f.file).join(', ')}\n`,
    );
  }
  const initial = new Set(
    [...firstBundle(dist, 'taskpane.html').files, ...firstBundle(dist, 'index.html').files].map(
      (f) => f.file,
    ),
  );
  for (const file of fs
    .readdirSync(dist)
    .filter((f) => f.endsWith('.js') && !initial.has(f))
    .sort()) {
    const s = sizeOf(dist, file);
    process.stdout.write(`  on demand ${file}: ${kb(s.gzip)} gzip\n`);
  }
}
