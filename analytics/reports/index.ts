export { renderReport, type RenderReportOptions, type ReportScripts } from './render-report';
export { cellChartSpec, type VegaLiteSpec } from './vega-lite-spec';
export type { ReportSection, ReportSectionProvider } from './report-section';
export { satisfactionSection, DEFAULT_SECTIONS } from './satisfaction-section';
