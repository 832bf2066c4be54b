// Applies what a connector receives: validates each event, applies it in seq order per stream, once
// by event id, and advances the stream's cursor in the same transaction as the state change.
// Invalid messages go to the dead-letter table; nothing here throws past the connector.
import { parseEvent, type CanonicalEvent } from '../../shared/events';
import { snapshotSchema } from '../../shared/sync-protocol';
import { describeZodError } from '../../shared/describe-error';
import type { Clock, Logger } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Engine } from '../engine/engine';
import type { PlanAnalysis } from '../engine/workflow';
import { unitCodesOf, type UnitOfMeasure } from '../../shared/units';
import type { UnitMapping } from '../store/unit-mappings-repo';
import { plantOfDeadLetter, unknownUnitWords } from '../../shared/unknown-unit';
import type { StockUnits } from './b2mml/stock-units';
import { settleReplay, type ReplayOutcome } from './dead-letter-replay';
import { readIncomingMessage } from './incoming-message';
import { decidedApprovalAsEvent, openApprovalAsEvent } from '../model/open-approval';
import { decidedInspectionAsEvent, openInspectionAsEvent } from '../model/open-inspection';
import { exceptionAnswerAsEvent, usageDecisionAsEvent } from '../model/snapshot-events';
import { projectEscalation } from '../projections/escalation-projection';
import { projectEvent } from '../projections/lot-projection';
import type { LineStopRecords } from '../projections/line-stop-records';
import { projectPlanningEvent } from '../projections/planning-projection';
import type { Store } from '../store/open-store';
import type { PlanningDataset } from '../store/planning-repo';
import type { Repos } from '../store/repos';
import type { DeadLetter } from '../store/dead-letters';

export interface IngestResult {
  applied: number;
  deadLettered: number;
  /** Already applied (seq at or below the cursor, or an event id seen before). */
  skipped: number;
  /** Streams where a seq was missing: ask the gateway to replay after `afterSeq`. */
  gaps: { stream: string; afterSeq: number }[];
}

export interface EventIngestDeps {
  connectorId: string;
  store: Store;
  repos: Repos;
  engine: Engine;
  changes: ChangeTracker;
  clock: Clock;
  logger: Logger;
  /** The running plan: a change heard from the stream projects the exceptions it touches again. */
  plan?: () => PlanAnalysis | null;
  /** What the events write on line stops (the line-stop feature's record). */
  lineStops: LineStopRecords;
}

