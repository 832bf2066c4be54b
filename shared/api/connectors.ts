// Connector health as the status bar shows it.
import { z } from 'zod';

export const connectorStates = ['online', 'offline', 'catching-up'] as const;
export type ConnectorState = (typeof connectorStates)[number];

export interface ConnectorStatus {
  id: string;
  kind: 'erp' | 'plant';
  url: string;
  state: ConnectorState;
  /** Commands in the outbox still waiting for the gateway's reply. */
  queueDepth: number;
  /** ISO time of the last event applied or reply received; null before the first. */
  lastSyncAt: string | null;
  lastError: string | null;
}

export const connectorsArgSchemas = {
  'connectors.status': z.object({}),
} as const;

export interface ConnectorsApi {
  'connectors.status': (args: Record<string, never>) => ConnectorStatus[];
}
