/**
 * The fixed parts of an .xlsx package that the streaming writer emits around its sheets:
 * content types, relationships, workbook, styles and one table part per sheet. Styles hold
 * exactly the number formats `writeBook` uses, so both writers format cells alike.
 */
import { escapeXml } from './xml-text';

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.spreadsheetml';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Style index (cellXfs position) of each kind of cell. */
export const STYLE = { general: 0, amount: 1, date: 2, datetime: 3, text: 4 } as const;

export interface SheetPart {
  /** Sheet name as shown on the tab. */
  name: string;
  /** Excel table name (unique in the workbook). */
  tableName: string;
  tableStyle: string;
  headers: string[];
  /** Data rows under the header. */
  rowCount: number;
}

export function contentTypesXml(sheets: readonly SheetPart[]): string {
  const parts = sheets
    .map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.worksheet+xml"/>` + `<Override PartName="/xl/tables/table${i + 1}.xml" ContentType="${CT}.table+xml"/>`)
    .join('');
  return (
    XML_HEAD +
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    `<Override PartName="/xl/workbook.xml" ContentType="${CT}.sheet.main+xml"/>` +
    `<Override PartName="/xl/styles.xml" ContentType="${CT}.styles+xml"/>` +
    `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.sharedStrings+xml"/>` +
    parts +
    '</Types>'
  );
}

export function packageRelsXml(): string {
  return XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
}

export function workbookXml(sheets: readonly SheetPart[], date1904: boolean): string {
  const list = sheets.map((s, i) => `<sheet name="${escapeXml(s.name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('');
  return (
    XML_HEAD +
    `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<workbookPr${date1904 ? ' date1904="1"' : ''}/>` +
    '<bookViews><workbookView/></bookViews>' +
    `<sheets>${list}</sheets>` +
    '</workbook>'
  );
}

export function workbookRelsXml(sheets: readonly SheetPart[]): string {
  const n = sheets.length;
  const list = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${NS_REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('');
  return (
    XML_HEAD +
    `<Relationships xmlns="${NS_PKG_REL}">${list}` +
    `<Relationship Id="rId${n + 1}" Type="${NS_REL}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId${n + 2}" Type="${NS_REL}/sharedStrings" Target="sharedStrings.xml"/>` +
    '</Relationships>'
  );
}

/** Number formats: the same codes `writeBook` sets per column. */
export function stylesXml(formats: { amount: string; date: string; datetime: string }): string {
  const xf = (numFmtId: number) => `<xf numFmtId="${numFmtId}" fontId="0" fillId="0" borderId="0" xfId="0"${numFmtId ? ' applyNumberFormat="1"' : ''}/>`;
  return (
    XML_HEAD +
    `<styleSheet xmlns="${NS_MAIN}">` +
    `<numFmts count="3"><numFmt numFmtId="164" formatCode="${escapeXml(formats.amount)}"/>` +
    `<numFmt numFmtId="165" formatCode="${escapeXml(formats.date)}"/><numFmt numFmtId="166" formatCode="${escapeXml(formats.datetime)}"/></numFmts>` +
    '<fonts count="1"><font><sz val="11"/><name val="Calibri"/><family val="2"/></font></fonts>' +
    '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
    `<cellXfs count="5">${xf(0)}${xf(164)}${xf(165)}${xf(166)}${xf(49)}</cellXfs>` +
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
    '<dxfs count="0"/><tableStyles count="0"/>' +
    '</styleSheet>'
  );
}

export function emptySharedStringsXml(): string {
  return XML_HEAD + `<sst xmlns="${NS_MAIN}" count="0" uniqueCount="0"/>`;
}

export function sheetRelsXml(index: number): string {
  return XML_HEAD + `<Relationships xmlns="${NS_PKG_REL}"><Relationship Id="rId1" Type="${NS_REL}/table" Target="../tables/table${index}.xml"/></Relationships>`;
}

/** The table's range: header plus data rows, at least one (empty) data row as Excel requires. */
export function tableRef(sheet: SheetPart, lastColumn: string): string {
  return `A1:${lastColumn}${Math.max(2, sheet.rowCount + 1)}`;
}

export function tableXml(sheet: SheetPart, index: number, ref: string): string {
  const cols = sheet.headers.map((h, i) => `<tableColumn id="${i + 1}" name="${escapeXml(h)}"/>`).join('');
  return (
    XML_HEAD +
    `<table xmlns="${NS_MAIN}" id="${index}" name="${escapeXml(sheet.tableName)}" displayName="${escapeXml(sheet.tableName)}" ref="${ref}" totalsRowShown="0">` +
    `<autoFilter ref="${ref}"/>` +
    `<tableColumns count="${sheet.headers.length}">${cols}</tableColumns>` +
    `<tableStyleInfo name="${escapeXml(sheet.tableStyle)}" showFirstColumn="0" showLastColumn="0" showRowStripes="1" showColumnStripes="0"/>` +
    '</table>'
  );
}

/** Everything in a worksheet before its rows. */
export function sheetHeadXml(ref: string, widths: readonly number[], styles: readonly number[]): string {
  const cols = widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"${styles[i] ? ` style="${styles[i]}"` : ''}/>`).join('');
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="${ref}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols ? `<cols>${cols}</cols>` : '') +
    '<sheetData>'
  );
}

/** Everything in a worksheet after its rows. */
export function sheetTailXml(): string {
  return '</sheetData><pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>';
}
