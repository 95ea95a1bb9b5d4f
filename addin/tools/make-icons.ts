/**
 * Draw the add-in's icons (16, 32, 64, 80 px PNG): a teal rounded tile with a white ledger
 * page and a bold "¥" made of strokes. Pure Node (zlib for the PNG stream), no image library.
 * Run: npx tsx addin/tools/make-icons.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';

type Rgba = [number, number, number, number];
const TEAL: Rgba = [0, 120, 112, 255];
const WHITE: Rgba = [255, 255, 255, 255];
const INK: Rgba = [0, 90, 84, 255];

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([len, body, crc]);
}

function png(size: number, pixel: (x: number, y: number) => Rgba): Buffer {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) raw.set(pixel(x, y), y * (size * 4 + 1) + 1 + x * 4);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', zlib.deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** Icon pixel at (x, y) in unit coordinates 0..1. */
function icon(u: number, v: number): Rgba {
  const r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r);
  const cy = Math.min(Math.max(v, r), 1 - r);
  if ((u - cx) ** 2 + (v - cy) ** 2 > r * r) return [0, 0, 0, 0];
  const page = u > 0.2 && u < 0.8 && v > 0.14 && v < 0.86;
  if (!page) return TEAL;
  // "¥": two arms meeting at the centre, a stem, two bars.
  const stroke = 0.07;
  const onArm = (x0: number, y0: number, x1: number, y1: number) => {
    const t = Math.max(
      0,
      Math.min(
        1,
        ((u - x0) * (x1 - x0) + (v - y0) * (y1 - y0)) / ((x1 - x0) ** 2 + (y1 - y0) ** 2),
      ),
    );
    return Math.hypot(u - (x0 + t * (x1 - x0)), v - (y0 + t * (y1 - y0))) < stroke / 1.4;
  };
  const yen =
    onArm(0.33, 0.24, 0.5, 0.5) ||
    onArm(0.67, 0.24, 0.5, 0.5) ||
    (Math.abs(u - 0.5) < stroke / 1.4 && v >= 0.5 && v < 0.78) ||
    (Math.abs(v - 0.55) < stroke / 2.5 && Math.abs(u - 0.5) < 0.15) ||
    (Math.abs(v - 0.66) < stroke / 2.5 && Math.abs(u - 0.5) < 0.15);
  return yen ? INK : WHITE;
}

/** Supersample 4×4 per pixel so small sizes stay smooth. */
function render(size: number): Buffer {
  return png(size, (x, y) => {
    const acc = [0, 0, 0, 0];
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        const p = icon((x + (i + 0.5) / 4) / size, (y + (j + 0.5) / 4) / size);
        for (let k = 0; k < 3; k++) acc[k] += p[k] * p[3];
        acc[3] += p[3];
      }
    const a = acc[3] / 16;
    return a === 0
      ? [0, 0, 0, 0]
      : [
          Math.round(acc[0] / acc[3]),
          Math.round(acc[1] / acc[3]),
          Math.round(acc[2] / acc[3]),
          Math.round(a),
        ];
  });
}

const out = path.resolve(__dirname, '../../assets');
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80])
  fs.writeFileSync(path.join(out, `icon-${size}.png`), render(size));
