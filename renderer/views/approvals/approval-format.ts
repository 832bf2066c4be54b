// The Approvals view's wording, as plain functions the columns, the panel and tests share.
import type { ApprovalRow, DeviationRequest, SubstitutionRequest, TransferApprovalRequest } from '../../../shared/api/approvals';
import { formatDifference } from './adjustment-format';
import type { ProjectedEffect } from '../../../shared/api/impact';
import { approvalStatusLabels, decisionLabels } from '../../format/labels';
import { formatMoney, formatQuantity } from '../../format/numbers';
import { formatPlanDate, formatPlanDay } from '../../format/time';
import { formatDaysLate } from '../order-impact/impact-format';

/** What the status notes besides itself; `escalatedAt` absent reads as not escalated. */
type NotedState = Pick<ApprovalRow, 'status' | 'pendingDecision' | 'refusedUpstream'> & { escalatedAt?: string | null };

/** Under the status pill: a decision from this workstation on its way, upstream's refusal of one, or an escalation past the SLA. */
export function approvalStateNote(row: NotedState): { text: string; tone: 'sent' | 'conflict' } | null {
  if (row.refusedUpstream !== null) return { text: 'conflict', tone: 'conflict' };
  if (row.pendingDecision !== null) return { text: row.pendingDecision.decision === 'approve' ? 'approval sent' : 'rejection sent', tone: 'sent' };
  if (row.status === 'pending' && (row.escalatedAt ?? null) !== null) return { text: 'escalated', tone: 'conflict' };
  return null;
}

/** The status column in one line, for a tooltip or a CSV: "pending · approval sent". */
export function describeApprovalState(row: NotedState): string {
  const note = approvalStateNote(row);
  return note ? `${approvalStatusLabels[row.status]} · ${note.text}` : approvalStatusLabels[row.status];
}

/** The panel's sentence for a decision on its way: "Approval sent — waiting for upstream". */
export function describePendingDecision(pending: NonNullable<ApprovalRow['pendingDecision']>): string {
  return `${pending.decision === 'approve' ? 'Approval' : 'Rejection'} sent — waiting for upstream`;
}

/** A cell's two lines, and the one line a CSV or a tooltip carries. */
export interface RequestLines {
  primary: string;
  secondary: string;
  text: string;
}

const noLines: RequestLines = { primary: '', secondary: '', text: '' };
const itemLines = (itemId: string, description: string): RequestLines => ({ primary: itemId, secondary: description, text: `${itemId} — ${description}` });

/** "35 KG of lot L-000123". */
function formatDeviationLot(deviation: Pick<DeviationRequest, 'quantity' | 'unit' | 'lotId'>): string {
  return `${formatQuantity(deviation.quantity, deviation.unit)} of lot ${deviation.lotId}`;
}

/** "under DEV-12, defect DIM-OOT". */
function formatDeviationTerms(deviation: Pick<DeviationRequest, 'deviationNumber' | 'defectCode'>): string {
  return `under ${deviation.deviationNumber}, defect ${deviation.defectCode}`;
}

/** "02 Dec": the arrival day, with its year only when that is not this year. */
function formatArrival(date: string): string {
  return formatPlanDay(date);
}

/** A transfer asked for approval: "78 EA of FG-000019 from P3 to P1, arriving 02 Dec, value 11,934". */
export function formatTransferRequest(transfer: TransferApprovalRequest): string {
  return `${formatQuantity(transfer.quantity, transfer.unit)} of ${transfer.itemId} from ${transfer.fromPlant} to ${transfer.toPlant}, arriving ${formatArrival(transfer.arrivalDate)}, value ${formatMoney(transfer.value)}`;
}

type RequestParts = Pick<ApprovalRow, 'substitution' | 'deviation' | 'transfer' | 'adjustment' | 'fromItemDescription' | 'toItemDescription'>;

