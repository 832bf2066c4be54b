// The hosts' logger: one line per entry on stderr, so stdout stays free for what a launcher parses
// (the web host prints exactly one line with its URL there).
import type { Logger } from '../orchestration-core/core-ports';

function write(level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>): void {
  const suffix = fields && Object.keys(fields).length > 0 ? ` ${JSON.stringify(fields)}` : '';
  process.stderr.write(`${new Date().toISOString()} ${level.toUpperCase()} ${message}${suffix}\n`);
}

export const consoleLogger: Logger = {
  info: (message, fields) => write('info', message, fields),
  warn: (message, fields) => write('warn', message, fields),
  error: (message, fields) => write('error', message, fields),
};

/** For tests and embedders that want silence. */
export const silentLogger: Logger = { info: () => {}, warn: () => {}, error: () => {} };
