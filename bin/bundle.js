// Bundles the TypeScript engine for Node with esbuild, once per change of the sources, so
// the CLI and the bench run one bundle (as the add-in runs webpack's) rather than hundreds
// of modules compiled one by one by tsx. Under tsx every call between modules goes through
// a getter and every named closure through a naming helper: a tenth to a quarter of the
// time of a million-row step. The bundle lives in node_modules/.cache; any failure here
// returns undefined and the caller falls back to tsx.
'use strict';
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.join(__dirname, '..');

// Directories whose sources a bundle is built from (what invalidates it).
const SOURCES = ['analytics', 'bench', 'package.json'];

/**
 * The directory of an up-to-date bundle of `entries` (name → source path from the repo
 * root), built now if the sources changed since; undefined when it cannot be built.
 */
function freshBundle(name, entries) {
  try {
    const outDir = path.join(ROOT, 'node_modules', '.cache', 'cashbook', name);
    const stamp = sourceStamp(entries);
    const stampFile = path.join(outDir, 'stamp');
    if (readText(stampFile) === stamp) return outDir;
    const esbuild = require('esbuild');
    // Built beside and moved into place, so a run that stops half way leaves no half bundle.
    const tmp = `${outDir}.${process.pid}.tmp`;
    fs.rmSync(tmp, { recursive: true, force: true });
    esbuild.buildSync({
      entryPoints: Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, path.join(ROOT, v)])),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      packages: 'external',
      outdir: tmp,
      sourcemap: 'linked',
      logLevel: 'silent',
    });
    fs.writeFileSync(path.join(tmp, 'stamp'), stamp);
    fs.rmSync(outDir, { recursive: true, force: true });
    fs.renameSync(tmp, outDir);
    return outDir;
  } catch {
    return undefined;
  }
}

// Names, sizes and times of every source file, hashed: any edit changes it.
function sourceStamp(entries) {
  const hash = crypto.createHash('sha256').update(JSON.stringify(entries));
  const visit = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (e !== 'node_modules') visit(path.join(p, e));
    } else if (/\.(ts|tsx|js|cjs|mjs|json)$/.test(p)) hash.update(`${p}\0${st.size}\0${st.mtimeMs}\n`);
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
  return hash.digest('hex');
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

module.exports = { freshBundle };
