/**
 * Look inside an .xlsx file before any library inflates it. An .xlsx is a zip archive; we
 * read its central directory ourselves and refuse, with a message naming the file:
 *  - files that are not zips (random bytes, an old .xls or an encrypted workbook), or whose
 *    directory or entries run past the end (truncated downloads);
 *  - too many entries, or entries whose declared or actual inflated size is too large
 *    (zip bombs): deflate expands at most ~1032:1, so an entry whose compressed size cannot
 *    exceed its declared size is trusted, and any other is inflated with a cap of its
 *    declared size, which catches a header that lies;
 *  - XML parts with a DOCTYPE or ENTITY declaration (billion laughs, external entities):
 *    OOXML never uses one, so any is refused outright.
 * Only Node's zlib is used; the archive is never written anywhere.
 */
import * as zlib from 'node:zlib';
import { t, type Text } from '../book/types';
import { fail } from '../util/error';

export interface InspectXlsxOptions {
  /** Most entries an archive may hold. @default 10000 */
  maxEntries?: number;
  /** Largest inflated size of one entry, in bytes. @default 512 MiB (Node's longest string) */
  maxEntryBytes?: number;
  /** Largest inflated size of all entries together, in bytes. @default 2 GiB */
  maxTotalBytes?: number;
}

export interface XlsxEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  /** Offset of the entry's local header. */
  offset: number;
}

export interface XlsxInspection {
  entries: XlsxEntry[];
  /** Sum of the entries' inflated sizes. */
  totalBytes: number;
}

const DEFAULTS: Required<InspectXlsxOptions> = { maxEntries: 10_000, maxEntryBytes: 512 * 1024 * 1024, maxTotalBytes: 2 * 1024 * 1024 * 1024 };
// Deflate's best case is about 1032:1; a little slack for headers of tiny entries.
const MAX_DEFLATE_RATIO = 1032;
const PROLOG_SCAN_BYTES = 64 * 1024;

/**
 * Check an .xlsx file's bytes before it is loaded.
 * @param bytes the whole file
 * @param fileName shown in every message
 * @returns the entries found
 * @throws AnalyticsError `not-a-workbook`, `truncated-workbook`, `zip-bomb`, `xml-doctype` naming the file
 */
export function inspectXlsx(bytes: Uint8Array, fileName: string, options: InspectXlsxOptions = {}): XlsxInspection {
  const limits = { ...DEFAULTS, ...options };
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

  // Step 1: the file must be a zip at all
  checkSignature(buf, fileName);

  // Step 2: the central directory lists every entry with its sizes
  const entries = readCentralDirectory(buf, fileName, limits.maxEntries);

  // Step 3: declared sizes, then actual ones where the declaration could lie
  let totalBytes = 0;
  const names = new Set<string>();
  for (const e of entries) {
    if (names.has(e.name)) fail('not-a-workbook', t(`${fileName}: 压缩包中有重复的条目 ${e.name}`, `${fileName}: the archive holds entry ${e.name} twice`));
    names.add(e.name);
    if (e.size > limits.maxEntryBytes) bomb(fileName, t(`${e.name} 解压后为 ${e.size} 字节（上限 ${limits.maxEntryBytes}）`, `${e.name} inflates to ${e.size} bytes (limit ${limits.maxEntryBytes})`));
    totalBytes += e.size;
    if (totalBytes > limits.maxTotalBytes) bomb(fileName, t(`各条目解压后合计超过 ${limits.maxTotalBytes} 字节`, `its entries inflate to more than ${limits.maxTotalBytes} bytes`));
    const data = entryData(buf, e, fileName);
    const prefix = checkActualSize(data, e, fileName);
    if (/\.(xml|rels|vml)$/i.test(e.name)) checkProlog(prefix ?? inflatePrefix(data, e, fileName), e.name, fileName);
  }
  return { entries, totalBytes };
}

function checkSignature(buf: Buffer, fileName: string): void {
  if (buf.length >= 8 && buf.readUInt32BE(0) === 0xd0cf11e0 && buf.readUInt32BE(4) === 0xa1b11ae1) {
    fail('not-a-workbook', t(`${fileName}: 这是旧版 .xls 或加密的工作簿，请另存为未加密的 .xlsx`, `${fileName}: this is an old .xls or a password-protected workbook; save it as an unencrypted .xlsx`));
  }
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) {
    fail('not-a-workbook', t(`${fileName}: 不是 .xlsx 文件（不是 zip 压缩包）`, `${fileName}: not an .xlsx file (it is not a zip archive)`));
  }
}

