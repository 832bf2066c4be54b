// What the Order Impact detail does, kept out of components: apply a response, or reroute one order a
// stopped line holds up, through the host. The core then pushes the exception, and the detail loader
// reloads the chosen response, any approval request and the rerouted orders from it.
import type { RerouteArgs, RespondArgs } from '../../shared/api/impact';
import { apiClient, type ApiClient } from '../api/client';
import { useImpactStore, type ImpactStore } from './impact-slice';

export async function applyResponse(args: RespondArgs, client: Pick<ApiClient, 'invoke'> = apiClient): Promise<string[]> {
  const { commandIds } = await client.invoke('impact.respond', args);
  return commandIds;
}

/**
 * Sends one held-up order to another line. The order shows the reroute as soon as the host took it;
 * a refusal (the line has no room any more, the order went elsewhere meanwhile) shows beside its row.
 */
export async function rerouteOrder(args: RerouteArgs, client: Pick<ApiClient, 'invoke'> = apiClient, store: ImpactStore = useImpactStore): Promise<void> {
  const { exceptionId, productionOrderId } = args;
  store.getState().rerouteSending(exceptionId, productionOrderId);
  try {
    const { commandId } = await client.invoke('impact.reroute', args);
    store.getState().orderRerouted(exceptionId, productionOrderId, { plant: args.toPlant, line: args.toLine, commandId, upstream: { state: 'pending' } });
  } catch (error) {
    store.getState().rerouteFailed(exceptionId, productionOrderId, error instanceof Error ? error.message : String(error));
  }
}
