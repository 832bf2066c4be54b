// Reads column definitions the way AG Grid does, without a DOM: a cell's value (valueGetter, else the
// field), its text (valueFormatter), its CSV cell (the app's processCellCallback), and a sort by one
// column (its comparator, else AG Grid's default comparison of the values).
import type { ColDef, Column, ProcessCellForExportParams } from 'ag-grid-community';
import { csvCellValue } from '../../renderer/grid/csv-export';

export function columnOf<Row>(columns: readonly ColDef<Row>[], colId: string): ColDef<Row> {
  const column = columns.find((candidate) => (candidate.colId ?? candidate.field) === colId);
  if (!column) throw new Error(`no column ${colId}`);
  return column;
}

export function valueOf<Row>(column: ColDef<Row>, data: Row): unknown {
  const getter = column.valueGetter;
  if (typeof getter === 'function') return getter({ data } as never);
  return column.field === undefined ? undefined : (data as Record<string, unknown>)[String(column.field)];
}

export function shownOf<Row>(column: ColDef<Row>, data: Row): unknown {
  const value = valueOf(column, data);
  const formatter = column.valueFormatter;
  return typeof formatter === 'function' ? formatter({ value, data } as never) : value;
}

/** The text AG Grid writes in a CSV cell for this row, through the app's export callback. */
export function csvOf<Row>(column: ColDef<Row>, data: Row): string {
  const params = {
    value: valueOf(column, data),
    node: { data },
    column: { getColDef: () => column } as unknown as Column,
    formatValue: (value: unknown) => {
      const formatter = column.valueFormatter;
      return typeof formatter === 'function' ? formatter({ value, data } as never) : String(value ?? '');
    },
  } as unknown as ProcessCellForExportParams;
  return csvCellValue(params);
}

/** The CSV header: the column's headerValueGetter at the 'csv' location, else its header name. */
export function csvHeaderOf<Row>(column: ColDef<Row>): string {
  const getter = column.headerValueGetter;
  if (typeof getter === 'function') return String(getter({ location: 'csv' } as never));
  return column.headerName ?? '';
}

/** AG Grid's default comparison (nulls first, then < and >). */
function defaultComparator(a: unknown, b: unknown): number {
  if (a === null || a === undefined) return b === null || b === undefined ? 0 : -1;
  if (b === null || b === undefined) return 1;
  return (a as number) > (b as number) ? 1 : (a as number) < (b as number) ? -1 : 0;
}

/** The rows in the order AG Grid shows them sorted by one column. */
export function sortBy<Row>(columns: readonly ColDef<Row>[], colId: string, rows: readonly Row[], direction: 'asc' | 'desc' = 'asc'): Row[] {
  const column = columnOf(columns, colId);
  const descending = direction === 'desc';
  const comparator = typeof column.comparator === 'function' ? column.comparator : undefined;
  const compare = (a: Row, b: Row) => {
    const [valueA, valueB] = [valueOf(column, a), valueOf(column, b)];
    const result = comparator ? comparator(valueA as never, valueB as never, { data: a } as never, { data: b } as never, descending) : defaultComparator(valueA, valueB);
    return descending ? -result : result;
  };
  return [...rows].sort(compare);
}
