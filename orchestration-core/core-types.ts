// The shape of the embedded core as its hosts see it: createCore(config) in host.ts returns a Core.
import type { AppApi, AppEvents, AppEventTopic, Handlers } from '../shared/api';
import type { Role } from '../shared/domain';
import type { ConnectorSettings } from '../shared/settings';

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

export interface EmbeddedSimulatorOptions {
  /** Seed of the simulator's dataset and scenario. */
  seed?: number;
  /** Milliseconds between scripted inspection failures; 0 or absent: none are scripted. */
  inspectionFailureEveryMs?: number;
  /** SQLite file for the simulator's own state; defaults to beside the core's database. */
  databasePath?: string;
}

export interface CoreConfig {
  /** The local SQLite cache; created when missing. */
  databasePath: string;
  user: string;
  role: Role;
  plant?: string | null;
  /** Gateway connectors; empty or absent: start the embedded simulator on a free 127.0.0.1 port. */
  connectors?: ConnectorSettings[];
  embeddedSimulator?: EmbeddedSimulatorOptions;
  clientId?: string;
  clock?: Clock;
  logger?: Logger;
}

export interface Core {
  /** The whole API contract; a host registers it in one place. */
  readonly handlers: Handlers<AppApi>;
  subscribe<T extends AppEventTopic>(topic: T, listener: (payload: AppEvents[T]) => void): () => void;
  /** The connectors in use (the embedded simulator's when none were configured). */
  readonly connectorSettings: readonly ConnectorSettings[];
  close(): Promise<void>;
}
