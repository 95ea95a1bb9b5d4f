/**
 * The names of a workbook's sheets, read from xl/workbook.xml without loading any sheet, so
 * a large book can be checked for sheets that a streaming rewrite would not carry over.
 */
import { listZipEntries, readZipText } from './zip-reader';
import { unescapeXml } from './xml-text';

/** Sheet names in workbook order. */
export async function sheetNamesOf(file: string): Promise<string[]> {
  const entry = listZipEntries(file).get('xl/workbook.xml');
  if (!entry) return [];
  const xml = await readZipText(file, entry);
  return [...xml.matchAll(/<(?:\w+:)?sheet\b[^>]*?\bname="([^"]*)"/g)].map((m) => unescapeXml(m[1]));
}
