// What a replay of a dead letter leaves behind, whoever asked for it (an operator in Monitor, or the
// unit mapping that fixed its cause): resolved and audited when it applied, its reason brought up to
// date and the attempt audited when it failed again. In the caller's transaction.
import type { DeadLetter } from '../store/dead-letters';
import type { Repos } from '../store/repos';

/** What replaying a dead letter did; `correlationId`: the flow it belongs to, when it could be read. */
export type ReplayOutcome = { replayed: true; alreadyApplied: boolean; correlationId: string } | { replayed: false; reason: string; correlationId?: string };

/** Null when it applied; otherwise why it still fails. `why`: what made it worth replaying, for the trail. */
export function settleReplay(repos: Repos, letter: DeadLetter, outcome: ReplayOutcome, actor: string, at: string, why?: string): string | null {
  const correlation = outcome.correlationId ? { correlationId: outcome.correlationId } : {};
  const cause = why === undefined ? {} : { why };
  if (!outcome.replayed) {
    if (outcome.reason !== letter.reason) repos.deadLetters.setReason(letter.id, outcome.reason);
    // Tried and failed is in the trail too: who tried, and why it fails now.
    repos.audit.append({ at, actor, action: 'dead letter replay failed', subject: `DL-${letter.id}`, detail: { connector: letter.connector, eventId: letter.eventId, reason: outcome.reason, ...cause }, ...correlation });
    return outcome.reason;
  }
  const applied = outcome.alreadyApplied ? 'applied already (sent again by the gateway); nothing applied twice' : 'applied';
  const note = why === undefined ? applied : `${applied}; ${why}`;
  repos.deadLetters.resolve(letter.id, 'replayed', actor, at, note);
  repos.audit.append({ at, actor, action: 'dead letter replayed', subject: `DL-${letter.id}`, detail: { connector: letter.connector, eventId: letter.eventId, reason: letter.reason, note }, ...correlation });
  return null;
}
