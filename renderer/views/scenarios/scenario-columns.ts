// Columns of the saved scenarios grid (name, steps, who saved it when, its figures then, applied or
// not) and of the comparison's customer orders (days late now and in each compared scenario's world).
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ScenarioComparisonView, ScenarioRow } from '../../../shared/api/scenarios';
import { isoTimeFilter, numberFilter, textFilter } from '../../grid/column-filters';
import { formatMoney } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { formatWorldLateness } from './scenario-format';

export const getScenarioRowId = (params: GetRowIdParams<ScenarioRow>): string => params.data.id;

export const scenarioDefaultColDef: ColDef = {
  sortable: true,
  resizable: true,
  suppressHeaderMenuButton: true,
};

export const scenarioColumns: ColDef<ScenarioRow>[] = [
  { colId: 'name', headerName: 'Scenario', field: 'name', width: 250, cellClass: 'cell-strong', tooltipField: 'name', ...textFilter },
  { colId: 'steps', headerName: 'Steps', flex: 1, minWidth: 260, valueGetter: ({ data }) => data?.steps.join(' · ') ?? '', tooltipValueGetter: ({ data }) => data?.steps.join('\n') ?? '', ...textFilter },
  { colId: 'savedAt', headerName: 'Saved', field: 'savedAt', width: 240, valueFormatter: ({ value, data }: { value?: string; data?: ScenarioRow }) => (value ? `${formatDateTime(value)}${data ? ` · ${data.savedBy}` : ''}` : ''), sort: 'desc', ...isoTimeFilter },
  {
    colId: 'ordersHit',
    headerName: 'Made later',
    headerTooltip: 'Orders it made later than the plan when it was saved; compare it to see them now',
    type: 'numericColumn',
    width: 120,
    valueGetter: ({ data }) => data?.savedFigures.ordersHit ?? null,
    ...numberFilter,
  },
  {
    colId: 'applied',
    headerName: 'Applied',
    width: 240,
    valueGetter: ({ data }) => (data?.applied ? `${data.applied.by}, ${formatDateTime(data.applied.at)}` : data && data.responseCount === 0 ? 'what-if only' : 'not yet'),
    cellClassRules: { 'scenario-applied': ({ data }) => data?.applied !== null && data?.applied !== undefined },
    ...textFilter,
  },
];

type CustomerRow = ScenarioComparisonView['customerOrders'][number];

export const getCustomerRowId = (params: GetRowIdParams<CustomerRow>): string => params.data.id;

/** Plan now, then one column per compared scenario: days late in each world. */
export function comparisonColumns(comparison: ScenarioComparisonView): ColDef<CustomerRow>[] {
  const lateClass = { 'text-danger': ({ value }: { value?: number | null }) => value === null || (value ?? 0) > 0 };
  return [
    { colId: 'id', headerName: 'Customer order', field: 'id', width: 170, pinned: 'left', cellClass: 'cell-strong', ...textFilter },
    { colId: 'customer', headerName: 'Customer', field: 'customerId', width: 120, ...textFilter },
    { colId: 'priority', headerName: 'Priority', field: 'priority', width: 96, type: 'numericColumn', ...numberFilter },
    { colId: 'value', headerName: 'Value', field: 'value', width: 120, type: 'numericColumn', valueFormatter: ({ value }: { value?: number }) => (value === undefined ? '' : formatMoney(value)), ...numberFilter },
    { colId: 'now', headerName: 'Plan now', field: 'now', width: 120, type: 'numericColumn', valueFormatter: ({ value }: { value?: number | null }) => formatWorldLateness(value), cellClassRules: lateClass, ...numberFilter },
    ...comparison.scenarios.map(
      (scenario, at): ColDef<CustomerRow> => ({
        colId: `scenario-${scenario.id}`,
        headerName: scenario.name,
        headerTooltip: scenario.name,
        minWidth: 150,
        flex: 1,
        type: 'numericColumn',
        valueGetter: ({ data }) => (data ? data.byScenario[at] : undefined),
        valueFormatter: ({ value }: { value?: number | null }) => formatWorldLateness(value),
        cellClassRules: lateClass,
        ...numberFilter,
      }),
    ),
  ];
}
