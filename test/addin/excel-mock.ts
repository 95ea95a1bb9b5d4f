/**
 * An office-addin-mock workbook for driving ExcelHost: schema tables on named sheets, a
 * counting `context.sync`, and write ranges that record every `values` / `numberFormat`
 * assignment into a per-sheet cell store so a test can read back what was written.
 */
import { OfficeMockObject } from 'office-addin-mock';

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose ESM-only
// dependencies Jest's CommonJS runtime cannot load; the names are all it gets here.
jest.mock('office-addin-manifest', () => ({
  OfficeApp: {
    Excel: 'excel',
    OneNote: 'onenote',
    Outlook: 'outlook',
    PowerPoint: 'powerpoint',
    Project: 'project',
    Word: 'word',
  },
}));

type Value = string | number | boolean;

export interface MockTable {
  sheet: string;
  name: string;
  header: string[];
  body: Value[][];
  /** Number format of the first body row, per column. @default 'General' */
  formats?: string[];
}

export interface WriteRecord {
  sheet: string;
  row: number;
  column: number;
  rows: number;
  columns: number;
  values?: Value[][];
  numberFormat?: string[][];
}

export interface MockWorkbook {
  context: any;
  /** `context.sync()` calls so far. */
  syncs: () => number;
  writes: WriteRecord[];
  /** Cell store per sheet: "row,column" → value (what the writes left). */
  cells: Map<string, Map<string, Value>>;
  formats: Map<string, Map<string, string>>;
  tablesAdded: { sheet: string; rows: number; columns: number; name?: string }[];
  resized: { table: string; rows: number; columns: number }[];
  deleted: string[];
  charts: { sheet: string; type: string; series: number }[];
  calls: Record<string, number>;
  /** Values of a rectangular block of a sheet's store. */
  block: (sheet: string, row: number, column: number, rows: number, columns: number) => Value[][];
}

