// The hosts' log: one JSON object a line (pino), rotated daily and at 20 MB by pino-roll in the data
// folder's logs/ (14 files kept), beside the readable line on stderr. A workflow's lines carry its
// correlation id, so Monitor's correlation id finds them.
import path from 'node:path';
import pino from 'pino';
import type { Logger } from '../orchestration-core/core-ports';
import { consoleLogger } from './console-logger';

export interface FileLogger extends Logger {
  /** Where the current file's lines go: `<folder>/plant-orchestrator.<date>.<n>.log`. */
  readonly folder: string;
  /** Writes what is buffered and ends the file's worker. */
  close(): Promise<void>;
}

export function createFileLogger(dataDir: string, echo: Logger = consoleLogger): FileLogger {
  const folder = path.join(dataDir, 'logs');
  const transport = pino.transport({
    target: 'pino-roll',
    options: { file: path.join(folder, 'plant-orchestrator'), extension: '.log', frequency: 'daily', dateFormat: 'yyyy-MM-dd', size: '20m', mkdir: true, limit: { count: 14 } },
  });
  const log = pino({ base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } }, transport);
  const entry = (level: 'info' | 'warn' | 'error') => (message: string, fields?: Record<string, unknown>) => {
    log[level](fields ?? {}, message);
    echo[level](message, fields);
  };
  let closed: Promise<void> | null = null;
  return {
    folder,
    info: entry('info'),
    warn: entry('warn'),
    error: entry('error'),
    close: () =>
      (closed ??= new Promise<void>((resolve) => {
        transport.once('close', () => resolve());
        log.flush(() => transport.end());
      })),
  };
}
