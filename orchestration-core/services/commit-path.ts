// The one way an API call writes: the role table decides who may, the work runs in one durable
// transaction, a failure forgets what the work marked as changed (a rolled-back plan change rebuilds
// the plan index), a workflow's refusal is answered as the API's, and only after the commit is the
// change pushed and the outbox woken.
import type { ApiMethod } from '../../shared/api';
import { ApiFailure } from '../../shared/api/result';
import { roleRefusal } from '../../shared/api/roles';
import type { Role } from '../../shared/domain';
import type { ChangeTracker } from '../engine/change-tracker';
import { Refusal } from '../engine/refusal';
import type { Store } from '../store/open-store';

export interface CommitPathDeps {
  store: Store;
  changes: ChangeTracker;
  /** This workstation's role (settings): the role table is checked against it. */
  role: Role;
  /** After a commit that may have queued commands: push what changed, wake the outbox pushers. */
  afterCommit(): void;
}

export type CommitPath = <T>(method: ApiMethod, work: () => T) => T;

export function createCommitPath({ store, changes, role, afterCommit }: CommitPathDeps): CommitPath {
  return <T>(method: ApiMethod, work: () => T): T => {
    const refused = roleRefusal(method, role);
    if (refused) throw new ApiFailure('forbidden', `${refused.field}: ${refused.reason}`);
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
