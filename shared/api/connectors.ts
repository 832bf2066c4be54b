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
  /** Each stream's cursor beside the gateway's head, as far as this workstation has heard of it. */
  streams: StreamLag[];
  /** Connections made again after the first since the app started. */
  reconnects: number;
}

export interface StreamLag {
  stream: string;
  /** The last seq applied here. */
  cursor: number;
  /** The gateway's head as last heard; null before the gateway said. */
  head: number | null;
  /** Events the gateway has that are not applied here yet. */
  events: number;
  /** Seconds since this workstation has known of an event it has not applied; 0 when caught up. */
  seconds: number;
}

export const connectorsArgSchemas = {
  'connectors.status': z.object({}),
} as const;

export interface ConnectorsApi {
  'connectors.status': (args: Record<string, never>) => ConnectorStatus[];
}
