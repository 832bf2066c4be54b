// CSV exports a spreadsheet can compute with, through AG Grid's export API: numbers plain (10, 1234.5,
// no thousands separator, no unit in the cell), plan dates YYYY-MM-DD, times of day YYYY-MM-DD HH:MM:SS
// in UTC, and words (a status, a type) as the grid shows them. The unit goes in the header instead:
// "Days late", "Quantity" beside a "Unit" column, "Detected (UTC)", "Revenue at risk (EUR)".
import type { ColDef, CsvExportParams, GridOptions, HeaderValueGetterParams, ProcessCellForExportParams } from 'ag-grid-community';
import { currencyCode } from '../format/numbers';

export type CsvValue = string | number | boolean | null | undefined;

/** How one column writes its cells, kept in the column definition's `context`. */
interface CsvContext {
  csv?: (value: unknown, row: unknown) => CsvValue;
}

/** A column whose CSV cell is not the grid's value: `csv(value, row)` answers it. */
export function csvCell<Row>(csv: (value: unknown, row: Row) => CsvValue): Pick<ColDef<Row>, 'context'> {
  const context: CsvContext = { csv: (value, row) => csv(value, row as Row) };
  return { context };
}

/** A header that reads one way on screen and names its unit in a CSV. */
export function csvHeader(onScreen: string, inCsv: string): Pick<ColDef, 'headerName' | 'headerValueGetter'> {
  return { headerName: onScreen, headerValueGetter: ({ location }: HeaderValueGetterParams) => (location === 'csv' ? inCsv : onScreen) };
}

/** A money column's header: its currency in a CSV ("Revenue at risk (EUR)"), once the core said which. */
export function csvMoneyHeader(onScreen: string): Pick<ColDef, 'headerName' | 'headerValueGetter'> {
  return {
    headerName: onScreen,
    headerValueGetter: ({ location }: HeaderValueGetterParams) => {
      const currency = location === 'csv' ? currencyCode() : null;
      return currency ? `${onScreen} (${currency})` : onScreen;
    },
  };
}

/** "2026-11-22 09:00:00" for an ISO time; blank for anything else. */
export function csvTime(value: unknown): string {
  const at = typeof value === 'string' ? new Date(value) : null;
  if (!at || Number.isNaN(at.getTime())) return '';
  return at.toISOString().slice(0, 19).replace('T', ' ');
}

/** A time-of-day column's CSV cell and header: "Detected (UTC)". */
export function csvTimeColumn(headerName: string): Pick<ColDef, 'headerName' | 'headerValueGetter' | 'context'> {
  return { ...csvHeader(headerName, `${headerName} (UTC)`), ...csvCell((value) => csvTime(value)) };
}

/** The text a cell holds in the file. Floating-point noise (0.1 + 0.2) is cut at six decimals. */
export function csvText(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(Math.round(value * 1e6) / 1e6) : '';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value;
}

/**
 * AG Grid's processCellCallback for every CSV of the app: the column's own CSV value when it has one,
 * a number as a plain number, no value as an empty cell (not the grid's "—"), the raw value where the
 * column says so (`useValueFormatterForExport: false`: plan dates), otherwise the text the grid shows
 * (a status's or a type's word).
 */
export function csvCellValue(params: Pick<ProcessCellForExportParams, 'value' | 'node' | 'column' | 'formatValue'>): string {
  const colDef = params.column.getColDef();
  const own = (colDef.context as CsvContext | undefined)?.csv;
  if (own) return csvText(own(params.value, params.node?.data));
  const value: unknown = params.value;
  if (value === null || value === undefined || typeof value === 'number' || colDef.useValueFormatterForExport === false || !colDef.valueFormatter) return csvText(value as CsvValue);
  return csvText(params.formatValue(value));
}

/** The export's parameters: the file name, the app's cell values, and any of AG Grid's own (allColumns). */
export function csvExportParams(fileName: string, options: Omit<CsvExportParams, 'fileName' | 'processCellCallback'> = {}): CsvExportParams {
  return { ...options, fileName, processCellCallback: csvCellValue };
}

/**
 * A grid that exports: its CSV is written at once, and AG Grid's "Exporting..." overlay was seen to
 * stay over the rows after the file was saved, so the grid goes without it.
 */
export const exportingGridOptions: Pick<GridOptions, 'suppressOverlays'> = { suppressOverlays: ['exporting'] };
