// Cell renderers of the Order Impact grids: orders that open why they are late, items, source
// documents, the status pill, and the worst lateness with the orders that lost their supply altogether.
import type { CustomCellRendererProps } from 'ag-grid-react';
import type { ExceptionRow } from '../../../shared/api/impact';
import { TwoLineCell } from '../../grid/two-line-cell';
import { explainOrder } from '../../state/stock-actions';
import { ExceptionStatusPill } from './exception-status-pill';
import { describeWorstLateness, formatWorstLateness, splitSourceDocument, unfulfilledNote } from './impact-format';

/** An order's id that opens why it is late: the chain down to the receipt, in Stock/requirements. */
export function OrderExplainCell({ data }: CustomCellRendererProps<{ id: string }>) {
  return data ? (
    <button type="button" className="link-button" title={`Why is ${data.id} late? Open its chain in Stock/requirements`} onClick={() => void explainOrder(data.id)} data-testid={`explain-${data.id}`}>
      {data.id}
    </button>
  ) : null;
}

export function ItemCell({ data }: CustomCellRendererProps<{ itemId: string; itemDescription: string }>) {
  return data ? <TwoLineCell primary={data.itemId} secondary={data.itemDescription} /> : null;
}

/** In the dense order grids: the item and its description on one line. */
export function ItemLineCell({ data }: CustomCellRendererProps<{ itemId: string; itemDescription: string }>) {
  return data ? (
    <span className="item-line-cell" title={`${data.itemId} — ${data.itemDescription}`}>
      <strong>{data.itemId}</strong> {data.itemDescription}
    </span>
  ) : null;
}

/** "PO-0003065/10 (ASN-0003065)" as the PO line over its ASN; any other text on one line. */
export function SourceDocumentCell({ data }: CustomCellRendererProps<ExceptionRow>) {
  if (!data) return null;
  const parts = splitSourceDocument(data.sourceDocument);
  return parts ? <TwoLineCell primary={parts.document} secondary={parts.carrier} /> : <span title={data.sourceDocument}>{data.sourceDocument}</span>;
}

export function ExceptionStatusCell({ data }: CustomCellRendererProps<ExceptionRow>) {
  return data ? <ExceptionStatusPill status={data.status} /> : null;
}

export function WorstLatenessCell({ data }: CustomCellRendererProps<ExceptionRow>) {
  if (!data) return null;
  const note = unfulfilledNote(data);
  const allUnfulfilled = data.worstDaysLate === null && data.unfulfilled > 0;
  return (
    <div className="two-line-cell lateness-cell" title={describeWorstLateness(data)}>
      <span className={allUnfulfilled ? 'text-danger cell-strong' : 'cell-strong'}>{formatWorstLateness(data)}</span>
      {note && <span className="lateness-cell__note">{note}</span>}
    </div>
  );
}
