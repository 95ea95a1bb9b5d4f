/**
 * The notebook as one self-contained HTML file: every cell as a table with its headline
 * numbers and a Vega-Lite chart, plus sections other features contribute. The vega,
 * vega-lite and vega-embed scripts are inlined from texts the caller passes in (the CLI
 * reads them from node_modules), and a Content-Security-Policy forbids every fetch, so
 * the file works offline and never touches the network when viewed.
 */
import { formatAmount } from '../money/format-amount';
import type { Lang } from '../book/schema';
import type { Book, Cell, Text } from '../book/types';
import type { CellOutput, CellRun } from '../notebook/types';
import type { ReportSection, ReportSectionProvider } from './report-section';
import { DEFAULT_SECTIONS } from './satisfaction-section';
import { cellChartSpec, type VegaLiteSpec } from './vega-lite-spec';

export interface ReportScripts {
  vega: string;
  vegaLite: string;
  vegaEmbed: string;
}

export interface RenderReportOptions {
  /** Script texts of vega, vega-lite and vega-embed (their browser builds). */
  scripts: ReportScripts;
  /** When the report was made, 'YYYY-MM-DD HH:mm:ss'; printed in the header. */
  generatedAt: string;
  /** Report title. @default 现金日记账分析报告 / Cash book analysis report */
  title?: string;
  /** Section providers added after the cells. @default DEFAULT_SECTIONS (customer satisfaction) */
  includeSections?: ReportSectionProvider[];
}

const CSP =
  "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; style-src 'unsafe-inline'; img-src data:";

/**
 * Render the report.
 * @param book the book (its language picks the labels; section providers read it)
 * @param runs the notebook's cell runs, in order
 * @param options scripts, time stamp, title and extra sections
 * @returns the HTML text
 * @example renderReport(book, runs, { scripts, generatedAt: '2026-06-30 18:00:00' }).startsWith('<!DOCTYPE html>') // true
 */
export function renderReport(
  book: Book,
  runs: readonly CellRun[],
  options: RenderReportOptions,
): string {
  const lang = book.lang;
  const L = (text: Text) => text[lang];
  const title =
    options.title ?? L({ 'zh-CN': '现金日记账分析报告', 'en-US': 'Cash book analysis report' });
  const specs: { id: string; spec: VegaLiteSpec }[] = [];

  // Step 1: one article per cell, then per contributed section
  const blocks: string[] = [];
  runs.forEach((run, i) => {
    if (!run.ok) {
      blocks.push(
        `<article class="cell failed"><h2>${esc(run.cell.title)}</h2><p class="error">${esc(L(run.error))}</p></article>`,
      );
      return;
    }
    blocks.push(renderBlock(`cell-${i}`, run.cell.title, run.output, lang, specs));
  });
  for (const provide of options.includeSections ?? DEFAULT_SECTIONS) {
    const section: ReportSection | undefined = provide(book);
    if (section)
      blocks.push(
        renderBlock(`section-${section.id}`, L(section.title), section.output, lang, specs),
      );
  }

  // Step 2: the page, scripts inlined
  const failed = runs.filter((r) => !r.ok).length;
  const subtitle = L({
    'zh-CN': `生成于 ${options.generatedAt} · ${runs.length} 个分析单元${failed ? `，${failed} 个失败` : ''}`,
    'en-US': `Generated ${options.generatedAt} · ${runs.length} cell(s)${failed ? `, ${failed} failed` : ''}`,
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang}"><head><meta charset="utf-8">`,
    `<meta http-equiv="Content-Security-Policy" content="${CSP}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title><style>${STYLE}</style></head><body>`,
    `<header><h1>${esc(title)}</h1><p class="sub">${esc(subtitle)}</p></header><main>`,
    ...blocks,
    '</main>',
    inlineScript(options.scripts.vega),
    inlineScript(options.scripts.vegaLite),
    inlineScript(options.scripts.vegaEmbed),
    `<script type="application/json" id="chart-specs">${jsonForHtml(specs)}</script>`,
    `<script>${EMBED}</script>`,
    '</body></html>',
  ].join('\n');
}

