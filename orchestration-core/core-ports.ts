// What the host hands every part of the core: the clock (tests pass a fixed one) and the logger.

export interface Clock {
  now(): Date;
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** One line of the host's log file, as Monitor shows it beside a workflow. */
export interface LogLine {
  at: string;
  level: string;
  message: string;
  /** The line's other fields (connector, instanceId, error, …). */
  fields: Record<string, unknown>;
}

/** The host's log file, searched for a workflow's lines (the host that writes one hands it over). */
export interface LogLineSource {
  /** Where the files are, for support to open. */
  readonly folder: string;
  /** The newest `limit` lines carrying this correlation id or instance id, oldest first; how much was read. */
  find(match: { correlationId: string; instanceId?: string }, limit: number): Promise<{ lines: LogLine[]; files: number; bytes: number }>;
}
