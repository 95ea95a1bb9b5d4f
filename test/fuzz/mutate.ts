/**
 * A seeded mutator for fuzzing readers: the same seed always gives the same mutated bytes,
 * so a failure found in a long run is replayed by its seed alone. Byte-level mutations hit
 * the zip and text layers; `mutateXlsxPart` unzips an .xlsx, changes one XML part and zips it
 * again, so the XML and cell layers behind a valid zip get exercised too.
 */
import { seededRandom } from '../../analytics/util/seeded-random';
import JSZip from 'jszip';

export { seededRandom };

const INTERESTING = [0x00, 0xff, 0x3c, 0x3e, 0x26, 0x22, 0x2c, 0x0a, 0x0d, 0x3d, 0x2d, 0x2b, 0x40, 0x09, 0xef, 0xbb, 0xbf, 0x80];

/** One byte-level mutation of `input`; returns the bytes and what was done. */
export function mutateBytes(input: Uint8Array, rnd: () => number): { bytes: Uint8Array; how: string } {
  const int = (n: number) => Math.floor(rnd() * n);
  const b = Buffer.from(input);
  const at = int(Math.max(1, b.length));
  switch (int(6)) {
    case 0: {
      const flips = 1 + int(8);
      for (let k = 0; k < flips; k++) b[int(b.length)] ^= 1 << int(8);
      return { bytes: b, how: `flip ${flips} bits` };
    }
    case 1:
      return { bytes: b.subarray(0, at), how: `truncate at ${at}` };
    case 2: {
      const len = 1 + int(64);
      for (let k = 0; k < len && at + k < b.length; k++) b[at + k] = int(256);
      return { bytes: b, how: `overwrite ${len} bytes at ${at}` };
    }
    case 3: {
      const extra = Buffer.from(Array.from({ length: 1 + int(256) }, () => int(256)));
      return { bytes: Buffer.concat([b.subarray(0, at), extra, b.subarray(at)]), how: `insert ${extra.length} bytes at ${at}` };
    }
    case 4: {
      const len = 1 + int(Math.min(4096, b.length));
      return { bytes: Buffer.concat([b.subarray(0, at), b.subarray(at, at + len), b.subarray(at)]), how: `duplicate ${len} bytes at ${at}` };
    }
    default: {
      const n = 1 + int(16);
      for (let k = 0; k < n; k++) b[int(b.length)] = INTERESTING[int(INTERESTING.length)];
      return { bytes: b, how: `set ${n} interesting bytes` };
    }
  }
}

const TEXT_EDITS: ((s: string, rnd: () => number) => [string, string])[] = [
  (s, rnd) => {
    const i = Math.floor(rnd() * s.length);
    const j = i + Math.floor(rnd() * 200);
    return [s.slice(0, i) + s.slice(j), `delete ${i}..${j}`];
  },
  (s, rnd) => {
    const i = Math.floor(rnd() * s.length);
    return [s.slice(0, i) + s.slice(i, i + 300) + s.slice(i), `duplicate at ${i}`];
  },
  (s) => [s.replace(/<v>[^<]*<\/v>/, '<v>1e400</v>'), 'number out of range'],
  (s) => [s.replace(/<v>[^<]*<\/v>/, '<v>abc</v>'), 'text in a number cell'],
  (s) => [s.replace(/<c r="([A-Z]+)(\d+)"/, '<c r="$11048577"'), 'cell past the last row'],
  (s) => [s.replace(/<t[^>]*>[^<]*<\/t>/, `<t>${'长'.repeat(33000)}</t>`), 'huge text'],
  (s) => [s.replace(/<v>/, '<f>cmd|\' /C calc\'!A0</f><v>'), 'formula payload'],
  (s) => [s.replace(/t="s"/, 't="e"'), 'error type'],
  (s) => [s.replace(/t="s"><v>\d+/, 't="s"><v>99999'), 'shared string index out of range'],
  (s) => [s.replace(/^(<\?xml[^>]*\?>)?/, '$1<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa">]>'), 'DOCTYPE'],
  (s) => [s.replace(/<\/[a-zA-Z:]+>/, ''), 'drop a closing tag'],
  (s) => [s.replace(/r="(\d+)"/, 'r="-$1"'), 'negative row'],
];

/** Unzip an .xlsx, apply one text edit to one XML part, zip it again. */
export async function mutateXlsxPart(input: Uint8Array, rnd: () => number): Promise<{ bytes: Uint8Array; how: string }> {
  const zip = await JSZip.loadAsync(input);
  const parts = Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)).sort();
  const part = parts[Math.floor(rnd() * parts.length)];
  const text = await zip.file(part)!.async('string');
  const [edited, what] = TEXT_EDITS[Math.floor(rnd() * TEXT_EDITS.length)](text, rnd);
  zip.file(part, edited);
  const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
  return { bytes, how: `${part}: ${what}` };
}
