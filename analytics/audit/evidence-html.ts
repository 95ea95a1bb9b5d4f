/**
 * Render an evidence pack as one self-contained HTML page: inline CSS, no script, no link
 * to anything outside the file, A4 print rules (each section starts on a new page, table
 * headers repeat, rows never split). Headings show the book's language first and the other
 * language beside it. Every cell is HTML-escaped, so text from the book cannot inject markup.
 */
import type { Lang } from '../book/schema';
import type { Cell } from '../book/types';
import type { EvidencePack } from './evidence-pack';

const CSS = `
@page { size: A4 landscape; margin: 14mm; }
body { font-family: "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", Arial, sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 1200px; }
h1 { font-size: 16pt; margin: 0 0 4mm; }
h2 { font-size: 12.5pt; margin: 6mm 0 2mm; border-bottom: 1.5px solid #333; }
h2 small, h1 small { font-weight: normal; color: #555; margin-left: 0.6em; }
section { break-before: page; }
section:first-of-type { break-before: auto; }
table { border-collapse: collapse; width: 100%; }
thead { display: table-header-group; }
tr { break-inside: avoid; }
th, td { border: 0.6pt solid #888; padding: 2px 5px; vertical-align: top; text-align: left; overflow-wrap: anywhere; }
th { background: #eee; }
td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.hash { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 8.5pt; }
p.empty { color: #666; font-style: italic; }
p.fail { color: #a00; font-weight: bold; }
`;

/**
 * The HTML page for a pack.
 * @example renderEvidenceHtml(pack, 'zh-CN').startsWith('<!DOCTYPE html>') // true
 */
export function renderEvidenceHtml(pack: EvidencePack, lang: Lang): string {
  const other: Lang = lang === 'zh-CN' ? 'en-US' : 'zh-CN';
  const title = lang === 'zh-CN' ? `审计证据包 ${pack.summary.period}` : `Audit evidence pack ${pack.summary.period}`;
  const subtitle = other === 'zh-CN' ? `审计证据包 ${pack.summary.period}` : `Audit evidence pack ${pack.summary.period}`;
  const verdict = pack.summary.ok
    ? ''
    : `<p class="fail">${escapeHtml(lang === 'zh-CN' ? `完整性校验未通过：${pack.summary.failures} 处问题，见“校验结果”。` : `Integrity check FAILED: ${pack.summary.failures} problem(s); see "Verify result".`)}</p>`;
  const body = pack.sections.map((s) => {
    const head = `<h2>${escapeHtml(s.title[lang])}<small>${escapeHtml(s.title[other])}</small></h2>`;
    if (!s.sheet.rows.length) return `<section>${head}<p class="empty">${lang === 'zh-CN' ? '无' : 'None'}</p></section>`;
    const ths = s.sheet.columns.map((c) => `<th>${escapeHtml(c.header)}</th>`).join('');
    const trs = s.sheet.rows.map((r) => `<tr>${r.map((v, i) => cellHtml(v, s.sheet.columns[i]?.type)).join('')}</tr>`).join('\n');
    return `<section>${head}<table><thead><tr>${ths}</tr></thead><tbody>\n${trs}\n</tbody></table></section>`;
  });
  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>${escapeHtml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeHtml(title)}<small>${escapeHtml(subtitle)}</small></h1>
${verdict}
${body.join('\n')}
</body>
</html>
`;
}

function cellHtml(v: Cell, type: string | undefined): string {
  const s = v === null || v === undefined ? '' : String(v);
  const cls = type === 'amount' || type === 'integer' || type === 'number' ? ' class="num"' : /^[0-9a-f]{64}$/.test(s) ? ' class="hash"' : '';
  return `<td${cls}>${escapeHtml(s)}</td>`;
}

/** Escape text for HTML element content and attribute values. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}
