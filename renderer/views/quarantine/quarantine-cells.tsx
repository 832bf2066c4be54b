// Cell renderers of the quarantine grid that need two lines: an identifier above its description.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { TaskStatePill } from './task-state-pill';

function TwoLineCell({ primary, secondary }: { primary: string; secondary: string }) {
  return (
    <div className="two-line-cell" title={`${primary} — ${secondary}`}>
      <span className="two-line-cell__primary">{primary}</span>
      <span className="two-line-cell__secondary">{secondary}</span>
    </div>
  );
}

export function ItemCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.itemId} secondary={data.itemDescription} /> : null;
}

export function DefectCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.defectCode} secondary={data.defectText} /> : null;
}

export function TaskStateCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TaskStatePill state={data.taskState} conflictReason={data.conflictReason} decision={data.decision} /> : null;
}