export function createEventIngest(deps: EventIngestDeps) {
  const { connectorId, store, repos, engine, changes, clock, logger } = deps;
  let cursors = repos.inbox.cursors();

  function deadLetter(raw: unknown, reason: string, at: string, where: { stream?: string; seq?: number; eventId?: string } = {}): void {
    repos.deadLetters.record({ connector: connectorId, stream: where.stream ?? null, seq: where.seq ?? null, eventId: where.eventId ?? null, reason, raw, receivedAt: at });
    logger.warn('dead-lettered a message', { connector: connectorId, reason, ...where });
  }

  // A plant's quantities are in master data's units, or in a code an operator mapped to one.
  // Worked out again only when master data's units change (the repo keeps one list until then).
  let unitCodes: { of: readonly UnitOfMeasure[]; codes: string[] } | null = null;
  const stockUnits: StockUnits = {
    known: () => {
      const units = repos.master.units();
      if (unitCodes?.of !== units) unitCodes = { of: units, codes: unitCodesOf(units) };
      return unitCodes.codes;
    },
    unitOf: (plant, code) => (stockUnits.known().includes(code) ? code : plant === undefined ? undefined : repos.unitMappings.unitFor(plant, code)),
  };
  const read = (raw: unknown) => readIncomingMessage(raw, stockUnits);

  /**
   * A unit mapping heard: kept, and every open dead letter of this connector that the code sent
   * there is replayed now, in the same order on every workstation (the mapping's place in the stream).
   */
  function unitMapped(mapping: UnitMapping, heardIn: string, at: string, replayLetters: boolean): void {
    if (repos.unitMappings.unitFor(mapping.plant, mapping.code) === mapping.unit) return;
    repos.unitMappings.put(mapping);
    // Filed under the plant and code, as the command that asked for it: one flow in the audit trail.
    const correlationId = `${mapping.plant} ${mapping.code}`;
    repos.audit.append({ at, actor: mapping.mappedBy, action: 'unit mapped', subject: correlationId, detail: { plant: mapping.plant, code: mapping.code, unit: mapping.unit, heardIn }, correlationId });
    const words = unknownUnitWords(mapping.code);
    const why = `${mapping.code} mapped to ${mapping.unit} at ${mapping.plant} by ${mapping.mappedBy}`;
    // Another plant's letters on this connector are not this mapping's to fix.
    const ofPlant = (letter: DeadLetter) => plantOfDeadLetter(letter) === mapping.plant;
    for (const letter of replayLetters ? repos.deadLetters.openOfConnector(connectorId) : []) {
      if (letter.reason.includes(words) && ofPlant(letter)) settleReplay(repos, letter, replay(letter, at), mapping.mappedBy, at, why);
    }
    logger.info('unit mapped', { connector: connectorId, plant: mapping.plant, code: mapping.code, unit: mapping.unit, correlationId });
  }

  /** The canonical events of one message: one, or several from a plant's B2MML message. */
  function applyOne(events: readonly CanonicalEvent[], at: string): void {
    for (const event of events) {
      if (event.type === 'plant.unitMapped') unitMapped(event.payload, event.correlationId, at, true);
      if (event.type === 'escalation.raised') projectEscalation(event.payload, repos, changes, at);
      projectEvent(event, repos, changes, at);
      projectPlanningEvent(event, repos, changes, deps.lineStops, deps.plan?.() ?? null);
      engine.onEvent(event);
    }
  }
  /** Inside the batch's transaction this is a savepoint; made once, it costs little per event. */
  const applyInSavepoint = store.savepointed(applyOne);

  /**
   * A dead letter taken in again once its cause is fixed (a mapping setting, a master record), inside
   * the caller's transaction: read as it arrived, applied in a savepoint, its inbox row marked applied.
   * One the gateway sent again since and that was applied is not applied twice. Failing again, it says
   * why now.
   */
  function replay(letter: DeadLetter, at: string): ReplayOutcome {
    let raw: unknown;
    try {
      raw = JSON.parse(letter.raw);
    } catch {
      return { replayed: false, reason: 'raw: the kept message is not JSON' };
    }
    const parsed = read(raw);
    if (!parsed.ok) return { replayed: false, reason: parsed.reason, ...(parsed.envelope ? { correlationId: parsed.envelope.correlationId } : {}) };
    const { id, stream, seq, type } = parsed.envelope;
    // A plant's B2MML message is one envelope; the flow is the one its events start (the order, the lot).
    const correlationId = parsed.events[0]?.correlationId ?? parsed.envelope.correlationId;
    if (repos.inbox.outcome(id) === 'applied') return { replayed: true, alreadyApplied: true, correlationId };
    try {
      applyInSavepoint(parsed.events, at);
    } catch (error) {
      changes.partRolledBack();
      return { replayed: false, reason: `could not apply: ${(error as Error).message}`, correlationId };
    }
    if (repos.inbox.outcome(id) === undefined) repos.inbox.record({ eventId: id, stream, seq, type, outcome: 'applied', at });
    else repos.inbox.setOutcome(id, 'applied');
    logger.info('replayed a dead letter', { connector: connectorId, deadLetter: letter.id, eventId: id, correlationId });
    return { replayed: true, alreadyApplied: false, correlationId };
  }

  /** An event threw while applying a batch without savepoints: the batch is redone with them. */
  class EventFailed extends Error {}

  function applyBatch(batch: readonly unknown[]): IngestResult {
    try {
      return applyBatchOnce(batch, false);
    } catch (error) {
      if (!(error instanceof EventFailed)) throw error;
      return applyBatchOnce(batch, true);
    }
  }

  /**
   * One transaction for the batch. Fast: no savepoint per event, and the first event that throws
   * rolls the batch back (to be redone careful). Careful: a savepoint per event, so one event that
   * cannot be applied is dead-lettered and the rest of the batch goes on.
   */
  function applyBatchOnce(batch: readonly unknown[], careful: boolean): IngestResult {
    const result: IngestResult = { applied: 0, deadLettered: 0, skipped: 0, gaps: [] };
    const working = new Map(cursors);
    const blocked = new Set<string>();
    const advanced = new Set<string>();
    try {
      // Durable: workflows started here queue commands, and a command may leave before a later sync.
      store.durableTransaction(() => {
        const at = clock.now().toISOString();
        for (const raw of batch) {
          const parsed = read(raw);
          const envelope = parsed.envelope;
          if (!envelope) {
            deadLetter(raw, parsed.ok ? 'unreadable' : parsed.reason, at);
            result.deadLettered++;
            continue;
          }
          const { stream, seq, id } = envelope;
          if (blocked.has(stream)) continue;
          const cursor = working.get(stream) ?? 0;
          if (seq <= cursor) {
            result.skipped++;
            continue;
          }
          if (seq > cursor + 1) {
            blocked.add(stream);
            result.gaps.push({ stream, afterSeq: cursor });
            continue;
          }
          working.set(stream, seq);
          advanced.add(stream);
          if (!repos.inbox.claim({ eventId: id, stream, seq, type: envelope.type, outcome: parsed.ok ? 'applied' : 'dead-lettered', at })) {
            result.skipped++;
            continue;
          }
          if (!parsed.ok) {
            deadLetter(raw, parsed.reason, at, { stream, seq, eventId: id });
            result.deadLettered++;
            continue;
          }
          if (!careful) {
            try {
              applyOne(parsed.events, at);
            } catch (error) {
              throw new EventFailed((error as Error).message);
            }
            result.applied++;
            continue;
          }
          try {
            applyInSavepoint(parsed.events, at);
            result.applied++;
          } catch (error) {
            changes.partRolledBack();
            deadLetter(raw, `could not apply: ${(error as Error).message}`, at, { stream, seq, eventId: id });
            repos.inbox.setOutcome(id, 'dead-lettered');
            result.deadLettered++;
          }
        }
        // Cursors move once per stream per batch, in the batch's transaction.
        for (const stream of advanced) repos.inbox.advanceCursor(stream, working.get(stream)!, at);
      });
      cursors = working;
    } catch (error) {
      changes.discard();
      if (!(error instanceof EventFailed)) logger.error('event batch rolled back', { connector: connectorId, error: (error as Error).message });
      throw error;
    }
    return result;
  }

  /**
   * Disruptions a snapshot carries that this workstation never heard: each is weighed as if it had just
   * arrived, under the exception id every other workstation gave it, and claimed in the inbox so it is
   * weighed once. The snapshot's planning data is newer than the events, so an ASN's date does not move
   * the PO line back (an expedite since stands); a restart still notes itself on its line stop.
   */
  function applyMissedDisruptions(disruptions: readonly unknown[], at: string): void {
    for (const raw of disruptions) {
      const parsed = parseEvent(raw);
      if (!parsed.ok) {
        deadLetter(raw, `snapshot disruption: ${parsed.reason}`, at);
        continue;
      }
      const { event } = parsed;
      if (!repos.inbox.claim({ eventId: event.id, stream: event.stream, seq: event.seq, type: event.type, outcome: 'applied', at })) continue;
      if (event.type === 'line.restarted') projectPlanningEvent(event, repos, changes, deps.lineStops, deps.plan?.() ?? null);
      engine.onEvent(event);
    }
  }

  /**
   * A snapshot replaces what the cache knows of master data and lots, and sets the cursors to its
   * positions, lower ones included: a gateway whose log restarted (a new epoch) numbers from 1 again,
   * so what the inbox holds past the new position belongs to the old log.
   */
  function applySnapshot(raw: unknown, planning?: PlanningDataset): { ok: true } | { ok: false; reason: string } {
    const parsed = snapshotSchema.safeParse(raw);
    const at = clock.now().toISOString();
    if (!parsed.success) {
      const reason = `snapshot: ${describeZodError(parsed.error)}`;
      store.transaction(() => deadLetter(raw, reason, at));
      return { ok: false, reason };
    }
    const working = new Map(cursors);
    store.durableTransaction(() => {
      repos.lots.applySnapshotMaster(parsed.data, at);
      repos.master.apply(parsed.data);
      changes.masterChanged();
      if (planning) {
        repos.master.apply(planning);
        repos.planning.replaceDataset(planning, at);
        // Now, inside the transaction: the failures below are weighed against this plan, not the last one.
        changes.planningReplacedNow();
      }
      // Failed inspections still waiting for a decision start their workflows as if the failure had just
      // arrived; each workflow knows whether it holds that inspection lot already.
      for (const open of parsed.data.openInspections) {
        const lot = repos.lots.get(open.lotId);
        if (lot) engine.onEvent(openInspectionAsEvent(open, lot));
      }
      // Usage decisions this workstation has not heard of close its tasks on those lots, as their events would have.
      for (const made of parsed.data.usageDecisions) {
        if (repos.usageDecisions.forInspectionLot(made.inspectionLotId)?.commandId === made.commandId) continue;
        // A failure this workstation never heard of: held first, as every workstation that heard it holds it, then decided.
        const lot = repos.lots.get(made.lotId);
        const failed = lot && repos.lots.hold(made.lotId)?.inspectionLotId !== made.inspectionLotId ? decidedInspectionAsEvent(made, lot) : undefined;
        if (failed) engine.onEvent(failed);
        applyOne([usageDecisionAsEvent(made)], at);
      }
      // So do requests still waiting for a supervisor that this workstation has not heard of.
      for (const open of parsed.data.openApprovals) {
        if (!repos.approvals.get(open.approvalId)) engine.onEvent(openApprovalAsEvent(open));
      }
      // And requests decided meanwhile: shown decided, so an answer that waited for one stands here too.
      for (const { request, decision } of parsed.data.decidedApprovals) {
        if (!repos.approvals.get(request.approvalId)) engine.onEvent(openApprovalAsEvent(request));
        if (repos.approvals.get(request.approvalId)?.status === 'pending') engine.onEvent(decidedApprovalAsEvent(decision));
      }
      applyMissedDisruptions(parsed.data.disruptions, at);
      // Kept, not replayed: the snapshot's lots and master data are newer than any letter before it.
      for (const mapping of parsed.data.unitMappings) unitMapped(mapping, `snapshot ${connectorId}`, at, false);
      for (const escalation of parsed.data.escalations) projectEscalation(escalation, repos, changes, at);
      // Answers given on other workstations, to exceptions weighed here now or before.
      for (const answer of parsed.data.exceptionAnswers) applyOne([exceptionAnswerAsEvent(answer)], at);
      if (parsed.data.epoch !== undefined) repos.inbox.setEpoch(connectorId, parsed.data.epoch, at);
      for (const [stream, seq] of Object.entries(parsed.data.streams)) {
        if (seq < (working.get(stream) ?? 0)) repos.inbox.forgetAfter(stream, seq);
        working.set(stream, seq);
        repos.inbox.advanceCursor(stream, seq, at);
      }
    });
    cursors = working;
    return { ok: true };
  }

  return {
    applyBatch,
    applySnapshot,
    replay,
    /** A snapshot part that could not be used: kept with the reason, like any invalid message. */
    deadLetterSnapshot(raw: unknown, reason: string): void {
      store.transaction(() => deadLetter(raw, reason, clock.now().toISOString()));
    },
    /** What subscribe tells the gateway: the epoch of the last snapshot, when there was one. */
    epoch: (): string | undefined => repos.inbox.epoch(connectorId),
    cursorsFor: (streams: readonly string[]): Record<string, number> =>
      Object.fromEntries(streams.map((stream) => [stream, cursors.get(stream) ?? 0])),
  };
}
export type EventIngest = ReturnType<typeof createEventIngest>;
