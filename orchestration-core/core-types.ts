// The shape of the embedded core as its hosts see it: createCore(config) in host.ts returns a Core.
import type { Worker } from 'node:worker_threads';
import type { AppApi, AppEvents, AppEventTopic, Handlers } from '../shared/api';
import type { ConnectorSettings, Settings } from '../shared/settings';
import type { Clock, Logger, LogLineSource } from './core-ports';
import type { Policy } from './engine/workflow';
import type { Caller, SessionKeeper } from './services/session-service';

/** A gateway the host starts in-process when no connector is configured (the simulator, by default). */
export interface EmbeddedGateway {
  connectors: ConnectorSettings[];
  close(): Promise<void>;
}
export type StartEmbeddedGateway = () => Promise<EmbeddedGateway>;

export interface CoreConfig {
  /** The local SQLite cache; created when missing. */
  databasePath: string;
  /** The plant this workstation serves: the signed-in person acts in their role there. */
  plant?: string | null;
  /** Where the host keeps the last session token between launches; absent: memory only (sign in after a restart). */
  sessionKeeper?: SessionKeeper;
  /** How often the core looks whether the session ran out, besides its timer at the end (default 15 s). */
  sessionWatchMs?: number;
  /** Gateway connectors; empty or absent: start the embedded gateway (the simulator) on a free 127.0.0.1 port. */
  connectors?: ConnectorSettings[];
  /** Injected by the host so the core never imports the simulator (layer rule). */
  startEmbeddedGateway?: StartEmbeddedGateway;
  /** How long a command waits for its reply before it is re-sent (default 5 s). */
  replyTimeoutMs?: number;
  clientId?: string;
  /** Thresholds from settings; defaults otherwise. */
  policy?: Policy;
  /** The settings the host read, and from where: what changed since the last start goes into the audit trail. */
  settings?: { values: Settings; source: string };
  clock?: Clock;
  logger?: Logger;
  /** The host's log file, for Monitor's "log lines" of a workflow; none when the host writes none. */
  logLines?: LogLineSource;
  /**
   * Starts the rebalancing worker: the bundled one in Electron, the TypeScript source under tsx in the
   * web host and tests. Absent: no rebalancing proposals are computed (the view says so).
   */
  startRebalanceWorker?: () => Worker;
}

export interface Core {
  /** The whole API contract; a host registers it in one place. */
  readonly handlers: Handlers<AppApi>;
  subscribe<T extends AppEventTopic>(topic: T, listener: (payload: AppEvents[T]) => void): () => void;
  /** This workstation's id at the gateway (made once, kept in its store): `audit verify` and the gateway's audit heads name it. */
  readonly clientId: string;
  /** The connectors in use (the embedded simulator's when none were configured). */
  readonly connectorSettings: readonly ConnectorSettings[];
  /** Who is signed in now (null: nobody): what the hosts' dispatcher checks every call against. */
  caller(): Caller | null;
  /** Takes up the token the session keeper kept, if the gateway's stored key verifies it (createCore does, at start). */
  restoreSession(): Promise<void>;
  close(): Promise<void>;
}
