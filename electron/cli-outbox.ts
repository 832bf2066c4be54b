// `npm run cli -- outbox export --db FILE`: the decisions a workstation's cache holds that the gateway
// never answered (a cache moved aside, a workstation retired), as JSON, read without writing to the
// file: each command exactly as it was queued, its id the one the gateway dedupes by, so sending them
// again applies each at most once.
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { CliUsageError, parseFlags } from './cli-args';

interface PendingRow {
  envelope: string;
  connector: string;
  attempts: number;
  created_at: string;
}

export function outboxCommand(argv: readonly string[]): string {
  const [sub, ...rest] = argv;
  if (sub !== 'export') throw new CliUsageError(`${sub ?? ''}: outbox knows one command, export`);
  const flags = parseFlags(rest, ['db'], ['db']);
  const path = flags.db!;
  if (!existsSync(path)) throw new CliUsageError(`--db: there is no file ${path}`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new CliUsageError(`--db: ${path} cannot be opened: ${(error as Error).message}`);
  }
  try {
    let rows: PendingRow[];
    try {
      rows = db.prepare<[], PendingRow>("SELECT envelope, connector, attempts, created_at FROM outbox WHERE status = 'pending' ORDER BY seq").all();
    } catch (error) {
      throw new CliUsageError(`--db: ${path} holds no readable outbox: ${(error as Error).message}`);
    }
    const commands = rows.map((row) => ({ connector: row.connector, queuedAt: row.created_at, attempts: row.attempts, command: JSON.parse(row.envelope) as unknown }));
    return JSON.stringify({ file: path, unsent: commands.length, commands }, null, 2);
  } finally {
    db.close();
  }
}