function renderBlock(
  id: string,
  title: string,
  output: CellOutput,
  lang: Lang,
  specs: { id: string; spec: VegaLiteSpec }[],
): string {
  const spec = cellChartSpec(output, lang);
  if (spec) specs.push({ id: `${id}-chart`, spec });
  const metrics = output.metrics?.length
    ? `<dl class="metrics">${output.metrics.map((m) => `<div><dt>${esc(m.label[lang])}</dt><dd>${esc(m.format === 'percent' ? percent(m.value) : show(m.value, typeof m.value === 'string' && /^-?\d+\.\d{2}$/.test(m.value)))}</dd></div>`).join('')}</dl>`
    : '';
  const notes = (output.notes ?? []).map((n) => `<p class="note">${esc(n[lang])}</p>`).join('');
  const head = output.columns.map((c) => `<th>${esc(c.header[lang])}</th>`).join('');
  const body = output.rows
    .map(
      (r) =>
        `<tr>${output.columns.map((c) => `<td class="${c.type}">${esc(c.format === 'percent' ? percent(r[c.key] ?? null) : show(r[c.key] ?? null, c.type === 'amount'))}</td>`).join('')}</tr>`,
    )
    .join('');
  const empty = output.rows.length
    ? ''
    : `<p class="note">${lang === 'zh-CN' ? '没有数据' : 'No data'}</p>`;
  return [
    `<article class="cell" id="${id}"><h2>${esc(title)}</h2>`,
    metrics,
    spec ? `<div class="chart" id="${id}-chart"></div>` : '',
    `<details${output.rows.length <= 40 ? ' open' : ''}><summary>${lang === 'zh-CN' ? `数据 (${output.rows.length} 行)` : `Data (${output.rows.length} rows)`}</summary>`,
    `<div class="table"><table><thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></details>`,
    empty,
    notes,
    '</article>',
  ].join('');
}

function show(v: Cell, amount: boolean): string {
  if (v === null || v === '') return '';
  if (amount && typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v)) return formatAmount(v);
  return String(v);
}

/** A ratio as a percentage with two decimals, e.g. 0.6005 → 60.05%. */
function percent(v: Cell): string {
  if (typeof v !== 'number' || !Number.isFinite(v)) return show(v, false);
  return `${(Math.round(v * 1_000_000) / 10_000).toFixed(2)}%`;
}

function esc(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] as string,
  );
}

/** JSON safe inside a script element: no `<` can close it. */
function jsonForHtml(v: unknown): string {
  return JSON.stringify(v)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function inlineScript(code: string): string {
  return `<script>${code.replace(/<\/(script)/gi, '<\\/$1')}</script>`;
}

// Charts render as SVG so they print and can be found in the page; a failing chart shows its error in place.
const EMBED = `(function () {
  var specs = JSON.parse(document.getElementById('chart-specs').textContent);
  specs.forEach(function (s) {
    var el = document.getElementById(s.id);
    vegaEmbed(el, s.spec, { actions: false, renderer: 'svg' }).catch(function (e) { el.textContent = String(e); el.className += ' error'; });
  });
})();`;

const STYLE = `
body { font-family: system-ui, "Microsoft YaHei", "PingFang SC", sans-serif; margin: 0; color: #222; background: #f6f7f9; }
header { background: #1f4e79; color: #fff; padding: 16px 24px; }
header h1 { margin: 0; font-size: 22px; } .sub { margin: 4px 0 0; opacity: .85; }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
.cell { background: #fff; border-radius: 6px; padding: 12px 16px; margin: 0 0 16px; box-shadow: 0 1px 2px rgba(0,0,0,.08); }
.cell h2 { font-size: 17px; margin: 0 0 8px; }
.chart { width: 100%; min-height: 280px; }
.metrics { display: flex; flex-wrap: wrap; gap: 8px 24px; margin: 0 0 8px; }
.metrics dt { font-size: 12px; color: #666; } .metrics dd { margin: 0; font-weight: 600; }
.table { overflow-x: auto; } table { border-collapse: collapse; font-size: 13px; width: 100%; }
th, td { border-bottom: 1px solid #e5e5e5; padding: 3px 8px; text-align: left; white-space: nowrap; }
td.amount, td.number, td.integer { text-align: right; font-variant-numeric: tabular-nums; }
.note { color: #666; font-size: 12px; } .error { color: #a4262c; }
@media print { body { background: #fff; } .cell { box-shadow: none; break-inside: avoid; } }
`;
