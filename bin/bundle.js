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
const BASE = path.join(ROOT, 'node_modules', '.cache', 'cashbook');

// What a bundle is built from: its sources, and how it is built (this file, tsconfig).
const SOURCES = ['analytics', 'bench', 'package.json', 'tsconfig.json', 'bin/bundle.js'];

// A directory left by a build that stopped half way is removed after this long.
const STALE_TMP_MS = 10 * 60_000;

/**
 * The directory of an up-to-date bundle of `entries` (name → source path from the repo
 * root), built now if the sources changed since or the bundle on disk is not what was
 * built; undefined when it cannot be built.
 */
function freshBundle(name, entries) {
  try {
    const sources = sourceHash(entries);
    // One directory per version of the sources: a process never deletes a bundle another
    // process may be running from a moment ago, and two processes building at once agree.
    const outDir = path.join(BASE, `${name}-${sources.slice(0, 16)}`);
    if (isIntact(outDir, sources, entries)) return outDir;
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
    writeStamp(tmp, sources);
    if (!moveIntoPlace(tmp, outDir, sources, entries)) return undefined;
    prune(name, outDir);
    return outDir;
  } catch {
    return undefined;
  }
}

// The stamp names the sources' hash and each built file's hash, so a file cut short or
// emptied on disk (a crash before it was flushed, a stray edit) is found and rebuilt.
function writeStamp(dir, sources) {
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
  for (const f of files) fsyncFile(path.join(dir, f));
  const lines = [sources, ...files.map((f) => `${f} ${fileHash(path.join(dir, f))}`)];
  fs.writeFileSync(path.join(dir, 'stamp'), lines.join('\n'));
  fsyncFile(path.join(dir, 'stamp'));
}

// Intact: the stamp names these sources, lists every entry's file, and each file listed
// has the hash it was built with.
function isIntact(dir, sources, entries) {
  const stamp = readText(path.join(dir, 'stamp'));
  if (!stamp) return false;
  const [head, ...files] = stamp.split('\n');
  if (head !== sources) return false;
  const listed = new Map(files.map((line) => line.split(' ')));
  if (!Object.keys(entries).every((name) => listed.has(`${name}.js`))) return false;
  return [...listed].every(([file, hash]) => fileHash(path.join(dir, file)) === hash);
}

// Put a finished build at `outDir`. Another process may have put the same version there
// first (then that one is used); a directory there that is not intact is moved aside.
function moveIntoPlace(tmp, outDir, sources, entries) {
  try {
    fs.renameSync(tmp, outDir);
    return true;
  } catch {
    if (isIntact(outDir, sources, entries)) {
      fs.rmSync(tmp, { recursive: true, force: true });
      return true;
    }
  }
  try {
    const aside = `${outDir}.${process.pid}.bad.tmp`;
    fs.renameSync(outDir, aside);
    fs.renameSync(tmp, outDir);
    fs.rmSync(aside, { recursive: true, force: true });
    return true;
  } catch {
    fs.rmSync(tmp, { recursive: true, force: true });
    return isIntact(outDir, sources, entries);
  }
}

// Keep the newest two versions of a bundle besides the current one, and drop directories
// of builds that stopped half way long ago.
function prune(name, keep) {
  const now = Date.now();
  const dirs = fs.readdirSync(BASE).map((d) => ({ d, dir: path.join(BASE, d), at: fs.statSync(path.join(BASE, d)).mtimeMs }));
  for (const { d, dir, at } of dirs) if (d.endsWith('.tmp') && now - at > STALE_TMP_MS) fs.rmSync(dir, { recursive: true, force: true });
  const old = dirs.filter(({ d, dir }) => d.startsWith(`${name}-`) && !d.endsWith('.tmp') && dir !== keep).sort((a, b) => b.at - a.at);
  for (const { dir } of old.slice(2)) fs.rmSync(dir, { recursive: true, force: true });
}

// The contents of every source file, hashed: any edit changes it, whatever its time stamp.
function sourceHash(entries) {
  const hash = crypto.createHash('sha256').update(JSON.stringify(entries));
  const visit = (p) => {
    const st = fs.statSync(p, { throwIfNoEntry: false });
    if (!st) return;
    if (st.isDirectory()) {
      for (const e of fs.readdirSync(p).sort()) if (e !== 'node_modules') visit(path.join(p, e));
    } else if (/\.(ts|tsx|js|cjs|mjs|json)$/.test(p)) hash.update(`${path.relative(ROOT, p)}\0`).update(fs.readFileSync(p)).update('\0');
  };
  for (const s of SOURCES) visit(path.join(ROOT, s));
  return hash.digest('hex');
}

function fileHash(file) {
  try {
    return crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');
  } catch {
    return '';
  }
}

function fsyncFile(file) {
  const fd = fs.openSync(file, 'r+');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

function readText(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

module.exports = { freshBundle, BASE };
