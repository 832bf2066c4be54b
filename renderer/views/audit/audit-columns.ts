// Columns of the Audit grid, all on screen in a 1440 px window: when, who in which role, what and about what, the flow and the command it belongs to, and the rest of
// the entry. Text filters under the headers (a user, an action, a lot or an order), the time from the
// header's button (a day or a range); long ids and the detail are cut at the column's edge, whole in the
// tooltip and in a CSV export, which carries times in UTC.
import type { ColDef, GetRowIdParams } from 'ag-grid-community';
import type { AuditRow } from '../../../shared/api/audit';
import { isoTimeFilter, numberFilter, textFilter } from '../../grid/column-filters';
import { csvTimeColumn } from '../../grid/csv-export';
import { formatDateTime } from '../../format/time';

export const getAuditRowId = (params: GetRowIdParams<AuditRow>): string => String(params.data.id);

export const auditDefaultColDef: ColDef<AuditRow> = {
  sortable: true,
  resizable: true,
  filter: false,
  floatingFilter: true,
  suppressHeaderMenuButton: true,
};

export const auditColumns: ColDef<AuditRow>[] = [
  { colId: 'id', headerName: '#', headerTooltip: 'The entry’s place in the chain', field: 'id', width: 72, sort: 'desc', ...numberFilter },
  {
    colId: 'at',
    field: 'at',
    ...csvTimeColumn('Time'),
    width: 165,
    valueFormatter: ({ value }: { value?: string | null }) => (value ? formatDateTime(value) : ''),
    ...isoTimeFilter,
  },
  { colId: 'actor', headerName: 'User', field: 'actor', width: 110, tooltipField: 'actor', ...textFilter },
  { colId: 'role', headerName: 'Role', field: 'role', width: 130, valueFormatter: ({ value }: { value?: string | null }) => (value ? value.replace('-', ' ') : ''), ...textFilter },
  { colId: 'action', headerName: 'Action', field: 'action', width: 200, tooltipField: 'action', ...textFilter },
  // Ids are long (an approval's is 39 characters): cut at the edge with the whole id in the tooltip and the CSV.
  { colId: 'subject', headerName: 'Subject', field: 'subject', width: 130, tooltipField: 'subject', ...textFilter },
  // One flow across workstations: a request, its approval and what was approved share it.
  { colId: 'correlationId', headerName: 'Correlation', headerTooltip: 'What ties the steps of one flow together on every workstation: the approval, the lot or the order', field: 'correlationId', width: 150, tooltipField: 'correlationId', ...textFilter },
  { colId: 'commandId', headerName: 'Command', field: 'commandId', width: 110, tooltipField: 'commandId', valueFormatter: ({ value }: { value?: string | null }) => value ?? '', ...textFilter },
  { colId: 'detail', headerName: 'Detail', field: 'detail', flex: 1, minWidth: 140, tooltipField: 'detail', ...textFilter },
];
