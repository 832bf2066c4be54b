// `npm run cli -- audit verify --db FILE [--head HASH]`: whether a workstation's audit trail is intact,
// and if not, the first entry where it was edited, deleted or reordered, or that its tail is cut off.
import { existsSync } from 'node:fs';
import { verifyAuditFile } from '../orchestration-core/store/audit-verify';
import { CliUsageError, parseFlags } from './cli-args';

/** A finding, not a mistake of the caller's: printed on stdout, exit code 1. */
export class CliFindingError extends Error {}

export function auditCommand(argv: readonly string[]): string {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new CliUsageError(`${sub ?? ''}: audit knows one command, verify`);
  const flags = parseFlags(rest, ['db', 'head'], ['db']);
  const databasePath = flags.db!;
  if (!existsSync(databasePath)) throw new CliUsageError(`--db: there is no file ${databasePath}`);
  if (flags.head !== undefined && !/^[0-9a-f]{64}$/.test(flags.head)) throw new CliUsageError(`--head: "${flags.head}" is not a chain head (64 hex digits)`);
  let verdict;
  try {
    verdict = verifyAuditFile(databasePath, flags.head === undefined ? undefined : { hash: flags.head, heardBy: '--head' });
  } catch (error) {
    throw new CliUsageError(`--db: ${databasePath} is not a workstation's store (${error instanceof Error ? error.message : String(error)})`);
  }
  const text = JSON.stringify({ intact: verdict.broken === null, entries: verdict.entries, head: verdict.head, ...(verdict.broken ? { broken: verdict.broken } : {}) }, null, 2);
  if (verdict.broken) throw new CliFindingError(text);
  return text;
}
