// What the alerts strip does, kept out of components: acknowledge an alert through the host and show the
// acknowledged row at once; the core's push of the same row then changes nothing.
import { apiClient, type ApiClient } from '../api/client';
import { useAlertsStore, type AlertsStore } from './alerts-slice';

export async function acknowledgeAlert(alertId: string, client: Pick<ApiClient, 'invoke'> = apiClient, store: AlertsStore = useAlertsStore): Promise<void> {
  const acknowledged = await client.invoke('alerts.acknowledge', { alertId });
  store.getState().rowChanged(acknowledged);
}
