/**
 * Native Excel charts for result sheets. ExcelJS has no chart API, so after it writes the
 * workbook we open the zip (jszip, which ExcelJS itself uses) and add, per charted sheet:
 * a drawing part anchored to the right of the table, one chart part per chart (bar, line,
 * area, pie or scatter) whose series point at the sheet's cells with cached values, the
 * relationships sheet → drawing → chart, and the content types. The parts follow the
 * SpreadsheetML/DrawingML schemas' element order, which Excel enforces strictly.
 * ExcelJS drops chart parts when it reads a file, so a later write by any command would
 * lose the charts of result sheets it does not rewrite; given the file being replaced,
 * their drawings and charts are carried over from it unchanged.
 */
import * as fs from 'node:fs';
import JSZip from 'jszip';
import type { ChartSpec, ResultSheet } from '../book/types';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
};
const REL_DRAWING = `${NS.r}/drawing`;
const REL_CHART = `${NS.r}/chart`;
const CT_DRAWING = 'application/vnd.openxmlformats-officedocument.drawing+xml';
const CT_CHART = 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml';
const DRAWING_REL_ID = 'rIdCashbookDrawing';

export interface AddNativeChartsOptions {
  /** The file about to be replaced: charts of its sheets that this write keeps but does not rewrite are carried over. */
  previousFile?: string;
}

/**
 * Add chart parts for the given result sheets to a written .xlsx.
 * @param xlsx the bytes ExcelJS wrote
 * @param sheets every result sheet written now; those with `charts` and at least one row get them drawn,
 *   and none of them gets an old chart carried over
 * @param lang the language chart titles are written in
 * @param options the previous file, whose other sheets' charts are kept
 * @returns the new bytes (the input when there is nothing to add)
 * @example await addNativeCharts(bytes, [sheet], 'zh-CN') // bytes with xl/charts/chart1.xml
 */
export async function addNativeCharts(
  xlsx: Uint8Array,
  sheets: readonly ResultSheet[],
  lang: 'zh-CN' | 'en-US',
  options: AddNativeChartsOptions = {},
): Promise<Uint8Array> {
  const charted = sheets.filter((s) => s.charts?.length && s.rows.length);
  const previousBytes =
    options.previousFile && fs.existsSync(options.previousFile)
      ? fs.readFileSync(options.previousFile)
      : undefined;
  // A previous file that is not a zip, or has no charts, has nothing to carry over.
  const previous = previousBytes
    ? await JSZip.loadAsync(previousBytes).catch(() => undefined)
    : undefined;
  const hasOldCharts = previous
    ? Object.keys(previous.files).some((p) => p.startsWith('xl/charts/'))
    : false;
  if (!charted.length && !hasOldCharts) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const paths = await sheetPaths(zip);
  const parts: NewParts = {
    types: [],
    drawingNo: nextNumber(zip, /^xl\/drawings\/drawing(\d+)\.xml$/),
    chartNo: nextNumber(zip, /^xl\/charts\/chart(\d+)\.xml$/),
  };

  // Step 1: charts of the sheets written now
  for (const sheet of charted) {
    const sheetPath = paths.get(sheet.name);
    if (!sheetPath) continue;
    const charts = sheet.charts!.flatMap((chart) => {
      const xml = chartXml(sheet, chart, lang);
      return xml ? [{ xml, title: chart.title[lang] }] : [];
    });
    if (!charts.length) continue;
    const anchors = charts.map((c, i) =>
      anchorXml(sheet.columns.length + 1, 1 + i * 22, `rId${i + 1}`, i + 2, c.title),
    );
    const drawing = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}">${anchors.join('')}</xdr:wsDr>`;
    await attachDrawing(
      zip,
      sheetPath,
      drawing,
      charts.map((c, i) => ({ rid: `rId${i + 1}`, xml: c.xml })),
      parts,
    );
  }

  // Step 2: charts the previous file had on sheets kept as they were
  if (previous && hasOldCharts)
    await carryOverCharts(zip, previous, paths, new Set(sheets.map((s) => s.name)), parts);
  if (!parts.types.length) return xlsx;

  // Step 3: content types for the new parts
  const ctPath = '[Content_Types].xml';
  const ct = await zip.file(ctPath)!.async('string');
  zip.file(ctPath, ct.replace('</Types>', `${parts.types.join('')}</Types>`));
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
}

interface NewParts {
  types: string[];
  drawingNo: number;
  chartNo: number;
}

