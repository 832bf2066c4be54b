// Monitor's write path: a dead letter replayed once its cause is fixed (through the ingest of the
// connector it came on, in one transaction with its resolution and audit entry) or discarded with a
// reason, and an incident's step run again. Each is in the audit trail under the flow's correlation id.
import type { Handlers } from '../../shared/api';
import type { MonitorApi, ReplayResult } from '../../shared/api/monitor';
import { ApiFailure } from '../../shared/api/result';
import { settleReplay } from '../connectors/dead-letter-replay';
import type { EventIngest } from '../connectors/event-ingest';
import type { Clock, LogLineSource } from '../core-ports';
import { queueCommand, type CommandQueueDeps } from '../engine/queue-command';
import { unitCodesOf } from '../../shared/units';
import type { Engine } from '../engine/engine';
import type { DeadLetter } from '../store/dead-letters';
import type { Repos } from '../store/repos';
import type { MonitorQueries } from '../store/monitor-queries';
import type { CommitPath } from './commit-path';

const defaultLimit = 200;

export interface MonitorHandlerDeps {
  repos: Repos;
  engine: Engine;
  commit: CommitPath;
  clock: Clock;
  /** The ingest of each connector, by its id: a dead letter is replayed on the one it came on. */
  ingestOf(connectorId: string): EventIngest | undefined;
  queries: MonitorQueries;
  /** How a command is queued: a unit mapping goes to the gateway like any decision. */
  commands: CommandQueueDeps;
  /** The host's log file; none when it writes none. */
  logLines?: LogLineSource;
}

/** Master data's units: what a plant's code may stand for. */
const masterUnits = (repos: Repos): string[] => unitCodesOf(repos.master.units());


export function createMonitorHandlers(deps: MonitorHandlerDeps) {
  const { repos, commit, queries } = deps;

  function openLetter(id: number): DeadLetter {
    const letter = repos.deadLetters.get(id);
    if (!letter) throw new ApiFailure('not-found', `id: no dead letter ${id}`);
    if (letter.resolution) throw new ApiFailure('conflict', `id: dead letter ${id} was ${letter.resolution} by ${letter.resolvedBy} at ${letter.resolvedAt}`);
    return letter;
  }

  return {
    'monitor.deadLetters': ({ open, limit }) => queries.deadLetters(open === true, limit ?? defaultLimit),
    'monitor.instances': ({ show, limit }) => queries.instances(show, limit ?? defaultLimit),
    'monitor.logLines': async ({ correlationId, instanceId, limit }) => {
      if (!deps.logLines) return { lines: [], folder: null, searched: { files: 0, bytes: 0 } };
      const found = await deps.logLines.find({ correlationId, ...(instanceId ? { instanceId } : {}) }, limit ?? defaultLimit);
      return { lines: found.lines, folder: deps.logLines.folder, searched: { files: found.files, bytes: found.bytes } };
    },
    'monitor.instance': ({ id }) => {
      const found = queries.instance(id);
      if (!found) throw new ApiFailure('not-found', `id: no workflow instance ${id}`);
      return found;
    },
    'monitor.outbox': ({ limit }) => queries.pendingCommands(limit ?? defaultLimit),
    'monitor.replayDeadLetters': (args, context) =>
      commit('monitor.replayDeadLetters', () => {
        const letters = 'id' in args ? [openLetter(args.id)] : repos.deadLetters.openWithReason(args.reason);
        if (letters.length === 0) throw new ApiFailure('not-found', `reason: no open dead letter has the reason "${'reason' in args ? args.reason : ''}"`);
        const result: ReplayResult = { replayed: 0, failed: [] };
        const at = deps.clock.now().toISOString();
        for (const letter of letters) {
          const ingest = deps.ingestOf(letter.connector);
          if (!ingest) {
            result.failed.push({ id: letter.id, reason: `connector: ${letter.connector} is not configured on this workstation` });
            continue;
          }
          if (letter.stream === null) {
            result.failed.push({ id: letter.id, reason: 'stream: a reply or snapshot part is not replayed; the gateway sends it again when the connector syncs' });
            continue;
          }
          const failed = settleReplay(repos, letter, ingest.replay(letter, at), context.user, at);
          if (failed !== null) {
            result.failed.push({ id: letter.id, reason: failed });
            continue;
          }
          result.replayed++;
        }
        return result;
      }),
    'monitor.discardDeadLetter': ({ id, reason }, context) =>
      commit('monitor.discardDeadLetter', () => {
        const letter = openLetter(id);
        const at = deps.clock.now().toISOString();
        repos.deadLetters.resolve(id, 'discarded', context.user, at, reason);
        repos.audit.append({ at, actor: context.user, action: 'dead letter discarded', subject: `DL-${id}`, detail: { connector: letter.connector, eventId: letter.eventId, why: reason, reason: letter.reason }, ...(letter.eventId ? { correlationId: letter.eventId } : {}) });
        return { discarded: true as const };
      }),
    'monitor.unitMappings': () => ({ mappings: repos.unitMappings.all(), units: masterUnits(repos) }),
    'monitor.mapUnit': ({ plant, code, unit }, context) =>
      commit('monitor.mapUnit', () => {
        const units = masterUnits(repos);
        if (!units.includes(unit)) throw new ApiFailure('invalid-args', `unit: ${unit} is not a unit of measure in master data (${units.join(', ')})`);
        if (units.includes(code)) throw new ApiFailure('invalid-args', `code: ${code} is a unit of master data itself; map a plant's own code`);
        if (repos.unitMappings.unitFor(plant, code) === unit) throw new ApiFailure('conflict', `code: ${code} at ${plant} is mapped to ${unit} already`);
        const command = queueCommand(deps.commands, 'plant.mapUnit', { plant, code, unit }, { issuedBy: context.user, about: `${plant} ${code}` }, deps.clock.now().toISOString());
        return { commandId: command.commandId };
      }),
    'monitor.retryIncident': ({ instanceId }, context) =>
      commit('monitor.retryIncident', () => {
        const instance = repos.instances.get(instanceId);
        if (!instance) throw new ApiFailure('not-found', `instanceId: no workflow instance ${instanceId}`);
        deps.engine.retryIncident(instanceId, context.user);
        repos.audit.append({ at: deps.clock.now().toISOString(), actor: context.user, action: 'incident retried', subject: instanceId, detail: { workflow: instance.workflow, version: instance.version }, correlationId: instance.correlationKey });
        return { retried: true as const };
      }),
  } satisfies Handlers<MonitorApi>;
}
