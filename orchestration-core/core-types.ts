// The shape of the embedded core as its hosts see it: createCore(config) in host.ts returns a Core.
import type { Worker } from 'node:worker_threads';
import type { AppApi, AppEvents, AppEventTopic, Handlers } from '../shared/api';
import type { Role } from '../shared/domain';
import type { ConnectorSettings } from '../shared/settings';
import type { Clock, Logger } from './core-ports';
import type { Policy } from './engine/workflow';

/** A gateway the host starts in-process when no connector is configured (the simulator, by default). */
export interface EmbeddedGateway {
  connectors: ConnectorSettings[];
  close(): Promise<void>;
}
export type StartEmbeddedGateway = () => Promise<EmbeddedGateway>;

export interface CoreConfig {
  /** The local SQLite cache; created when missing. */
  databasePath: string;
  user: string;
  role: Role;
  plant?: string | null;
  /** Gateway connectors; empty or absent: start the embedded gateway (the simulator) on a free 127.0.0.1 port. */
  connectors?: ConnectorSettings[];
  /** Injected by the host so the core never imports the simulator (layer rule). */
  startEmbeddedGateway?: StartEmbeddedGateway;
  /** How long a command waits for its reply before it is re-sent (default 5 s). */
  replyTimeoutMs?: number;
  clientId?: string;
  /** Thresholds from settings; defaults otherwise. */
  policy?: Policy;
  clock?: Clock;
  logger?: Logger;
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
  /** The connectors in use (the embedded simulator's when none were configured). */
  readonly connectorSettings: readonly ConnectorSettings[];
  /** The role the person at this workstation acts in: what the hosts' dispatcher checks every call against. */
  callerRole(): Role;
  close(): Promise<void>;
}
