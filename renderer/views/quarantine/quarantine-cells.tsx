// Cell renderers of the quarantine grid: two lines where a value needs its context (an item and its
// description, a quantity and its stock type), the task state pill, and the consumed quantity with a
// containment badge.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { inspectionLotStatusLabels, inspectionLotStatusShortLabels, stockTypeLabels } from '../../format/labels';
import { formatCount, formatQuantity } from '../../format/numbers';
import { formatDateTime } from '../../format/time';
import { TwoLineCell } from '../../grid/two-line-cell';
import { dispositionSlaNote } from './hold-notes';
import { describeParts, formatDecisionCell } from './quarantine-format';
import { TaskStatePill } from './task-state-pill';

export function ItemCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.itemId} secondary={data.itemDescription} /> : null;
}

export function DefectCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.defectCode} secondary={data.defectText} /> : null;
}

/** The lot as the ERP has it now; once a decision split it, how many sub-lots it left besides. */
export function QuantityCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  if (!data) return null;
  const subLots = data.parts.length - 1;
  return (
    <div className="two-line-cell two-line-cell--end" title={subLots > 0 ? [`And ${formatCount(subLots, 'sub-lot')}:`, ...describeParts(data.parts, data.unit)].join('\n') : undefined}>
      <span className="two-line-cell__primary">{formatQuantity(data.quantity, data.unit)}</span>
      <span className="two-line-cell__secondary">
        {stockTypeLabels[data.stockType]}
        {subLots > 0 && <span data-testid="sub-lot-count"> · +{subLots}</span>}
      </span>
    </div>
  );
}

export function SourceCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.plant} secondary={data.supplierId ?? 'In-house'} /> : null;
}

export function InspectionLotCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  if (!data) return null;
  return (
    <div className="two-line-cell" title={`${data.inspectionLotId} — ${inspectionLotStatusLabels[data.inspectionLotStatus]}`}>
      <span className="two-line-cell__primary">{inspectionLotStatusShortLabels[data.inspectionLotStatus]}</span>
      <span className="two-line-cell__secondary">{data.inspectionLotId}</span>
    </div>
  );
}

/** The pill, and under it what the SLA says: due soon, overdue, escalated, or what it did by itself. */
export function TaskStateCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  if (!data) return null;
  const pill = <TaskStatePill state={data.taskState} conflictReason={data.conflict?.reason ?? null} decision={data.postings ? formatDecisionCell(data) : null} decidedBy={data.decidedBy} refusal={data.conflict?.kind ?? null} />;
  const note = dispositionSlaNote(data, Date.now());
  if (!note) return pill;
  return (
    <div className="two-line-cell" title={data.dueAt ? `Usage decision due ${formatDateTime(data.dueAt)}` : undefined}>
      <span>{pill}</span>
      <span className={`two-line-cell__secondary sla-note sla-note--${note.tone}`} data-testid="sla-note">
        {note.text}
      </span>
    </div>
  );
}

/** Consumption makes containment matter: the badge says the lot's material is already in production. */
export function ConsumedCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  if (!data) return null;
  if (data.consumedQuantity <= 0) return <span className="cell-muted">—</span>;
  return (
    <div className="two-line-cell consumed-cell" data-testid="consumed-cell" title="Production orders consumed part of this lot: check containment">
      <span className="two-line-cell__primary">{formatQuantity(data.consumedQuantity, data.unit)}</span>
      <span className="containment-badge">containment</span>
    </div>
  );
}
