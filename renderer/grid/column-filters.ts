// The column filters the grids offer, defined once so every grid filters alike: text on ids, names and
// statuses; numbers on quantities, amounts and days; dates on plan dates (YYYY-MM-DD, whole days in no
// time zone) and on times of day (ISO, filtered by the day they fall on here).
// A grid with room for it shows text filters as floating filters under the headers (defaultColDef
// floatingFilter); numbers and dates need an operator (at least, between), so theirs open from the
// header's filter button, and a narrow number column keeps its width for the numbers.
import type { ColDef, IDateFilterParams, INumberFilterParams, ITextFilterParams } from 'ag-grid-community';

/** One condition is what a planner types; the reset button clears it without retyping. */
const oneCondition = (): Pick<ITextFilterParams, 'maxNumConditions' | 'buttons'> => ({ maxNumConditions: 1, buttons: ['reset'] });

type ColumnFilter = Pick<ColDef, 'filter' | 'filterParams' | 'floatingFilter'>;

export const textFilter: ColumnFilter = {
  filter: 'agTextColumnFilter',
  filterParams: { ...oneCondition(), filterOptions: ['contains', 'notContains', 'equals', 'startsWith'] } satisfies ITextFilterParams,
};

export const numberFilter: ColumnFilter = {
  filter: 'agNumberColumnFilter',
  floatingFilter: false,
  filterParams: { ...oneCondition(), filterOptions: ['greaterThanOrEqual', 'lessThanOrEqual', 'equals', 'inRange', 'blank'] } satisfies INumberFilterParams,
};

const planDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** The filter's date (local midnight) against a plan date; NaN-free: a cell that is not a date sorts before any. */
export function comparePlanDateToFilter(filterLocalDateAtMidnight: Date, cellValue: unknown): number {
  const match = typeof cellValue === 'string' ? planDatePattern.exec(cellValue) : null;
  if (!match) return -1;
  const cellDay = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  return Math.sign(cellDay - filterLocalDateAtMidnight.getTime());
}

/** The filter's date against the local day an ISO time falls on. */
export function compareIsoTimeToFilter(filterLocalDateAtMidnight: Date, cellValue: unknown): number {
  const at = typeof cellValue === 'string' ? new Date(cellValue) : null;
  if (!at || Number.isNaN(at.getTime())) return -1;
  const cellDay = new Date(at.getFullYear(), at.getMonth(), at.getDate()).getTime();
  return Math.sign(cellDay - filterLocalDateAtMidnight.getTime());
}

const dateFilterOptions: IDateFilterParams['filterOptions'] = ['equals', 'greaterThan', 'lessThan', 'inRange', 'blank'];

export const planDateFilter: ColumnFilter = {
  filter: 'agDateColumnFilter',
  floatingFilter: false,
  filterParams: { ...oneCondition(), filterOptions: dateFilterOptions, inRangeInclusive: true, comparator: comparePlanDateToFilter } satisfies IDateFilterParams,
};

export const isoTimeFilter: ColumnFilter = {
  filter: 'agDateColumnFilter',
  floatingFilter: false,
  filterParams: { ...oneCondition(), filterOptions: dateFilterOptions, inRangeInclusive: true, comparator: compareIsoTimeToFilter } satisfies IDateFilterParams,
};