/** Beneath the subject: "P1 · Supplier delay on PO-0000008/10"; a use-as-is subject does not name the plant. */
export function subjectDetail(row: Pick<ApprovalRow, 'plant' | 'substitution' | 'deviation'>): string {
  const reason = row.substitution?.reason ?? row.deviation?.reason;
  return reason ? `${row.plant} · ${reason}` : row.plant;
}

// The grid's two "what" columns, each an id over what it says about it, so the id is what a narrow
// column shows whole: "Lot L-000123" over "35 KG · Hex nut class 8" | "DEV-12" over "defect DIM-OOT".
// Their one-line texts (a tooltip, a CSV) read across as one sentence:
// "35 KG of lot L-000123 (Hex nut class 8)" | "under DEV-12, defect DIM-OOT".

/** "35 KG · Hex nut class 8": the quantity beside the item's description. */
const quantityOf = (quantity: number, unit: string, description: string) => (description ? `${formatQuantity(quantity, unit)} · ${description}` : formatQuantity(quantity, unit));

/** The first: the component replaced, the item transferred, or the lot used as is. */
export function requestSourceLines(row: RequestParts): RequestLines {
  if (row.substitution) return itemLines(row.substitution.fromItemId, row.fromItemDescription);
  if (row.transfer) {
    const { quantity, unit, itemId } = row.transfer;
    return { primary: itemId, secondary: quantityOf(quantity, unit, row.fromItemDescription), text: `${formatQuantity(quantity, unit)} of ${itemId} (${row.fromItemDescription})` };
  }
  if (row.adjustment) {
    const { bin, itemId, bookQuantity, unit } = row.adjustment;
    return { primary: `Bin ${bin}`, secondary: quantityOf(bookQuantity, unit, row.fromItemDescription || itemId), text: `bin ${bin}: ${formatQuantity(bookQuantity, unit)} of ${itemId} on the book` };
  }
  if (!row.deviation) return noLines;
  const { quantity, unit, lotId } = row.deviation;
  return { primary: `Lot ${lotId}`, secondary: quantityOf(quantity, unit, row.fromItemDescription), text: `${formatDeviationLot(row.deviation)} (${row.fromItemDescription})` };
}

/** The second: the substitute, the plants a transfer goes between, or the deviation and defect a lot is used under. */
export function requestTermsLines(row: RequestParts): RequestLines {
  if (row.substitution) return itemLines(row.substitution.toItemId, row.toItemDescription);
  if (row.transfer) {
    const { fromPlant, toPlant, arrivalDate, value } = row.transfer;
    return {
      primary: `${fromPlant} → ${toPlant}`,
      secondary: `arrives ${formatArrival(arrivalDate)} · value ${formatMoney(value)}`,
      text: `from ${fromPlant} to ${toPlant}, arriving ${formatArrival(arrivalDate)}, value ${formatMoney(value)}`,
    };
  }
  if (row.adjustment) {
    const { difference, unit, value, percent } = row.adjustment;
    const change = formatDifference(difference, unit);
    return { primary: change, secondary: `${percent} % · value ${formatMoney(value)}`, text: `adjust by ${change} (${percent} %), value ${formatMoney(value)}` };
  }
  if (!row.deviation) return noLines;
  return { primary: row.deviation.deviationNumber, secondary: `defect ${row.deviation.defectCode}`, text: formatDeviationTerms(row.deviation) };
}

/** The panel's heading, short enough for its width: "RM-001309 → RM-000979", "Lot L-000123". */
export function approvalHeading(row: Pick<ApprovalRow, 'subject' | 'substitution' | 'deviation' | 'transfer' | 'adjustment'>): string {
  if (row.adjustment) return `Bin ${row.adjustment.bin}`;
  if (row.substitution) return `${row.substitution.fromItemId} → ${row.substitution.toItemId}`;
  if (row.transfer) return `${row.transfer.itemId} ${row.transfer.fromPlant} → ${row.transfer.toPlant}`;
  if (row.deviation) return `Lot ${row.deviation.lotId}`;
  return row.subject;
}