/** A mock workbook holding the given tables (and sheets without tables), 1900 date system unless told. */
export function mockWorkbook(
  tables: MockTable[],
  options: { date1904?: boolean; bareSheets?: { name: string; values: Value[][] }[] } = {},
): MockWorkbook {
  const state: MockWorkbook = {
    context: undefined,
    syncs: () => syncCount,
    writes: [],
    cells: new Map(),
    formats: new Map(),
    tablesAdded: [],
    resized: [],
    deleted: [],
    charts: [],
    calls: {},
    block: (sheet, row, column, rows, columns) =>
      Array.from({ length: rows }, (_, r) =>
        Array.from(
          { length: columns },
          (_, c) => state.cells.get(sheet)?.get(`${row + r},${column + c}`) ?? '',
        ),
      ),
  };
  let syncCount = 0;
  const count = (name: string) => (state.calls[name] = (state.calls[name] ?? 0) + 1);

  // Write-side objects are plain: they are never loaded, only assigned to.
  const writeRange = (
    sheet: string,
    row: number,
    column: number,
    rows: number,
    columns: number,
  ) => {
    const record: WriteRecord = { sheet, row, column, rows, columns };
    const store = (map: Map<string, Map<string, any>>, grid: any[][]) => {
      if (!map.has(sheet)) map.set(sheet, new Map());
      grid.forEach((line, r) =>
        line.forEach((v, c) => map.get(sheet)!.set(`${row + r},${column + c}`, v)),
      );
    };
    return {
      set values(v: Value[][]) {
        record.values = v;
        state.writes.push(record);
        store(state.cells, v);
      },
      set numberFormat(f: string[][]) {
        record.numberFormat = f;
        store(state.formats, f);
      },
      format: { autofitColumns: () => count('autofitColumns') },
      clear: () => count('clear'),
      _where: { sheet, row, column, rows, columns },
    };
  };

  const sheetSeed = (name: string) => ({
    name,
    isNullObject: false,
    getRangeByIndexes: (r: number, c: number, n: number, m: number) => writeRange(name, r, c, n, m),
    getRange: () => writeRange(name, 0, 0, 1048576, 16384),
    getUsedRange() {
      return (this as any).usedRange;
    },
    usedRange: { values: options.bareSheets?.find((s) => s.name === name)?.values ?? [[]] },
    freezePanes: { freezeRows: () => count('freezeRows') },
    delete: () => state.deleted.push('sheet:' + name),
    tables: {
      add: (range: any, _hasHeaders: boolean) => {
        const added: { sheet: string; rows: number; columns: number; name?: string } = {
          sheet: name,
          rows: range._where.rows,
          columns: range._where.columns,
        };
        state.tablesAdded.push(added);
        return {
          set name(n: string) {
            added.name = n;
          },
          style: '',
        };
      },
    },
    charts: {
      add: (type: string) => {
        const chart = { sheet: name, type, series: 1 };
        state.charts.push(chart);
        return {
          title: { text: '' },
          top: 0,
          left: 0,
          series: {
            getItemAt: () => ({ setXAxisValues: () => undefined }),
            add: () => {
              chart.series++;
              return { setValues: () => undefined, setXAxisValues: () => undefined };
            },
          },
        };
      },
    },
  });

  const seedTables: Record<string, unknown> = { t__null: { isNullObject: true } };
  const seedSheets: Record<string, unknown> = { s__null: { isNullObject: true, name: '' } };
  for (const s of options.bareSheets ?? []) seedSheets['s_' + s.name] = sheetSeed(s.name);
  tables.forEach((t, i) => {
    if (!seedSheets['s_' + t.sheet]) seedSheets['s_' + t.sheet] = sheetSeed(t.sheet);
    const rowCount = 1 + Math.max(1, t.body.length);
    // Each table sits at A1 of its own sheet.
    seedTables['t_' + t.name] = {
      isNullObject: false,
      index: i,
      worksheet: sheetSeed(t.sheet),
      getHeaderRowRange() {
        return (this as any).headerRange;
      },
      headerRange: { values: [t.header], rowIndex: 0 },
      getDataBodyRange() {
        return (this as any).bodyRange;
      },
      bodyRange: {
        values: t.body.length ? t.body : [t.header.map(() => '')],
        getRow() {
          return (this as any).firstRow;
        },
        firstRow: { numberFormat: [t.formats ?? t.header.map(() => 'General')] },
      },
      getRange() {
        return (this as any).wholeRange;
      },
      wholeRange: {
        rowIndex: 0,
        columnIndex: 0,
        rowCount,
        columnCount: t.header.length,
        clear: () => count('clear'),
      },
      resize: (range: any) =>
        state.resized.push({
          table: t.name,
          rows: range._where.rows,
          columns: range._where.columns,
        }),
      delete: () => state.deleted.push('table:' + t.name),
    };
  });

  const seed = {
    workbook: {
      functions: {
        date() {
          return (this as any).epoch;
        },
        epoch: { value: options.date1904 ? 0 : 1462 },
      },
      tables: {
        ...seedTables,
        getItemOrNullObject(name: string) {
          return (this as any)['t_' + name] ?? (this as any).t__null;
        },
      },
      worksheets: {
        ...seedSheets,
        getItemOrNullObject(name: string) {
          return (this as any)['s_' + name] ?? (this as any).s__null;
        },
        getItem(name: string) {
          return (this as any)['s_' + name];
        },
        add: (name: string) => {
          count('addSheet');
          return sheetSeed(name);
        },
      },
      application: {
        suspendScreenUpdatingUntilNextSync: () => count('suspendScreenUpdating'),
        suspendApiCalculationUntilNextSync: () => count('suspendApiCalculation'),
        calculate: () => count('calculate'),
      },
    },
    async sync(this: any) {
      syncCount++;
      await OfficeMockObject.prototype.sync.call(this);
    },
  };
  state.context = new OfficeMockObject(seed);
  return state;
}

/** A runner that hands the mock context to ExcelHost's batches. */
export function runnerFor(mock: MockWorkbook) {
  return <T>(batch: (context: any) => Promise<T>) => batch(mock.context);
}
