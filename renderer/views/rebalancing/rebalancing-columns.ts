// Column definitions of the rebalancing grid: what moves where, when, at what cost, and what it saves.
// Quantities carry their unit, money its currency (whole units, a unit cost to the cent), dates are plan dates; values stay numbers and ISO
// dates, so sorting and the number and date filters work on them and the formatters only display them.
// Sized so every column fits a 1440 px window beside the navigation, with room in the headers of the
// number and date columns for their filter buttons: the item's description is under its id, dates
// within the 28-day horizon show day and month (and the year outside the current one), long headers and the
// longest status wrap onto two lines, and the ship date (today for every open proposal) is in the
// arrival's tooltip.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { ProposalStatus, RebalancingProposal } from '../../../shared/api/rebalancing';
import { numberFilter, planDateFilter, textFilter } from '../../grid/column-filters';
import { csvMoneyHeader } from '../../grid/csv-export';
import { formatMoney, formatQuantity, formatUnitCost } from '../../format/numbers';
import { formatPlanDate, formatPlanDay } from '../../format/time';
import { compareProposals, proposalStatusLabels } from './proposal-status';
import { AcceptCell, ProposalItemCell, ProposalStatusCell } from './rebalancing-cells';

export const getProposalRowId = (params: GetRowIdParams<RebalancingProposal>): string => params.data.id;

export const proposalDefaultColDef: ColDef<RebalancingProposal> = {
  sortable: true,
  resizable: true,
  filter: false,
  // Text filters sit under the headers, where a planner sees what is filtered; no menu button per header.
  floatingFilter: true,
  suppressHeaderMenuButton: true,
  wrapHeaderText: true,
  autoHeaderHeight: true,
};

/** The item column holds both: a search or a filter for "cylinder" finds the item by its description. */
const itemText = ({ data }: { data?: RebalancingProposal | undefined }) => (data ? `${data.itemId} ${data.itemDescription}` : '');

const statusLabel = ({ data }: { data?: RebalancingProposal | undefined }) => (data ? proposalStatusLabels[data.status] : '');

/** Plants are two or three characters: the floating filter's input takes the whole narrow column ("contains"). */
const plantFilter: ColDef<RebalancingProposal> = { ...textFilter, suppressFloatingFilterButton: true, suppressHeaderFilterButton: true };

const planDateColumn = (field: 'arrivalDate' | 'needDate', headerName: string, tooltip: (row: RebalancingProposal) => string): ColDef<RebalancingProposal> => ({
  field,
  headerName,
  width: 96,
  ...planDateFilter,
  valueFormatter: ({ value }: { value: string | null }) => (value ? formatPlanDay(value) : '—'),
  tooltipValueGetter: ({ data }) => (data ? tooltip(data) : null),
  useValueFormatterForExport: false,
});

const moneyColumn = (field: 'unitCost' | 'cost' | 'revenueProtected', headerName: string, width: number): ColDef<RebalancingProposal> => ({
  field,
  ...csvMoneyHeader(headerName),
  width,
  type: 'rightAligned',
  ...numberFilter,
  valueFormatter: ({ value }: { value: number }) => (field === 'unitCost' ? formatUnitCost(value) : formatMoney(value)),
  useValueFormatterForExport: false,
});

const quantityColumn = (field: 'quantity' | 'shortageCovered', headerName: string, width: number): ColDef<RebalancingProposal> => ({
  field,
  headerName,
  width,
  type: 'rightAligned',
  ...numberFilter,
  valueFormatter: ({ value, data }) => (data ? formatQuantity(value as number, data.unit) : ''),
  useValueFormatterForExport: false,
});

export const proposalColumns: ColDef<RebalancingProposal>[] = [
  {
    colId: 'status',
    field: 'status',
    headerName: 'Status',
    width: 112,
    sort: 'asc',
    // The rows' own order, not the status's alphabet: see compareProposals.
    comparator: (_a: ProposalStatus, _b: ProposalStatus, nodeA, nodeB) => compareProposals(nodeA.data, nodeB.data),
    cellRenderer: ProposalStatusCell,
    valueFormatter: statusLabel,
    // Search and filter by the word on screen ("awaiting", "in transit"), not the contract's id.
    getQuickFilterText: statusLabel,
    filterValueGetter: statusLabel,
    ...textFilter,
  },
  {
    field: 'itemId',
    headerName: 'Item',
    flex: 1,
    minWidth: 124,
    cellRenderer: ProposalItemCell,
    getQuickFilterText: itemText,
    filterValueGetter: itemText,
    ...textFilter,
  },
  { field: 'fromPlant', headerName: 'From', width: 64, ...plantFilter },
  { field: 'toPlant', headerName: 'To', width: 64, ...plantFilter },
  quantityColumn('quantity', 'Quantity', 104),
  planDateColumn('arrivalDate', 'Arrives', (row) => `Ships ${formatPlanDate(row.shipDate)}, arrives ${formatPlanDate(row.arrivalDate)}`),
  planDateColumn('needDate', 'Needed', (row) => (row.needDate ? `${row.toPlant} below safety stock from ${formatPlanDate(row.needDate)}` : 'Not below safety stock')),
  moneyColumn('unitCost', 'Unit cost', 96),
  moneyColumn('cost', 'Cost', 96),
  quantityColumn('shortageCovered', 'Shortage covered', 104),
  moneyColumn('revenueProtected', 'Revenue protected', 120),
  // Pinned: on a narrow window the other columns scroll, the decision stays in reach.
  { colId: 'accept', headerName: '', width: 92, pinned: 'right', sortable: false, resizable: false, cellRenderer: AcceptCell },
];
