/**
 * Split delimited text (CSV, TSV, semicolon files) into rows of trimmed cells, keeping each
 * row's 1-based line number. Quotes follow RFC 4180 with the slack real exports need:
 * text after a closing quote (a TAB, spaces) is kept up to the delimiter, a quote inside an
 * unquoted cell is literal, and Excel's `"""/"""` re-quoting is undone. One pass over the
 * characters; no regular expression per cell.
 */

export interface DelimitedRow {
  /** 1-based line number where the row starts. */
  line: number;
  cells: string[];
}

const CANDIDATES = [',', '\t', ';', '|'] as const;

/**
 * Pick the delimiter that splits the sample into the most consistent, widest rows.
 * @param sample the first few kilobytes of the text
 * @returns one of `,` TAB `;` `|`
 * @example sniffDelimiter('a;b;c\n1;2;3') // ';'
 */
export function sniffDelimiter(sample: string): string {
  const lines = sample
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 60);
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    // The most common non-zero count, weighted by how many lines share it
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let score = 0;
    for (const [count, lines_] of freq) score = Math.max(score, lines_ * Math.min(count, 30));
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

/**
 * Split text into rows.
 * @param text the decoded file
 * @param delimiter one character
 * @returns rows with trimmed cells; blank lines are dropped
 */
export function splitDelimited(text: string, delimiter: string): DelimitedRow[] {
  const rows: DelimitedRow[] = [];
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = 0;
  let line = 1;
  while (i < n) {
    const start = line;
    const cells: string[] = [];
    let ended = false;
    while (!ended) {
      // One cell
      let value = '';
      let quoted = false;
      let c = text.charCodeAt(i);
      while (c === 32 || c === 9) c = text.charCodeAt(++i);
      if (c === 34 /* " */) {
        quoted = true;
        i++;
        let from = i;
        for (;;) {
          if (i >= n) {
            value += text.slice(from, i);
            break;
          }
          const q = text.charCodeAt(i);
          if (q === 34) {
            if (text.charCodeAt(i + 1) === 34) {
              value += text.slice(from, i + 1);
              i += 2;
              from = i;
              continue;
            }
            value += text.slice(from, i);
            i++;
            break;
          }
          if (q === 10) line++;
          i++;
        }
      }
      // Unquoted text, or what trails a closing quote, up to the delimiter or line end
      const from = i;
      while (i < n) {
        const q = text.charCodeAt(i);
        if (q === d || q === 10 || q === 13) break;
        i++;
      }
      if (i > from) value += text.slice(from, i);
      cells.push(cleanCell(value, quoted));
      const q = text.charCodeAt(i);
      if (q === d) {
        i++;
        if (i >= n) cells.push('');
      } else {
        if (q === 13) i++;
        if (text.charCodeAt(i) === 10) i++;
        line++;
        ended = true;
      }
      if (i >= n) ended = true;
    }
    if (cells.length > 1 || cells[0] !== '') rows.push({ line: start, cells });
  }
  return rows;
}

function cleanCell(value: string, quoted: boolean): string {
  let v = value.trim();
  // Excel re-saves a quoted "/" as """/""": after unescaping, one layer of quotes is left over
  if (quoted && v.length >= 2 && v.charCodeAt(0) === 34 && v.charCodeAt(v.length - 1) === 34)
    v = v.slice(1, -1).trim();
  return v;
}

function countOutsideQuotes(line: string, d: string): number {
  let count = 0;
  let inQuotes = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (c === '"') inQuotes = !inQuotes;
    else if (c === d && !inQuotes) count++;
  }
  return count;
}