function readCentralDirectory(buf: Buffer, fileName: string, maxEntries: number): XlsxEntry[] {
  // The end record sits in the last 65,557 bytes (22 bytes plus a comment of up to 65,535).
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) truncated(fileName, t('缺少 zip 目录的结尾', 'the end of its zip directory is missing'));
  let count = buf.readUInt16LE(eocd + 10);
  let cdSize = buf.readUInt32LE(eocd + 12);
  let cdOffset = buf.readUInt32LE(eocd + 16);
  if (count === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff) {
    ({ count, cdSize, cdOffset } = readZip64End(buf, eocd, fileName));
  }
  if (count > maxEntries) bomb(fileName, t(`包含 ${count} 个条目（上限 ${maxEntries}）`, `it holds ${count} entries (limit ${maxEntries})`));
  if (cdOffset + cdSize > eocd) truncated(fileName, t('zip 目录超出了文件末尾', 'its zip directory runs past the end'));

  const entries: XlsxEntry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (p + 46 > eocd || buf.readUInt32LE(p) !== 0x02014b50) truncated(fileName, t(`zip 目录第 ${k + 1} 项已损坏`, `zip directory entry ${k + 1} is damaged`));
    const flags = buf.readUInt16LE(p + 8);
    const method = buf.readUInt16LE(p + 10);
    let compressedSize = buf.readUInt32LE(p + 20);
    let size = buf.readUInt32LE(p + 24);
    const nameLen = buf.readUInt16LE(p + 28);
    const extraLen = buf.readUInt16LE(p + 30);
    const commentLen = buf.readUInt16LE(p + 32);
    let offset = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    if (flags & 1) fail('not-a-workbook', t(`${fileName}: 条目 ${name} 已加密`, `${fileName}: entry ${name} is encrypted`));
    if (method !== 0 && method !== 8) fail('not-a-workbook', t(`${fileName}: 条目 ${name} 使用不支持的压缩方式 ${method}`, `${fileName}: entry ${name} uses unsupported compression method ${method}`));
    if (size === 0xffffffff || compressedSize === 0xffffffff || offset === 0xffffffff) {
      ({ size, compressedSize, offset } = readZip64Extra(buf.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen), { size, compressedSize, offset }));
    }
    entries.push({ name, method, compressedSize, size, offset });
    p += 46 + nameLen + extraLen + commentLen;
  }
  return entries;
}

function readZip64End(buf: Buffer, eocd: number, fileName: string): { count: number; cdSize: number; cdOffset: number } {
  const loc = eocd - 20;
  if (loc < 0 || buf.readUInt32LE(loc) !== 0x07064b50) truncated(fileName, t('缺少 ZIP64 目录定位符', 'its ZIP64 directory locator is missing'));
  const at = Number(buf.readBigUInt64LE(loc + 8));
  if (at + 56 > buf.length || buf.readUInt32LE(at) !== 0x06064b50) truncated(fileName, t('缺少 ZIP64 目录记录', 'its ZIP64 directory record is missing'));
  return { count: Number(buf.readBigUInt64LE(at + 32)), cdSize: Number(buf.readBigUInt64LE(at + 40)), cdOffset: Number(buf.readBigUInt64LE(at + 48)) };
}

function readZip64Extra(extra: Buffer, sizes: { size: number; compressedSize: number; offset: number }) {
  const out = { ...sizes };
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const len = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      // Fields appear only for the values that overflowed, in this order.
      let r = q + 4;
      const next = () => (r + 8 <= q + 4 + len ? Number(extra.readBigUInt64LE((r += 8) - 8)) : NaN);
      if (out.size === 0xffffffff) out.size = next();
      if (out.compressedSize === 0xffffffff) out.compressedSize = next();
      if (out.offset === 0xffffffff) out.offset = next();
    }
    q += 4 + len;
  }
  return out;
}

