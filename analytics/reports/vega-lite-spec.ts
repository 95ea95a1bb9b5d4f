/**
 * A cell's chart as a Vega-Lite spec with its data inlined. Rows are folded into
 * (category, series, value) points here rather than by a Vega transform, so the spec is
 * plain data a reader can check. Amounts become numbers at this step only, for drawing.
 */
import type { Lang } from '../book/schema';
import type { CellOutput } from '../notebook/types';

export type VegaLiteSpec = Record<string, unknown>;

/**
 * Build the Vega-Lite spec for a cell output's chart.
 * @param output the cell output (its `chart` names columns by key)
 * @param lang language for axis titles and series names
 * @returns the spec, or undefined when the output has no chart
 * @example cellChartSpec(output, 'en-US')?.mark // { type: 'bar', tooltip: true }
 */
export function cellChartSpec(output: CellOutput, lang: Lang): VegaLiteSpec | undefined {
  const chart = output.chart;
  if (!chart) return undefined;
  const header = (key: string) => output.columns.find((c) => c.key === key)?.header[lang] ?? key;
  const catTitle = header(chart.category);
  const values = output.rows.flatMap((r) =>
    chart.series.map((s) => ({
      category: r[chart.category] === null ? '' : r[chart.category],
      series: header(s),
      value: toNumber(r[s]),
    })),
  );
  const base = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: chart.title[lang],
    width: 'container',
    height: 260,
  };
  const order = { sort: null as null };
  // Series keep the cell's order in the legend and within each group, not alphabetical order.
  const seriesOrder = chart.series.map(header);
  const color = {
    field: 'series',
    type: 'nominal',
    title: null,
    sort: seriesOrder,
    scale: { domain: seriesOrder },
  };
  const value = { field: 'value', type: 'quantitative', title: null };

  switch (chart.kind) {
    case 'column':
      return {
        ...base,
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          x: { field: 'category', type: 'ordinal', title: catTitle, ...order },
          xOffset: { field: 'series', sort: seriesOrder },
          y: value,
          color,
        },
      };
    case 'bar':
      return {
        ...base,
        data: { values },
        mark: { type: 'bar', tooltip: true },
        encoding: {
          y: { field: 'category', type: 'ordinal', title: catTitle, ...order },
          yOffset: { field: 'series', sort: seriesOrder },
          x: value,
          color,
        },
      };
    case 'pie':
      return {
        ...base,
        data: { values: values.filter((v) => v.series === header(chart.series[0])) },
        mark: { type: 'arc', tooltip: true },
        encoding: {
          theta: value,
          color: { field: 'category', type: 'nominal', title: catTitle, ...order },
        },
      };
    case 'scatter':
      return {
        ...base,
        data: { values },
        mark: { type: 'point', tooltip: true },
        encoding: {
          x: { field: 'category', type: 'quantitative', title: catTitle },
          y: value,
          color,
        },
      };
    case 'area':
      return {
        ...base,
        data: { values },
        mark: { type: 'area', tooltip: true, opacity: 0.7 },
        encoding: {
          x: { field: 'category', type: 'ordinal', title: catTitle, ...order },
          y: { ...value, stack: true },
          color,
        },
      };
    case 'line': {
      const band = chart.band;
      if (!band)
        return {
          ...base,
          data: { values },
          mark: { type: 'line', point: true, tooltip: true },
          encoding: {
            x: { field: 'category', type: 'ordinal', title: catTitle, ...order },
            y: value,
            color,
          },
        };
      const lineNames = seriesOrder.filter(
        (n) => n !== header(band.lower) && n !== header(band.upper),
      );
      const lines = values.filter((v) => lineNames.includes(v.series));
      const bandValues = output.rows.map((r) => ({
        category: r[chart.category],
        lower: toNumber(r[band.lower]),
        upper: toNumber(r[band.upper]),
      }));
      const x = { field: 'category', type: 'ordinal', title: catTitle, ...order };
      return {
        ...base,
        layer: [
          {
            data: { values: bandValues },
            mark: { type: 'area', opacity: 0.25 },
            encoding: {
              x,
              y: { field: 'lower', type: 'quantitative', title: null },
              y2: { field: 'upper' },
            },
          },
          {
            data: { values: lines },
            mark: { type: 'line', point: true, tooltip: true },
            encoding: {
              x,
              y: value,
              color: { ...color, sort: lineNames, scale: { domain: lineNames } },
            },
          },
        ],
      };
    }
  }
}

function toNumber(v: unknown): number | null {
  if (v === null || v === undefined || v === '') return null;
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : null;
}
