/**
 * Find the header row of a table-shaped statement by its column names (never by a fixed
 * offset: Alipay's preamble has been 22 and 23 lines long) and resolve which column feeds
 * which statement field, from the preset with the user's mapping on top.
 */
import { t } from '../book/types';
import type { Problem } from '../util/problem';
import { problem } from '../util/problem';
import { PRESETS, normaliseColumnName, type MappedField, type StatementPreset } from './presets';
import type { ColumnMapping } from './types';

/** Field → column index (description may join several columns). */
export type ResolvedColumns = Partial<Record<Exclude<MappedField, 'description'>, number>> & {
  description?: number[];
};

const KNOWN = new Set<string>();
const DATE_NAMES = new Set<string>();
const AMOUNT_NAMES = new Set<string>();
for (const p of PRESETS) {
  for (const [field, names] of Object.entries(p.columns)) {
    for (const n of names ?? []) {
      const k = normaliseColumnName(n);
      KNOWN.add(k);
      if (field === 'date') DATE_NAMES.add(k);
      if (field === 'amount' || field === 'inflow' || field === 'outflow') AMOUNT_NAMES.add(k);
    }
  }
}

/**
 * Index of the header row: the first of the first 300 rows that names a date column and an
 * amount column (or the user's mapped ones) among at least three known column names.
 * @returns the index into `rows`, or -1
 */
export function findHeaderRow(
  rows: readonly { cells: readonly unknown[] }[],
  mapping: ColumnMapping = {},
): number {
  const mappedDate = mapping.date ? normaliseColumnName(mapping.date) : undefined;
  const mappedAmount = [mapping.amount, mapping.inflow, mapping.outflow]
    .filter((x): x is string => !!x)
    .map(normaliseColumnName);
  for (let i = 0; i < Math.min(rows.length, 300); i++) {
    const names = rows[i].cells.map((c) => normaliseColumnName(typeof c === 'string' ? c : ''));
    const hasDate = names.some((n) => (mappedDate ? n === mappedDate : DATE_NAMES.has(n)));
    const hasAmount = names.some((n) =>
      mappedAmount.length ? mappedAmount.includes(n) : AMOUNT_NAMES.has(n),
    );
    const known = names.filter(
      (n) => KNOWN.has(n) || n === mappedDate || mappedAmount.includes(n),
    ).length;
    // Two names the user mapped are proof enough; otherwise ask for three known names
    const needed =
      mappedDate && mappedAmount.length ? 2 : Math.min(3, names.filter((n) => n !== '').length);
    if (hasDate && hasAmount && known >= needed) return i;
  }
  return -1;
}

const FIELD_ORDER: MappedField[] = [
  'date',
  'amount',
  'inflow',
  'outflow',
  'direction',
  'time',
  'valueDate',
  'currency',
  'counterparty',
  'counterpartyAccount',
  'reference',
  'method',
  'balance',
  'status',
  'description',
];

/**
 * Resolve columns: the user's mapping first (a name that is not in the header is a problem),
 * then the preset's accepted names, each column used by one field only.
 */
export function resolveColumns(
  headers: readonly string[],
  preset: StatementPreset,
  mapping: ColumnMapping,
  file: string,
): { columns: ResolvedColumns; problems: Problem[] } {
  const names = headers.map(normaliseColumnName);
  const used = new Set<number>();
  const columns: ResolvedColumns = {};
  const problems: Problem[] = [];
  const find = (n: string) =>
    names.findIndex((h, i) => h === normaliseColumnName(n) && !used.has(i));

  for (const field of FIELD_ORDER) {
    const wanted = mapping[field];
    if (field === 'description') {
      const list =
        wanted === undefined
          ? (preset.columns.description ?? [])
          : Array.isArray(wanted)
            ? wanted
            : [wanted];
      const idx = list.map(find).filter((i) => i >= 0);
      if (wanted !== undefined && idx.length < list.length)
        problems.push(unknownColumn(list.join(', '), file));
      if (idx.length) columns.description = idx;
      idx.forEach((i) => used.add(i));
      continue;
    }
    if (typeof wanted === 'string') {
      const i = find(wanted);
      if (i < 0) problems.push(unknownColumn(wanted, file));
      else {
        columns[field] = i;
        used.add(i);
      }
      continue;
    }
    for (const n of preset.columns[field] ?? []) {
      const i = find(n);
      if (i >= 0) {
        columns[field] = i;
        used.add(i);
        break;
      }
    }
  }

  // A signed amount column wins over a split layout the generic names also matched
  if (
    columns.amount !== undefined &&
    mapping.inflow === undefined &&
    mapping.outflow === undefined
  ) {
    delete columns.inflow;
    delete columns.outflow;
  }
  if (columns.date === undefined)
    problems.push(
      problem('no-date-column', t('表头行中没有日期列', 'No date column found in the header row'), {
        file,
      }),
    );
  if (
    columns.amount === undefined &&
    columns.inflow === undefined &&
    columns.outflow === undefined
  ) {
    problems.push(
      problem(
        'no-amount-column',
        t(
          '表头行中没有金额列（或借方/贷方列）',
          'No amount column (or debit/credit columns) found in the header row',
        ),
        { file },
      ),
    );
  }
  return { columns, problems };
}

function unknownColumn(name: string, file: string): Problem {
  return problem(
    'unknown-column',
    t(`表头行中没有“${name}”这一列`, `Unknown column '${name}' in the header row`),
    {
      file,
      column: name,
    },
  );
}
