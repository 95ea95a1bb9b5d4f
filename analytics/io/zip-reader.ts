/**
 * Read entries of a ZIP file (an .xlsx package) one at a time, straight from disk: the
 * central directory at the end gives each entry's place and size, and an entry's bytes are
 * inflated as a stream, so a sheet of a million rows is never held whole in memory.
 * Inflated bytes are capped per entry, so a zip bomb fails instead of filling memory.
 * LIMITATION: no ZIP64 and no encryption; Excel writes neither for books under 4 GiB.
 */
import * as fs from 'node:fs';
import * as zlib from 'node:zlib';
import { t } from '../book/types';
import { fail } from '../util/error';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

/** Largest inflated entry we accept (a full 16-column sheet of 1,048,576 rows is ~1 GB). */
export const MAX_ENTRY_BYTES = 4 * 1024 * 1024 * 1024;

/**
 * List the entries of a ZIP file by name.
 * @throws AnalyticsError `not-a-workbook` when no central directory is found
 */
export function listZipEntries(file: string): Map<string, ZipEntry> {
  const fd = fs.openSync(file, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    fs.readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === 0x06054b50) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0) fail('not-a-workbook', t(`${file}: 不是 ZIP 压缩包（没有中央目录）`, `${file}: not a ZIP package (no central directory)`));
    const count = tail.readUInt16LE(eocd + 10);
    const cdSize = tail.readUInt32LE(eocd + 12);
    const cdOffset = tail.readUInt32LE(eocd + 16);
    if (cdOffset === 0xffffffff || count === 0xffff) fail('not-a-workbook', t(`${file}: 不支持 ZIP64 格式的压缩包`, `${file}: ZIP64 packages are not supported`));
    const cd = Buffer.alloc(cdSize);
    fs.readSync(fd, cd, 0, cdSize, cdOffset);
    return parseCentralDirectory(file, cd, count);
  } finally {
    fs.closeSync(fd);
  }
}

function parseCentralDirectory(file: string, cd: Buffer, count: number): Map<string, ZipEntry> {
  const entries = new Map<string, ZipEntry>();
  let p = 0;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cd.length || cd.readUInt32LE(p) !== 0x02014b50) fail('not-a-workbook', t(`${file}: ZIP 中央目录已损坏`, `${file}: damaged ZIP central directory`));
    const nameLength = cd.readUInt16LE(p + 28);
    const extraLength = cd.readUInt16LE(p + 30);
    const commentLength = cd.readUInt16LE(p + 32);
    const name = cd.toString('utf8', p + 46, p + 46 + nameLength).replace(/^\//, '');
    entries.set(name, {
      name,
      method: cd.readUInt16LE(p + 10),
      compressedSize: cd.readUInt32LE(p + 20),
      size: cd.readUInt32LE(p + 24),
      localOffset: cd.readUInt32LE(p + 42),
    });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/**
 * Stream one entry's inflated bytes.
 * @throws AnalyticsError `not-a-workbook` for an unsupported compression method or an entry past the cap
 */
export async function* readZipEntry(file: string, entry: ZipEntry): AsyncGenerator<Buffer> {
  if (entry.method !== 0 && entry.method !== 8) fail('not-a-workbook', t(`${file}: ${entry.name} 使用了无法读取的 ZIP 压缩方式 ${entry.method}`, `${file}: ${entry.name} uses ZIP method ${entry.method}, which we cannot read`));

  // Step 1: the local header's own name and extra lengths say where the data starts
  const head = Buffer.alloc(30);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, head, 0, 30, entry.localOffset);
  } finally {
    fs.closeSync(fd);
  }
  if (head.readUInt32LE(0) !== 0x04034b50) fail('not-a-workbook', t(`${file}: ZIP 条目 ${entry.name} 已损坏`, `${file}: damaged ZIP entry ${entry.name}`));
  const start = entry.localOffset + 30 + head.readUInt16LE(26) + head.readUInt16LE(28);
  if (entry.compressedSize === 0) return;

  // Step 2: read the compressed span and inflate it as it arrives
  const raw = fs.createReadStream(file, { start, end: start + entry.compressedSize - 1, highWaterMark: 1 << 20 });
  const source = entry.method === 8 ? raw.pipe(zlib.createInflateRaw({ chunkSize: 1 << 18, readableHighWaterMark: 1 << 23 } as zlib.ZlibOptions)) : raw;
  raw.on('error', (e) => source.destroy(e));
  let total = 0;
  for await (const chunk of source as AsyncIterable<Buffer>) {
    // OOXML never declares a DOCTYPE; one is an entity-expansion attempt (readBook refuses it too).
    if (total === 0 && /\.(xml|rels)$/i.test(entry.name) && /<!DOCTYPE|<!ENTITY/i.test(chunk.toString('latin1', 0, Math.min(chunk.length, 4096)))) {
      raw.destroy();
      fail('xml-doctype', t(`${file}: ${entry.name} 含有 DOCTYPE/ENTITY 声明，OOXML 不允许，已拒绝`, `${file}: ${entry.name} carries a DOCTYPE or ENTITY declaration, which OOXML never uses; refused`));
    }
    total += chunk.length;
    if (total > MAX_ENTRY_BYTES) {
      raw.destroy();
      fail('not-a-workbook', t(`${file}: ${entry.name} 解压后超过 ${MAX_ENTRY_BYTES} 字节，疑似压缩炸弹，已拒绝`, `${file}: ${entry.name} inflates past ${MAX_ENTRY_BYTES} bytes; refusing it as a likely zip bomb`));
    }
    yield chunk;
  }
}

/** Read a small entry whole as UTF-8 text. */
export async function readZipText(file: string, entry: ZipEntry): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const c of readZipEntry(file, entry)) chunks.push(c);
  return Buffer.concat(chunks).toString('utf8');
}
