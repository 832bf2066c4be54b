// What the responses panel does, kept out of components: apply a response through the host. The core
// then pushes the exception's new status, and the detail loader reloads the chosen response and any
// approval request from it.
import type { RespondArgs } from '../../shared/api/impact';
import { apiClient, type ApiClient } from '../api/client';

export async function applyResponse(args: RespondArgs, client: Pick<ApiClient, 'invoke'> = apiClient): Promise<string[]> {
  const { commandIds } = await client.invoke('impact.respond', args);
  return commandIds;
}