/** Add a drawing with its charts to a sheet: the parts, their relationships and the sheet's `<drawing>`. */
async function attachDrawing(
  zip: JSZip,
  sheetPath: string,
  drawingXml: string,
  charts: { rid: string; xml: string }[],
  parts: NewParts,
): Promise<void> {
  const d = parts.drawingNo++;
  const drawingRels = charts.map((c) => {
    const n = parts.chartNo++;
    zip.file(`xl/charts/chart${n}.xml`, c.xml);
    parts.types.push(`<Override PartName="/xl/charts/chart${n}.xml" ContentType="${CT_CHART}"/>`);
    return `<Relationship Id="${c.rid}" Type="${REL_CHART}" Target="../charts/chart${n}.xml"/>`;
  });
  zip.file(`xl/drawings/drawing${d}.xml`, drawingXml);
  zip.file(`xl/drawings/_rels/drawing${d}.xml.rels`, relsXml(drawingRels));
  parts.types.push(
    `<Override PartName="/xl/drawings/drawing${d}.xml" ContentType="${CT_DRAWING}"/>`,
  );

  const relsPath = relsPathOf(sheetPath);
  const rels = (await zip.file(relsPath)?.async('string')) ?? relsXml([]);
  const link = `<Relationship Id="${DRAWING_REL_ID}" Type="${REL_DRAWING}" Target="../drawings/drawing${d}.xml"/>`;
  zip.file(
    relsPath,
    rels
      .replace(/<Relationship Id="rIdCashbookDrawing"[^>]*\/>/, '')
      .replace('</Relationships>', `${link}</Relationships>`),
  );
  const sheetXml = (await zip.file(sheetPath)!.async('string')).replace(/<drawing [^>]*\/>/, '');
  zip.file(sheetPath, insertDrawing(sheetXml));
}

/**
 * Copy the chart drawings of the previous file's sheets that were kept but not rewritten.
 * Only drawings made purely of self-contained charts are copied; anything else (pictures,
 * charts with style parts) is left to ExcelJS, which keeps pictures itself.
 */
async function carryOverCharts(
  zip: JSZip,
  previous: JSZip,
  paths: Map<string, string>,
  rewritten: Set<string>,
  parts: NewParts,
): Promise<void> {
  for (const [name, oldPath] of await sheetPaths(previous)) {
    const newPath = paths.get(name);
    if (!newPath || rewritten.has(name)) continue;
    if (/<drawing /.test(await zip.file(newPath)!.async('string'))) continue;
    const rid = /<drawing r:id="([^"]+)"/.exec(
      (await previous.file(oldPath)?.async('string')) ?? '',
    )?.[1];
    const drawingPath = rid
      ? targetOf((await previous.file(relsPathOf(oldPath))?.async('string')) ?? '', rid, oldPath)
      : undefined;
    const drawingXml = drawingPath ? await previous.file(drawingPath)?.async('string') : undefined;
    const drawingRels = drawingPath
      ? await previous.file(relsPathOf(drawingPath))?.async('string')
      : undefined;
    if (!drawingPath || !drawingXml || !drawingRels) continue;
    const rels = [...drawingRels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => ({
      id: attr(m[0], 'Id') ?? '',
      type: attr(m[0], 'Type'),
      target: attr(m[0], 'Target') ?? '',
    }));
    if (!rels.length || rels.some((r) => r.type !== REL_CHART)) continue;
    const charts: { rid: string; xml: string }[] = [];
    for (const r of rels) {
      const chartPath = resolvePart(drawingPath, r.target);
      const xml = await previous.file(chartPath)?.async('string');
      if (!xml || previous.file(relsPathOf(chartPath))) break;
      charts.push({ rid: r.id, xml });
    }
    if (charts.length === rels.length) await attachDrawing(zip, newPath, drawingXml, charts, parts);
  }
}

function relsPathOf(partPath: string): string {
  return partPath.replace(/^(.*\/)([^/]+)$/, '$1_rels/$2.rels');
}

/** The part a relationship of `fromPart` points to, as a zip path. */
function targetOf(rels: string, id: string, fromPart: string): string | undefined {
  const tag = [...rels.matchAll(/<Relationship\b[^>]*>/g)].find(
    (m) => attr(m[0], 'Id') === id,
  )?.[0];
  const target = tag ? attr(tag, 'Target') : undefined;
  return target ? resolvePart(fromPart, target) : undefined;
}

function resolvePart(fromPart: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const dir = fromPart.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') dir.pop();
    else if (seg !== '.') dir.push(seg);
  }
  return dir.join('/');
}

