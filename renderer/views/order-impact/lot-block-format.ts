// A lot block's usage decision as a planner reads it in the exception's facts.
import type { LotBlockDetail } from '../../../shared/api/impact';
import { decisionLabels } from '../../format/labels';
import { formatQuantity } from '../../format/numbers';
import { formatDateTime } from '../../format/time';

/** "R1 · Scrap 240 EA · by qe.maria at 06 Dec 2026, 14:02": the ERP's usage decision as posted. */
export function describeLotDecision(detail: LotBlockDetail): string {
  const decided = detail.usageDecision;
  if (!decided) return 'Awaiting the quality engineer';
  const postings = decided.postings.map((posting) => `${decisionLabels[posting.decision]} ${formatQuantity(posting.quantity, detail.unit)}`).join(', ');
  return `${decided.code} · ${postings} · by ${decided.decidedBy} at ${formatDateTime(decided.decidedAt)}`;
}
