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

/** A gateway tested before the app switches to it: each failure a sentence naming the field to fix. */
export interface ConnectionTestResult {
  /** Reachable, the token taken, the protocol this app's, the plant served: the app can switch to it. */
  ok: boolean;
  reachable: boolean;
  tokenAccepted: boolean;
  protocolVersion?: number;
  /** The gateway's epoch: the app keeps one cache per gateway epoch. */
  epoch?: string;
  plants?: string[];
  /** The gateway's clock minus this workstation's, in ms (positive: this one is behind). */
  clockSkewMs?: number;
  problems: string[];
  warnings: string[];
}

/** Where this app is and what it runs on, for the banners above every screen (and Help > About). */
export interface AppAbout {
  /** True when no gateway is configured and the app runs on its embedded simulator: a demonstration plant. */
  embeddedSimulator: boolean;
  /** The folder of the app's SQLite cache (and its logs). */
  dataFolder: string;
  /** What happened at start that the user must know of (a cache moved aside, with its unsent decisions). */
  notices: string[];
}

export const connectorsArgSchemas = {
  'connectors.status': z.object({}),
  'connectors.about': z.object({}),
  'connectors.test': z.object({ url: z.string().trim().min(1, 'give the gateway\'s address').max(500), token: z.string().min(1, 'give the workstation token').max(500), plant: z.string().trim().min(1).max(80).optional() }),
} as const;

export interface ConnectorsApi {
  'connectors.status': (args: Record<string, never>) => ConnectorStatus[];
  'connectors.about': (args: Record<string, never>) => AppAbout;
  /** Tests a gateway (reachable, token, protocol version, plant, clock skew) without touching the app's connections. */
  'connectors.test': (args: { url: string; token: string; plant?: string }) => Promise<ConnectionTestResult>;
}