/** Sheet name → part path (xl/worksheets/sheetN.xml), from workbook.xml and its rels. */
async function sheetPaths(zip: JSZip): Promise<Map<string, string>> {
  const workbook = await zip.file('xl/workbook.xml')!.async('string');
  const rels = await zip.file('xl/_rels/workbook.xml.rels')!.async('string');
  const targets = new Map<string, string>();
  for (const m of rels.matchAll(/<Relationship\b[^>]*>/g)) {
    const id = attr(m[0], 'Id');
    const target = attr(m[0], 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target}`);
  }
  const out = new Map<string, string>();
  for (const m of workbook.matchAll(/<sheet\b[^>]*>/g)) {
    const name = attr(m[0], 'name');
    const rid = attr(m[0], 'r:id');
    const target = rid ? targets.get(rid) : undefined;
    if (name !== undefined && target) out.set(unescapeXml(name), target);
  }
  return out;
}

function attr(tag: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name.replace(':', '\\:')}="([^"]*)"`).exec(tag);
  return m ? m[1] : undefined;
}

function nextNumber(zip: JSZip, pattern: RegExp): number {
  let max = 0;
  zip.forEach((p) => {
    const m = pattern.exec(p);
    if (m) max = Math.max(max, Number(m[1]));
  });
  return max + 1;
}

/** `<drawing>` goes where CT_Worksheet wants it: before legacy drawings, table parts and extLst. */
function insertDrawing(xml: string): string {
  const tag = `<drawing r:id="${DRAWING_REL_ID}"/>`;
  let out = xml;
  if (!/<worksheet\b[^>]*xmlns:r=/.test(out))
    out = out.replace(/<worksheet\b/, `<worksheet xmlns:r="${NS.r}"`);
  const before = [
    '<legacyDrawing',
    '<legacyDrawingHF',
    '<drawingHF',
    '<picture',
    '<oleObjects',
    '<controls',
    '<webPublishItems',
    '<tableParts',
    '<extLst',
  ];
  const at = before.map((b) => out.indexOf(b)).filter((i) => i >= 0);
  const i = at.length ? Math.min(...at) : out.lastIndexOf('</worksheet>');
  return out.slice(0, i) + tag + out.slice(i);
}

function relsXml(items: string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${NS.rel}">${items.join('')}</Relationships>`;
}

function anchorXml(col: number, row: number, rid: string, id: number, title: string): string {
  const at = (c: number, r: number) =>
    `<xdr:col>${c}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${r}</xdr:row><xdr:rowOff>0</xdr:rowOff>`;
  return (
    `<xdr:twoCellAnchor editAs="oneCell"><xdr:from>${at(col, row)}</xdr:from><xdr:to>${at(col + 9, row + 20)}</xdr:to>` +
    `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id}" name="${escapeXml(title || `Chart ${id - 1}`)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="${NS.c}">` +
    `<c:chart xmlns:c="${NS.c}" xmlns:r="${NS.r}" r:id="${rid}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`
  );
}

