// Cell renderers of the quarantine grid that need two lines: an identifier above its description.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { TwoLineCell } from '../../grid/two-line-cell';
import { TaskStatePill } from './task-state-pill';

export function ItemCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.itemId} secondary={data.itemDescription} /> : null;
}

export function DefectCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TwoLineCell primary={data.defectCode} secondary={data.defectText} /> : null;
}

export function TaskStateCell({ data }: CustomCellRendererProps<QuarantineRow>) {
  return data ? <TaskStatePill state={data.taskState} conflictReason={data.conflictReason} decision={data.decision} /> : null;
}
