// What the disposition panel does, kept out of components: call the host, then show the decision
// as pending upstream until the core pushes the gateway's answer.
import type { DispositionArgs } from '../../shared/api/quarantine';
import { apiClient, type ApiClient } from '../api/client';
import { useQuarantineStore } from './quarantine-slice';
import { useSessionStore } from './session-slice';

export async function submitDisposition(lotId: string, args: DispositionArgs, client: ApiClient = apiClient): Promise<void> {
  await client.invoke('quarantine.disposition', args);
  const user = useSessionStore.getState().session?.user ?? 'you';
  useQuarantineStore.getState().decisionQueued(lotId, args, user);
}
