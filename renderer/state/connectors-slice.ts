// Connector health for the status bar and the offline banner.
import { create } from 'zustand';
import type { ConnectorStatus } from '../../shared/api/connectors';

export interface ConnectorsState {
  statuses: readonly ConnectorStatus[];
  loaded: boolean;
  statusesChanged(statuses: readonly ConnectorStatus[]): void;
}

export const useConnectorsStore = create<ConnectorsState>()((set) => ({
  statuses: [],
  loaded: false,
  statusesChanged: (statuses) => set({ statuses, loaded: true }),
}));

/** Decisions waiting in the outbox for any gateway's reply. */
export function totalQueueDepth(statuses: readonly ConnectorStatus[]): number {
  return statuses.reduce((sum, status) => sum + status.queueDepth, 0);
}

export function offlineConnectors(statuses: readonly ConnectorStatus[]): ConnectorStatus[] {
  return statuses.filter((status) => status.state === 'offline');
}
