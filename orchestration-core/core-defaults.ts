// Defaults a host may replace: the wall clock and a logger writing JSON lines to stderr.
import type { Clock, Logger } from './core-ports';

export const systemClock: Clock = { now: () => new Date() };

export function createConsoleLogger(name = 'core'): Logger {
  const write = (level: string, message: string, fields?: Record<string, unknown>) =>
    console.error(JSON.stringify({ at: new Date().toISOString(), level, name, message, ...fields }));
  return {
    info: (message, fields) => write('info', message, fields),
    warn: (message, fields) => write('warn', message, fields),
    error: (message, fields) => write('error', message, fields),
  };
}
