// What the approval panel does, kept out of components: send the supervisor's decision through the
// host, then show it as sent until the core pushes upstream's answer.
import type { DecideApprovalArgs } from '../../shared/api/approvals';
import { apiClient, type ApiClient } from '../api/client';
import { useApprovalsStore, type ApprovalsStore } from './approvals-slice';
import { useSessionStore } from './session-slice';

export async function decideApproval(args: DecideApprovalArgs, client: Pick<ApiClient, 'invoke'> = apiClient, store: ApprovalsStore = useApprovalsStore): Promise<void> {
  await client.invoke('approvals.decide', args);
  const user = useSessionStore.getState().session?.user ?? 'you';
  store.getState().decisionQueued(args.approvalId, args.decision, user, new Date().toISOString());
}
