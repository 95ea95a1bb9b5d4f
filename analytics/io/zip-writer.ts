/**
 * A small streaming ZIP writer for .xlsx packages. Each entry is deflated as it is produced
 * and followed by a data descriptor (general purpose bit 3), so no entry is ever held whole
 * in memory; the central directory is written at the end from the sizes counted on the way.
 * LIMITATION: no ZIP64, so an entry or the whole archive must stay under 4 GiB; a
 * 1,048,576-row sheet is well under that compressed, and we refuse rather than corrupt.
 */
import { once } from 'node:events';
import { pipeline } from 'node:stream/promises';
import type { Writable } from 'node:stream';
import * as zlib from 'node:zlib';
import { t } from '../book/types';
import { fail } from '../util/error';

const MAX_ZIP32 = 0xffffffff;
const FLAG_DESCRIPTOR_UTF8 = 0x0008 | 0x0800;

interface EntryRecord {
  name: Buffer;
  crc: number;
  compressed: number;
  size: number;
  offset: number;
}

export interface ZipWriterOptions {
  /** Deflate level 1 (fast) to 9 (small). @default 6 */
  level?: number;
  /** Modification time stamped on every entry. @default now */
  modified?: Date;
}

/** Writes entries one after another into `out`; call `finish` once at the end. */
export class ZipWriter {
  private readonly entries: EntryRecord[] = [];
  private offset = 0;
  private readonly level: number;
  private readonly dosTime: number;
  private readonly dosDate: number;

  constructor(
    private readonly out: Writable,
    options: ZipWriterOptions = {},
  ) {
    this.level = options.level ?? 6;
    const m = options.modified ?? new Date();
    this.dosTime = (m.getHours() << 11) | (m.getMinutes() << 5) | Math.floor(m.getSeconds() / 2);
    this.dosDate = ((Math.max(1980, m.getFullYear()) - 1980) << 9) | ((m.getMonth() + 1) << 5) | m.getDate();
  }

  /**
   * Add one entry whose content comes from `source` (text is written as UTF-8).
   * @throws AnalyticsError `zip-too-large` past 4 GiB
   */
  async addEntry(name: string, source: string | AsyncIterable<string | Buffer> | Iterable<string | Buffer>): Promise<void> {
    const record: EntryRecord = { name: Buffer.from(name, 'utf8'), crc: 0, compressed: 0, size: 0, offset: this.offset };
    await this.write(this.localHeader(record));

    // Step 1: count and checksum the plain bytes, deflate them, count what comes out
    const chunks = typeof source === 'string' ? [source] : source;
    const plain = async function* (this: ZipWriter) {
      for await (const chunk of chunks) {
        const buf = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
        record.crc = zlib.crc32(buf, record.crc);
        record.size += buf.length;
        yield buf;
      }
    }.call(this);
    await pipeline(plain, zlib.createDeflateRaw({ level: this.level }), async (deflated: AsyncIterable<Buffer>) => {
      for await (const buf of deflated) {
        record.compressed += buf.length;
        await this.write(buf);
      }
    });
    if (record.size > MAX_ZIP32 || record.compressed > MAX_ZIP32 || this.offset > MAX_ZIP32) {
      fail('zip-too-large', t(`${name}: ${record.size} 字节超出工作簿单个部件的上限（4 GiB）`, `${name}: ${record.size} bytes is more than a workbook part may hold (4 GiB)`));
    }

    // Step 2: the data descriptor carries the sizes we only know now
    const descriptor = Buffer.alloc(16);
    descriptor.writeUInt32LE(0x08074b50, 0);
    descriptor.writeUInt32LE(record.crc >>> 0, 4);
    descriptor.writeUInt32LE(record.compressed, 8);
    descriptor.writeUInt32LE(record.size, 12);
    await this.write(descriptor);
    this.entries.push(record);
  }

  /** Write the central directory and end the output stream. */
  async finish(): Promise<void> {
    const start = this.offset;
    for (const e of this.entries) await this.write(this.centralHeader(e));
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    await this.write(end);
    this.out.end();
    await once(this.out, 'finish');
  }

  private localHeader(e: EntryRecord): Buffer {
    const b = Buffer.alloc(30 + e.name.length);
    b.writeUInt32LE(0x04034b50, 0);
    b.writeUInt16LE(20, 4);
    b.writeUInt16LE(FLAG_DESCRIPTOR_UTF8, 6);
    b.writeUInt16LE(8, 8);
    b.writeUInt16LE(this.dosTime, 10);
    b.writeUInt16LE(this.dosDate, 12);
    // crc and sizes stay 0 here; the data descriptor after the data has them
    b.writeUInt16LE(e.name.length, 26);
    e.name.copy(b, 30);
    return b;
  }

  private centralHeader(e: EntryRecord): Buffer {
    const b = Buffer.alloc(46 + e.name.length);
    b.writeUInt32LE(0x02014b50, 0);
    b.writeUInt16LE(20, 4);
    b.writeUInt16LE(20, 6);
    b.writeUInt16LE(FLAG_DESCRIPTOR_UTF8, 8);
    b.writeUInt16LE(8, 10);
    b.writeUInt16LE(this.dosTime, 12);
    b.writeUInt16LE(this.dosDate, 14);
    b.writeUInt32LE(e.crc >>> 0, 16);
    b.writeUInt32LE(e.compressed, 20);
    b.writeUInt32LE(e.size, 24);
    b.writeUInt16LE(e.name.length, 28);
    b.writeUInt32LE(e.offset, 42);
    e.name.copy(b, 46);
    return b;
  }

  private async write(buf: Buffer): Promise<void> {
    this.offset += buf.length;
    if (!this.out.write(buf)) await once(this.out, 'drain');
  }
}