/** What a substitution asks, for the panel. */
export function substitutionFacts(substitution: SubstitutionRequest, row: Pick<ApprovalRow, 'fromItemDescription' | 'toItemDescription'>): [string, string][] {
  return [
    ['Replace', `${substitution.fromItemId} — ${row.fromItemDescription}`],
    ['With', `${substitution.toItemId} — ${row.toItemDescription}`],
    ['Plant', substitution.plant],
    ['Reason', substitution.reason],
  ];
}

/** What a use-as-is asks, for the panel; the reason is the quality engineer's. */
export function deviationFacts(deviation: DeviationRequest, itemDescription: string): [string, string][] {
  return [
    ['Lot', deviation.lotId],
    ['Use as is', formatQuantity(deviation.quantity, deviation.unit)],
    // The rest of the lot's usage decision, which goes upstream with it once approved.
    ...(deviation.postings && deviation.postings.length > 1
      ? [['Whole decision', deviation.postings.map((posting) => `${decisionLabels[posting.decision]} ${formatQuantity(posting.quantity, deviation.unit)}`).join(' · ')] as [string, string]]
      : []),
    ['Item', `${deviation.itemId} — ${itemDescription}`],
    ['Plant', deviation.plant],
    ['Deviation', deviation.deviationNumber],
    ['Defect', deviation.defectCode],
    ['Inspection lot', deviation.inspectionLotId],
    ['Reason', deviation.reason],
  ];
}

/** What a transfer asks, for the panel; its value is the revenue it protects at the receiving plant. */
export function transferFacts(transfer: TransferApprovalRequest, itemDescription: string): [string, string][] {
  return [
    ['Transfer', transfer.transferId],
    ['Item', `${transfer.itemId} — ${itemDescription}`],
    ['Quantity', formatQuantity(transfer.quantity, transfer.unit)],
    ['From', transfer.fromPlant],
    ['To', transfer.toPlant],
    ['Ships', formatPlanDate(transfer.shipDate)],
    ['Arrives', formatPlanDate(transfer.arrivalDate)],
    ['Value', formatMoney(transfer.value)],
  ];
}

/** "3 production orders". */
export function formatOrderCount(count: number): string {
  return `${formatQuantity(count, '')} production ${count === 1 ? 'order' : 'orders'}`;
}

/** A projected effect as label and value pairs, for the panel. */
export function projectedFacts(projected: ProjectedEffect): [string, string][] {
  return [
    ['Orders hit', formatQuantity(projected.ordersHit, '')],
    ['Revenue at risk', formatMoney(projected.revenueAtRisk)],
    ['Worst lateness', projected.worstDaysLate === null ? '—' : projected.worstDaysLate === 0 ? 'on time' : formatDaysLate(projected.worstDaysLate)],
    ['Unfulfilled', formatQuantity(projected.unfulfilled, '')],
  ];
}

export interface ApprovalCounts {
  total: number;
  awaiting: number;
  /** Of those awaiting, the ones this user may decide (the nav badge's count). */
  yours: number;
  sent: number;
  conflicts: number;
  decided: number;
}

export function countApprovals(rows: readonly Pick<ApprovalRow, 'status' | 'pendingDecision' | 'refusedUpstream' | 'canDecide'>[]): ApprovalCounts {
  const counts: ApprovalCounts = { total: rows.length, awaiting: 0, yours: 0, sent: 0, conflicts: 0, decided: 0 };
  for (const row of rows) {
    if (row.refusedUpstream !== null) counts.conflicts += 1;
    if (row.status !== 'pending') counts.decided += 1;
    else if (row.pendingDecision !== null) counts.sent += 1;
    else {
      counts.awaiting += 1;
      if (row.canDecide) counts.yours += 1;
    }
  }
  return counts;
}
