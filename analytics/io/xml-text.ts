/**
 * Text in and out of SpreadsheetML: escaping for element text and attributes, undoing the
 * five named entities and numeric character references, and A1 column letters. Characters
 * XML 1.0 cannot carry (C0 controls other than tab, LF, CR, and DEL) are dropped on the way
 * out, as ExcelJS does, so both writers give the same cells.
 */

const NEEDS_ESCAPE = /[<>&"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };

/** Escape text for an XML element body or a double-quoted attribute. */
export function escapeXml(text: string): string {
  if (!NEEDS_ESCAPE.test(text)) return text;
  return text.replace(/[<>&"\x00-\x08\x0B\x0C\x0E-\x1F\x7F]/g, (ch) => ESCAPES[ch] ?? '');
}

const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Undo XML escaping: named entities and `&#NN;` / `&#xHH;` references. */
export function unescapeXml(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-z]+);/g, (whole, body: string) => {
    if (body[0] !== '#') return NAMED[body] ?? whole;
    const code = body[1] === 'x' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    return Number.isFinite(code) && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}

/** 1 → 'A', 27 → 'AA'. */
export function columnLetters(index: number): string {
  let s = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'A' → 1, 'AA' → 27; letters only, any trailing row digits are ignored. */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n;
}
