// `npm run cli -- audit verify --db FILE [--head HASH | --gateway URL [--client-id ID]]`: whether a
// workstation's audit trail is intact, and if not, the first entry where it was edited, deleted or
// reordered, or that its tail is cut off (against the head the gateway last heard from it).
import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { io } from 'socket.io-client';
import { auditHeadMessages } from '../shared/auth/audit-head';
import type { AuditHead } from '../shared/auth/audit-head';
import { verifyAuditFile, type KnownHead } from '../orchestration-core/store/audit-verify';
import { erpNamespaceOf } from '../orchestration-core/connectors/gateway-address';
import { CliUsageError, parseFlags } from './cli-args';

/** A finding, not a mistake of the caller's: printed on stdout, exit code 1. */
export class CliFindingError extends Error {}

/**
 * The gateway's ERP namespace from what was given: the base URL PLANT_ORCHESTRATOR_GATEWAY takes
 * (http://127.0.0.1:4100) gets /erp; a URL with a path is taken as the namespace it names.
 */
export function erpNamespaceUrl(given: string): string {
  const address = erpNamespaceOf(given);
  if (address.ok) return address.url;
  throw new CliUsageError(`--gateway: "${given}" is not ${address.problem === 'not-a-url' ? 'a URL' : 'an http(s) URL'}; give the gateway's address, e.g. http://127.0.0.1:4100`);
}

interface GatewayKnownHead extends KnownHead {
  /** How many entries the workstation's chain had when it sent that head. */
  entries: number;
}

/** The head the gateway last heard from the workstation `clientId`, asked over its ERP connection. */
async function gatewayHead(given: string, clientId: string, token: string): Promise<GatewayKnownHead> {
  const url = erpNamespaceUrl(given);
  const socket = io(url, { auth: { token, clientId: `audit-cli-${process.pid}` }, transports: ['websocket'], reconnection: false, timeout: 5000 });
  try {
    await new Promise<void>((resolve, reject) => {
      socket.once('connect', resolve);
      socket.once('connect_error', (error) => reject(new CliUsageError(`--gateway: cannot reach ${url}: ${error.message}`)));
    });
    let answer: { ok: true; head: AuditHead | null } | { ok: false; reason: string };
    try {
      answer = (await socket.timeout(5000).emitWithAck(auditHeadMessages.latest, { clientId })) as typeof answer;
    } catch {
      throw new CliUsageError(`--gateway: ${url} did not answer for the audit head within 5 s; is it the gateway's ERP namespace?`);
    }
    if (!answer.ok) throw new CliUsageError(`--client-id: ${answer.reason}`);
    if (!answer.head) throw new CliUsageError(`--client-id: the gateway at ${url} has heard no audit head from ${clientId}`);
    return { hash: answer.head.head, heardBy: `the gateway (from ${clientId}, ${answer.head.at}, ${answer.head.entries} entries)`, entries: answer.head.entries };
  } finally {
    socket.close();
  }
}

/** The client id the workstation whose file this is goes by at the gateway (kept in its store since sign-in came). */
function clientIdIn(databasePath: string): string | undefined {
  try {
    const db = new Database(databasePath, { readonly: true, fileMustExist: true });
    try {
      return db.prepare<[], string>("SELECT value FROM workstation WHERE key = 'clientId'").pluck().get();
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

export async function auditCommand(argv: readonly string[]): Promise<string> {
  const [sub, ...rest] = argv;
  if (sub !== 'verify') throw new CliUsageError(`${sub ?? ''}: audit knows one command, verify`);
  const flags = parseFlags(rest, ['db', 'head', 'gateway', 'client-id', 'token'], ['db']);
  const databasePath = flags.db!;
  if (!existsSync(databasePath)) throw new CliUsageError(`--db: there is no file ${databasePath}`);
  if (flags.head !== undefined && !/^[0-9a-f]{64}$/.test(flags.head)) throw new CliUsageError(`--head: "${flags.head}" is not a chain head (64 hex digits)`);
  if (flags.head !== undefined && flags.gateway !== undefined) throw new CliUsageError('--head: give --head or --gateway, not both');
  if (flags.gateway === undefined && flags['client-id'] !== undefined) throw new CliUsageError('--client-id: needs --gateway');
  const clientId = flags.gateway === undefined ? undefined : (flags['client-id'] ?? clientIdIn(databasePath));
  if (flags.gateway !== undefined && clientId === undefined) throw new CliUsageError(`--client-id: ${databasePath} does not say which workstation it is; name its client id`);
  const known: GatewayKnownHead | KnownHead | undefined =
    flags.gateway !== undefined
      ? await gatewayHead(flags.gateway, clientId!, flags.token ?? process.env.PLANT_GATEWAY_TOKEN ?? 'dev-token')
      : flags.head === undefined
        ? undefined
        : { hash: flags.head, heardBy: '--head' };
  let verdict;
  try {
    verdict = verifyAuditFile(databasePath, known);
  } catch (error) {
    throw new CliUsageError(`--db: ${databasePath} is not a workstation's store (${error instanceof Error ? error.message : String(error)})`);
  }
  // What the head the gateway knows covers: entries made since it was sent cannot be checked against it.
  const against = known === undefined ? {} : { checkedAgainst: known.heardBy, ...('entries' in known ? { coveredByGateway: Math.min(known.entries, verdict.entries), newerThanGatewayHead: Math.max(0, verdict.entries - known.entries) } : {}) };
  const text = JSON.stringify({ intact: verdict.broken === null, entries: verdict.entries, head: verdict.head, ...against, ...(verdict.broken ? { broken: verdict.broken } : {}) }, null, 2);
  if (verdict.broken) throw new CliFindingError(text);
  return text;
}
