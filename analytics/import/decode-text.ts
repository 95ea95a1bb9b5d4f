/**
 * Turn a statement file's bytes into text. Order of evidence: a byte-order mark (UTF-8,
 * UTF-16 LE/BE) decides; else strict UTF-8 (any invalid sequence fails it); else GB18030,
 * which covers GBK, accepted only when iconv-lite decodes it without a replacement
 * character. A file valid in neither is refused by name: no U+FFFD is ever imported.
 */
import { t, type Text } from '../book/types';
import * as iconv from 'iconv-lite';

export type TextEncodingName = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'gb18030';

export type DecodeResult =
  { ok: true; text: string; encoding: TextEncodingName } | { ok: false; reason: Text };

/**
 * Decode a statement file.
 * @param bytes the file's bytes
 * @returns the text without any BOM and the encoding found, or the reason it is unreadable
 * @example decodeStatementText(new Uint8Array([0xc8, 0xd5, 0xc6, 0xda])) // { ok: true, text: '日期', encoding: 'gb18030' }
 */
export function decodeStatementText(bytes: Uint8Array): DecodeResult {
  // Step 1: a byte-order mark is the strongest evidence
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return strictUtf8(bytes.subarray(3), 'utf-8-bom');
  }
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return {
      ok: true,
      text: stripBom(new TextDecoder('utf-16le').decode(bytes.subarray(2))),
      encoding: 'utf-16le',
    };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return {
      ok: true,
      text: stripBom(new TextDecoder('utf-16be').decode(bytes.subarray(2))),
      encoding: 'utf-16be',
    };
  }

  // Step 2: strict UTF-8, then GB18030 (a superset of GBK)
  const utf8 = strictUtf8(bytes, 'utf-8');
  if (utf8.ok) return utf8;
  // iconv-lite indexes bytes, so a Uint8Array serves in the browser as well as in Node
  const gb = iconv.decode(bytes as unknown as Buffer, 'gb18030');
  if (!gb.includes('\ufffd')) return { ok: true, text: stripBom(gb), encoding: 'gb18030' };
  return {
    ok: false,
    reason: t(
      '文件既不是有效的 UTF-8，也不是有效的 GBK/GB18030',
      'the file is neither valid UTF-8 nor valid GBK/GB18030',
    ),
  };
}

function strictUtf8(bytes: Uint8Array, encoding: 'utf-8' | 'utf-8-bom'): DecodeResult {
  try {
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
    return { ok: true, text: stripBom(text), encoding };
  } catch {
    return {
      ok: false,
      reason: t('文件开头标明是 UTF-8，但内容不是有效的 UTF-8', 'not valid UTF-8'),
    };
  }
}

// A second BOM (a file saved twice by a careless tool) is dropped too.
function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