function entryData(buf: Buffer, e: XlsxEntry, fileName: string): Buffer {
  if (!(e.offset + 30 <= buf.length) || buf.readUInt32LE(e.offset) !== 0x04034b50) truncated(fileName, t(`缺少条目 ${e.name}`, `entry ${e.name} is missing`));
  const start = e.offset + 30 + buf.readUInt16LE(e.offset + 26) + buf.readUInt16LE(e.offset + 28);
  if (!(start + e.compressedSize <= buf.length)) truncated(fileName, t(`条目 ${e.name} 超出了文件末尾`, `entry ${e.name} runs past the end of the file`));
  return buf.subarray(start, start + e.compressedSize);
}

/** Inflate an entry with a cap of its declared size when the declaration could be a lie; returns its start. */
function checkActualSize(data: Buffer, e: XlsxEntry, fileName: string): Buffer | undefined {
  if (e.method === 0) {
    if (data.length !== e.size) truncated(fileName, t(`未压缩的条目 ${e.name} 有 ${data.length} 字节，与声明的 ${e.size} 字节不符`, `stored entry ${e.name} has ${data.length} bytes, not the ${e.size} declared`));
    return data.subarray(0, PROLOG_SCAN_BYTES);
  }
  if (data.length * MAX_DEFLATE_RATIO + 1024 <= e.size) return undefined;
  let out: Buffer;
  try {
    out = zlib.inflateRawSync(data, { maxOutputLength: Math.max(1, e.size) + 1 });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE' || (err as Error).name === 'RangeError') bomb(fileName, t(`${e.name} 解压后超过其声明的 ${e.size} 字节`, `${e.name} inflates to more than the ${e.size} bytes it declares`));
    return fail('not-a-workbook', t(`${fileName}: 条目 ${e.name} 无法解压（${(err as Error).message}）`, `${fileName}: entry ${e.name} cannot be inflated (${(err as Error).message})`), err);
  }
  if (out.length > e.size) bomb(fileName, t(`${e.name} 解压后超过其声明的 ${e.size} 字节`, `${e.name} inflates to more than the ${e.size} bytes it declares`));
  return out.subarray(0, PROLOG_SCAN_BYTES);
}

function inflatePrefix(data: Buffer, e: XlsxEntry, fileName: string): Buffer {
  if (e.method === 0) return data.subarray(0, PROLOG_SCAN_BYTES);
  // A prefix of the compressed stream, flushed as far as it goes.
  try {
    const out = zlib.inflateRawSync(data.subarray(0, PROLOG_SCAN_BYTES / 4), { finishFlush: zlib.constants.Z_SYNC_FLUSH });
    return out.subarray(0, PROLOG_SCAN_BYTES);
  } catch (err) {
    return fail('not-a-workbook', t(`${fileName}: 条目 ${e.name} 无法解压（${(err as Error).message}）`, `${fileName}: entry ${e.name} cannot be inflated (${(err as Error).message})`), err);
  }
}

function checkProlog(prefix: Buffer, name: string, fileName: string): void {
  const text = decodeXml(prefix);
  // Anything before the root element: the XML declaration, comments, processing instructions.
  const root = text.search(/<[A-Za-z_]/);
  const prolog = root < 0 ? text : text.slice(0, root);
  if (/<!DOCTYPE|<!ENTITY/i.test(prolog) || (root < 0 && text.length >= PROLOG_SCAN_BYTES / 2)) {
    fail('xml-doctype', t(`${fileName}: ${name} 含有 DOCTYPE/ENTITY 声明，OOXML 不允许，已拒绝（可能是 XML 实体炸弹）`, `${fileName}: ${name} carries a DOCTYPE or ENTITY declaration, which OOXML never uses; refused (possible entity-expansion attack)`));
  }
}

function decodeXml(b: Buffer): string {
  if (b[0] === 0xff && b[1] === 0xfe) return b.toString('utf16le');
  if (b[0] === 0xfe && b[1] === 0xff) return Buffer.from(b.subarray(0, b.length & ~1)).swap16().toString('utf16le');
  return b.toString('latin1');
}

function bomb(fileName: string, why: Text): never {
  return fail('zip-bomb', t(`${fileName}: 解压后过大，疑似压缩炸弹，已拒绝：${why['zh-CN']}`, `${fileName}: refused as a possible zip bomb: ${why['en-US']}`));
}

function truncated(fileName: string, why: Text): never {
  return fail('truncated-workbook', t(`${fileName}: 文件不完整或已损坏：${why['zh-CN']}`, `${fileName}: the file is truncated or damaged: ${why['en-US']}`));
}
