// The one way an API call writes: the signed-in person's role decides who may (and a sign-in that ran
// out refuses every decision until they sign in again), the work runs in one durable
// transaction, a failure forgets what the work marked as changed (a rolled-back plan change rebuilds
// the plan index), a workflow's refusal is answered as the API's, and only after the commit is the
// change pushed and the outbox woken.
import type { ApiMethod } from '../../shared/api';
import { ApiFailure } from '../../shared/api/result';
import { roleRefusal } from '../../shared/api/roles';
import type { ChangeTracker } from '../engine/change-tracker';
import { Refusal } from '../engine/refusal';
import type { Store } from '../store/open-store';
import type { Caller } from './session-service';

export interface CommitPathDeps {
  store: Store;
  changes: ChangeTracker;
  /** Who is signed in now: the role table is checked against their role. */
  caller(): Caller | null;
  /** After a commit that may have queued commands: push what changed, wake the outbox pushers. */
  afterCommit(): void;
}

/** The sign-in message of a decision refused past the token's expiry. */
export const sessionRanOut = (expiredAt: string): string =>
  `session: your sign-in ran out at ${expiredAt}; sign in again to decide (what is queued stays queued and is sent)`;

export type CommitPath = <T>(method: ApiMethod, work: () => T) => T;

export function createCommitPath({ store, changes, caller, afterCommit }: CommitPathDeps): CommitPath {
  return <T>(method: ApiMethod, work: () => T): T => {
    const person = caller();
    if (!person) throw new ApiFailure('forbidden', 'session: nobody is signed in at this workstation; sign in');
    const refused = roleRefusal(method, person.role);
    if (refused) throw new ApiFailure('forbidden', `${refused.field}: ${refused.reason}`);
    if (person.expiredAt) throw new ApiFailure('forbidden', sessionRanOut(person.expiredAt));
    let result: T;
    try {
      result = store.durableTransaction(work);
    } catch (error) {
      changes.discard();
      // A workflow's refusal is the API's: the person reads why.
      if (error instanceof Refusal) throw new ApiFailure(error.code, error.message);
      throw error;
    }
    afterCommit();
    return result;
  };
}
