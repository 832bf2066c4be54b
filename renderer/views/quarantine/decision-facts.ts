// The facts under a decision on its way, done or withdrawn: the deviation and reason, who decided it
// (or, while a use-as-is waits, who asked a supervisor to approve it) and who approved it, when.
import type { QuarantineRow } from '../../../shared/api/quarantine';
import { formatCount } from '../../format/numbers';
import { formatDateTime } from '../../format/time';

type DecisionRow = Pick<
  QuarantineRow,
  'taskState' | 'deviationNumber' | 'decisionReason' | 'decidedBy' | 'decidedAt' | 'approvalId' | 'approvedBy' | 'approvedAt' | 'containmentLotIds'
>;

/** "qe.maria at 06 Dec 2026, 23:16", or the name alone when the time is not known here. */
const whoAt = (who: string, at: string | null) => (at ? `${who} at ${formatDateTime(at)}` : who);

export function decisionFacts(row: DecisionRow): [string, string][] {
  const facts: [string, string][] = [];
  if (row.deviationNumber) facts.push(['Deviation', row.deviationNumber]);
  if (row.decisionReason) facts.push(['Reason', row.decisionReason]);
  if (row.taskState === 'awaiting-approval') {
    // Not decided yet: the engineer asked, and a supervisor on another workstation decides.
    if (row.decidedBy) facts.push(['Requested by', `${whoAt(row.decidedBy, row.decidedAt)}; awaiting a supervisor’s approval`]);
    if (row.approvalId) facts.push(['Approval request', row.approvalId]);
  } else {
    if (row.decidedBy) facts.push(['Decided by', whoAt(row.decidedBy, row.decidedAt)]);
    if (row.approvedBy) facts.push(['Approved by', whoAt(row.approvedBy, row.approvedAt)]);
    if (row.approvalId) facts.push(['Approval', row.approvalId]);
  }
  if (row.containmentLotIds.length > 0) facts.push(['Also blocked', `${formatCount(row.containmentLotIds.length, 'lot')}: ${row.containmentLotIds.join(', ')}`]);
  return facts;
}
