// Column definitions of the rebalancing grid: what moves where, when, at what cost, and what it saves.
// Quantities carry their unit, money is whole units, dates are plan dates; a CSV export keeps raw values.
// Sized so every column fits a 1440 px window beside the navigation: dates within the 28-day horizon
// show day and month (the year is in the tooltip), long headers wrap onto two lines, and the ship date
// (today for every open proposal) is in the arrival's tooltip rather than a column of its own.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ProposalStatus, RebalancingProposal } from '../../../shared/api/rebalancing';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatPlanDate } from '../../format/time';
import { proposalStatusLabels } from './proposal-status';
import { AcceptCell, ProposalStatusCell } from './rebalancing-cells';

export const getProposalRowId = (params: GetRowIdParams<RebalancingProposal>): string => params.data.id;


/** Open proposals first, then what is on its way, then the rest. */
const statusOrder: Record<ProposalStatus, number> = { proposed: 0, 'awaiting-approval': 1, accepted: 2, 'in-transit': 3, received: 4, rejected: 5 };

export const proposalDefaultColDef: ColDef<RebalancingProposal> = { sortable: true, resizable: true, filter: false, suppressHeaderMenuButton: true, wrapHeaderText: true, autoHeaderHeight: true };

const planDateColumn = (field: 'arrivalDate' | 'needDate', headerName: string, tooltip: (row: RebalancingProposal) => string): ColDef<RebalancingProposal> => ({
  field,
  headerName,
  width: 80,
  valueFormatter: ({ value }: { value: string | null }) => (value ? formatPlanDate(value).replace(/ \d{4}$/, '') : '—'),
  tooltipValueGetter: ({ data }) => (data ? tooltip(data) : null),
  useValueFormatterForExport: false,
});

const moneyColumn = (field: 'unitCost' | 'cost' | 'revenueProtected', headerName: string, width: number): ColDef<RebalancingProposal> => ({
  field,
  headerName,
  width,
  type: 'rightAligned',
  valueFormatter: ({ value }: { value: number }) => (field === 'unitCost' ? value.toFixed(2) : formatMoney(value)),
  useValueFormatterForExport: false,
});

export const proposalColumns: ColDef<RebalancingProposal>[] = [
  {
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 112,
    sort: 'asc',
    comparator: (a: ProposalStatus, b: ProposalStatus) => statusOrder[a] - statusOrder[b],
    cellRenderer: ProposalStatusCell,
    valueFormatter: ({ value }: { value: ProposalStatus }) => proposalStatusLabels[value],
  },
  { field: 'itemId', headerName: 'Item', width: 112, cellClass: 'cell-strong' },
  { field: 'itemDescription', headerName: 'Description', flex: 1, minWidth: 120, tooltipField: 'itemDescription' },
  { field: 'fromPlant', headerName: 'From', width: 68 },
  { field: 'toPlant', headerName: 'To', width: 56 },
  {
    field: 'quantity',
    headerName: 'Quantity',
    width: 84,
    type: 'rightAligned',
    valueFormatter: ({ value, data }) => (data ? formatQuantity(value as number, data.unit) : ''),
    useValueFormatterForExport: false,
  },
  planDateColumn('arrivalDate', 'Arrives', (row) => `Ships ${formatPlanDate(row.shipDate)}, arrives ${formatPlanDate(row.arrivalDate)}`),
  planDateColumn('needDate', 'Needed', (row) => (row.needDate ? `${row.toPlant} below safety stock from ${formatPlanDate(row.needDate)}` : 'Not below safety stock')),
  moneyColumn('unitCost', 'Unit cost', 72),
  moneyColumn('cost', 'Cost', 76),
  {
    field: 'shortageCovered',
    headerName: 'Shortage covered',
    width: 96,
    type: 'rightAligned',
    valueFormatter: ({ value, data }) => (data ? formatQuantity(value as number, data.unit) : ''),
    useValueFormatterForExport: false,
  },
  moneyColumn('revenueProtected', 'Revenue protected', 100),
  { colId: 'accept', headerName: '', width: 92, sortable: false, resizable: false, cellRenderer: AcceptCell },
];
