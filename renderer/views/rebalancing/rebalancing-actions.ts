// Accepting and rejecting proposals through the API; the core pushes the new rows after the commit.
// A refusal (a proposal overtaken by a new balance) is kept in the slice for the view to show.
import { apiClient, type ApiClient } from '../../api/client';
import { withoutArgumentName } from '../../format/sentence';
import { useRebalancingStore } from '../../state/rebalancing-slice';

const settle = (error: unknown) => useRebalancingStore.getState().actionSettled(error === null ? null : withoutArgumentName(error instanceof Error ? error.message : String(error)));

export async function acceptProposals(proposalIds: string[], client: ApiClient = apiClient): Promise<boolean> {
  try {
    await client.invoke('rebalancing.accept', { proposalIds });
    settle(null);
    return true;
  } catch (error) {
    settle(error);
    return false;
  }
}

export async function rejectProposals(proposalIds: string[], reason: string, client: ApiClient = apiClient): Promise<boolean> {
  try {
    await client.invoke('rebalancing.reject', { proposalIds, reason });
    settle(null);
    return true;
  } catch (error) {
    settle(error);
    return false;
  }
}
