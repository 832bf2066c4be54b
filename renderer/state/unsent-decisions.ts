// What an engineer typed into a lot's usage decision and has not submitted, kept per task while the
// window is open: selecting another lot and coming back finds the quantities, reason and deviation as left.
import type { PostingDraft } from '../views/quarantine/posting-draft';

export interface UnsentDecision {
  draft: PostingDraft | null;
  reason: string;
  deviationNumber: string;
}

const unsent = new Map<string, UnsentDecision>();

export const unsentDecision = (taskId: string): UnsentDecision | undefined => unsent.get(taskId);

/** Kept while anything was typed; forgotten when the form is back to empty. */
export function keepUnsentDecision(taskId: string, decision: UnsentDecision): void {
  if (decision.draft === null && decision.reason.trim() === '' && decision.deviationNumber.trim() === '') unsent.delete(taskId);
  else unsent.set(taskId, decision);
}

/** Submitted (or the lot left the engineer's hands): nothing to keep. */
export function forgetUnsentDecision(taskId: string): void {
  unsent.delete(taskId);
}

/** Signed out (a shared terminal changes hands): nobody else reads what this person typed. */
export function forgetAllUnsentDecisions(): void {
  unsent.clear();
}
