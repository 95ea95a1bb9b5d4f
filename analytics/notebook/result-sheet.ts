/** A cell's output as a result sheet in the book's language, with its chart spec by header. */
import type { Lang } from '../book/schema';
import type { ResultSheet } from '../book/types';
import type { CellOutput } from './types';

/**
 * Lay out a cell output as a result sheet.
 * @param name the sheet name
 * @param title the sheet's title text
 * @param output the cell output
 * @param lang the book's language, for headers
 * @returns the sheet; charts name their columns by header
 */
export function toResultSheet(
  name: string,
  title: string,
  output: CellOutput,
  lang: Lang,
): ResultSheet {
  const header = (key: string) => output.columns.find((c) => c.key === key)?.header[lang] ?? key;
  return {
    name,
    title: { 'zh-CN': title, 'en-US': title },
    columns: output.columns.map((c) => ({ header: c.header[lang], type: c.type })),
    rows: output.rows.map((r) => output.columns.map((c) => r[c.key] ?? null)),
    charts: output.chart
      ? [
          {
            kind: output.chart.kind,
            title: output.chart.title,
            category: header(output.chart.category),
            series: output.chart.series.map(header),
          },
        ]
      : undefined,
  };
}

const FORBIDDEN = /[[\]:*?/\\]/g;

/**
 * A valid sheet name for a cell: its OutputSheet, or its title, made unique among `taken`.
 * @param wanted the requested name
 * @param id the cell id, appended when the name is taken
 * @param taken names already in use (schema sheets and other cells' sheets), lower-cased
 */
export function sheetNameFor(wanted: string, id: string, taken: Set<string>): string {
  const clean = (s: string) =>
    s
      .replace(FORBIDDEN, ' ')
      .replace(/^'+|'+$/g, '')
      .trim()
      .slice(0, 31) || 'Sheet';
  let name = clean(wanted);
  if (taken.has(name.toLowerCase())) name = clean(`${wanted.slice(0, 30 - id.length)}-${id}`);
  let n = 2;
  while (taken.has(name.toLowerCase()))
    name = clean(`${wanted.slice(0, 27 - id.length)}-${id}-${n++}`);
  taken.add(name.toLowerCase());
  return name;
}
