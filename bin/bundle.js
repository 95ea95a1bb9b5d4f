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
    const base = path.join(ROOT, 'node_modules', '.cache', 'cashbook');
    const stamp = sourceStamp(entries);
    // One directory per version of the sources: a process never deletes a bundle another
    // process may be running from a moment ago, and two processes building at once agree.
    const outDir = path.join(base, `${name}-${stamp.slice(0, 16)}`);
    if (readText(path.join(outDir, 'stamp')) === stamp) return outDir;
    const esbuild = require('esbuild');
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
    try {
      fs.renameSync(tmp, outDir);
    } catch {
      // Another process put the same version in place first.
      fs.rmSync(tmp, { recursive: true, force: true });
      if (readText(path.join(outDir, 'stamp')) !== stamp) return undefined;
    }
    pruneOldVersions(base, name, outDir);
    return outDir;
  } catch {
    return undefined;
  }
}

// Keep the newest few versions of a bundle; older ones are from sources long since edited.
function pruneOldVersions(base, name, keep) {
  const old = fs
    .readdirSync(base)
    .filter((d) => d.startsWith(`${name}-`) && !d.endsWith('.tmp') && path.join(base, d) !== keep)
    .map((d) => ({ dir: path.join(base, d), at: fs.statSync(path.join(base, d)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  for (const { dir } of old.slice(2)) fs.rmSync(dir, { recursive: true, force: true });
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