/** The chart part, or undefined when its columns are not on the sheet. */
function chartXml(
  sheet: ResultSheet,
  chart: ChartSpec,
  lang: 'zh-CN' | 'en-US',
): string | undefined {
  const headers = sheet.columns.map((c) => c.header);
  const catIndex = headers.indexOf(chart.category);
  const series = chart.series.map((s) => headers.indexOf(s)).filter((i) => i >= 0);
  if (catIndex < 0 || !series.length) return undefined;
  const last = sheet.rows.length + 1;
  const ref = (col: number, from: number, to = from) =>
    `${quoteSheet(sheet.name)}!$${colName(col)}$${from}${to === from ? '' : `:$${colName(col)}$${to}`}`;
  const catCache = strCache(sheet.rows.map((r) => r[catIndex]));
  const numbers = (col: number) => numCache(sheet.rows.map((r) => r[col]));
  const scatter = chart.kind === 'scatter';

  const sers = (chart.kind === 'pie' ? series.slice(0, 1) : series).map((col, k) => {
    const tx = `<c:tx><c:strRef><c:f>${ref(col, 1)}</c:f>${strCache([headers[col]])}</c:strRef></c:tx>`;
    const marker =
      chart.kind === 'line'
        ? '<c:marker><c:symbol val="circle"/><c:size val="4"/></c:marker>'
        : scatter
          ? '<c:spPr><a:ln w="19050"><a:noFill/></a:ln></c:spPr><c:marker><c:symbol val="circle"/><c:size val="6"/></c:marker>'
          : '';
    const invert =
      chart.kind === 'column' || chart.kind === 'bar' ? '<c:invertIfNegative val="0"/>' : '';
    const cat = scatter
      ? `<c:xVal><c:numRef><c:f>${ref(catIndex, 2, last)}</c:f>${numbers(catIndex)}</c:numRef></c:xVal><c:yVal><c:numRef><c:f>${ref(col, 2, last)}</c:f>${numbers(col)}</c:numRef></c:yVal>`
      : `<c:cat><c:strRef><c:f>${ref(catIndex, 2, last)}</c:f>${catCache}</c:strRef></c:cat><c:val><c:numRef><c:f>${ref(col, 2, last)}</c:f>${numbers(col)}</c:numRef></c:val>`;
    const smooth = chart.kind === 'line' || scatter ? '<c:smooth val="0"/>' : '';
    return `<c:ser><c:idx val="${k}"/><c:order val="${k}"/>${tx}${marker}${invert}${cat}${smooth}</c:ser>`;
  });

  const axIds = '<c:axId val="500000001"/><c:axId val="500000002"/>';
  let plot: string;
  switch (chart.kind) {
    case 'column':
    case 'bar':
      plot = `<c:barChart><c:barDir val="${chart.kind === 'bar' ? 'bar' : 'col'}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${sers.join('')}<c:gapWidth val="80"/>${axIds}</c:barChart>`;
      break;
    case 'line':
      plot = `<c:lineChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers.join('')}<c:marker val="1"/>${axIds}</c:lineChart>`;
      break;
    case 'area':
      plot = `<c:areaChart><c:grouping val="standard"/><c:varyColors val="0"/>${sers.join('')}${axIds}</c:areaChart>`;
      break;
    case 'pie':
      plot = `<c:pieChart><c:varyColors val="1"/>${sers.join('')}<c:firstSliceAng val="0"/></c:pieChart>`;
      break;
    case 'scatter':
      plot = `<c:scatterChart><c:scatterStyle val="lineMarker"/><c:varyColors val="0"/>${sers.join('')}${axIds}</c:scatterChart>`;
      break;
  }
  const horizontal = chart.kind === 'bar';
  const axes =
    chart.kind === 'pie'
      ? ''
      : (scatter
          ? valAx('500000001', '500000002', 'b', false)
          : catAx('500000001', '500000002', horizontal ? 'l' : 'b')) +
        valAx('500000002', '500000001', horizontal ? 'b' : 'l', true);
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:pPr><a:defRPr sz="1200" b="1"/></a:pPr><a:r><a:rPr lang="${lang}" sz="1200" b="1"/><a:t>${escapeXml(chart.title[lang])}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/>${plot}${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

function catAx(id: string, cross: string, pos: string): string {
  return `<c:catAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/><c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="low"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>`;
}

function valAx(id: string, cross: string, pos: string, gridlines: boolean): string {
  return `<c:valAx><c:axId val="${id}"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${pos}"/>${gridlines ? '<c:majorGridlines/>' : ''}<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${cross}"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`;
}

function strCache(values: unknown[]): string {
  const pts = values
    .map((v, i) =>
      v === null || v === undefined || v === ''
        ? ''
        : `<c:pt idx="${i}"><c:v>${escapeXml(String(v))}</c:v></c:pt>`,
    )
    .join('');
  return `<c:strCache><c:ptCount val="${values.length}"/>${pts}</c:strCache>`;
}

function numCache(values: unknown[]): string {
  const pts = values
    .map((v, i) => {
      const n = typeof v === 'number' ? v : v === null || v === '' ? NaN : Number(v);
      return Number.isFinite(n) ? `<c:pt idx="${i}"><c:v>${n}</c:v></c:pt>` : '';
    })
    .join('');
  return `<c:numCache><c:formatCode>General</c:formatCode><c:ptCount val="${values.length}"/>${pts}</c:numCache>`;
}

function colName(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

function quoteSheet(name: string): string {
  return `'${escapeXml(name.replace(/'/g, "''"))}'`;
}

function escapeXml(s: string): string {
  return s.replace(
    /[&<>"]/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[ch] as string,
  );
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(lt|gt|quot|apos|amp);/g,
    (_m, e: string) => ({ lt: '<', gt: '>', quot: '"', apos: "'", amp: '&' })[e] as string,
  );
}
