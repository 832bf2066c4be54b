// Receives commands as the ERP would: validates, dedupes by commandId, applies, and records every delivery.
import type { PoLine, ProductionOrder, Transfer } from '../shared/dataset';
import type { BasedOn } from '../shared/domain';
import { checkDeviationNumber, checkPostings, splitLot, usageDecisionCode, usageValuation } from '../shared/usage-decision';
import { quantityProblem } from '../shared/units';
import { approvalSlaType, slaDueAt, type SlaSettings } from '../shared/sla';
import type { CycleCountSettings } from '../shared/cycle-count';
import { parseCommand, type CanonicalCommand, type CommandPayload, type CommandReply } from '../shared/commands';
import type { EventPayload, EventType } from '../shared/events';
import { CycleCountDesk } from './cycle-count-desk';
import type { GatewayStore } from './gateway-store';
import { authorize, type Authority, type AuthorityLookups } from './identity/command-authority';
import type { Identity } from './identity/identity';
import type { LotRecord } from './records';
import { formatInspectionLotId } from './number-ranges';
import { erpStream, isSimulatedPlant, mesStream, qmsStream } from './streams';

type Outcome = Omit<CommandReply, 'commandId'> & { status: 'accepted' | 'rejected' };

/** How far a workstation's clock may run ahead of the gateway's when it says a task fell due. */
const escalationSkewMs = 5 * 60_000;

/**
 * What the gateway decides by, whatever a workstation's settings say: QM's form of a deviation number,
 * when each human task falls due and what happens by itself then, and the cycle-count tolerances.
 */
export interface GatewayRules {
  deviationNumberPattern: string;
  sla: SlaSettings;
  cycleCount: CycleCountSettings;
}

/** Who sent a command, under which id: what the events it causes name. */
type CommandMeta = Pick<CanonicalCommand, 'commandId' | 'issuedBy'>;

/** A command as it arrived, with what its session token was found worth (checked before the batch). */
export interface ArrivedCommand {
  raw: unknown;
  clientId: string;
  authority: Authority;
}

export interface ReceivedCommand {
  reply: CommandReply;
  /** False when a scripted fault swallows the reply: the command is applied and recorded, the client hears nothing. */
  sendReply: boolean;
}

/** The commandId of a message that failed validation, when it still has one we can record it under. */
function usableCommandId(raw: unknown): string | undefined {
  if (typeof raw !== 'object' || raw === null || !('commandId' in raw)) return undefined;
  const id = raw.commandId;
  if (typeof id !== 'string') return undefined;
  const trimmed = id.trim();
  return trimmed.length > 0 && trimmed.length <= 80 ? trimmed : undefined;
}

/** A message as kept when it did not parse: never with the session token it may carry. */
function withoutSession(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || !('session' in raw)) return raw;
  const { session: _session, ...rest } = raw as Record<string, unknown>;
  return rest;
}

function rawType(raw: unknown): string {
  if (typeof raw === 'object' && raw !== null && 'type' in raw && typeof raw.type === 'string') return raw.type;
  return '(unknown)';
}

/** A refusal's reason, or accepted. */
const outcomeOf = (refusal: string | null): Outcome => (refusal === null ? { status: 'accepted' } : rejected(refusal));

const rejected = (reason: string, version?: number): Outcome => ({
  status: 'rejected',
  reason,
  ...(version === undefined ? {} : { version }),
});

/** Null when the decision saw the lot's current version; otherwise the rejection to answer. */
function checkBasedOn(basedOn: BasedOn, lot: LotRecord): Outcome | null {
  if (basedOn.id !== lot.lotId) {
    return rejected(`basedOn.id: names lot ${basedOn.id}, but the command is for lot ${lot.lotId}`, lot.version);
  }
  if (basedOn.version !== lot.version) {
    return rejected(
      `stale: lot ${lot.lotId} is at version ${lot.version}, the decision saw version ${basedOn.version}`,
      lot.version,
    );
  }
  return null;
}

export class CommandProcessor {
  private repliesToDrop = 0;
  /** Replies to drop of one command type only, by type: a test's fault that other traffic cannot take. */
  private typedRepliesToDrop = new Map<string, number>();
  /** Streams that commands appended events to since the last takeAppendedStreams(). */
  private appended = new Set<string>();

  constructor(
    private readonly store: GatewayStore,
    private readonly clock: () => Date,
    /** The ERP's own rules: a deviation number's form, the SLAs and their auto-actions, the cycle-count tolerances. */
    private readonly rules: GatewayRules,
    identity: Pick<Identity, 'users'>,
  ) {
    this.cycleCounts = new CycleCountDesk({
      store,
      clock,
      tolerances: rules.cycleCount,
      publishPlant: (plant, type, correlationId, payload) => this.publishOnPlant(plant, type, correlationId, payload),
      publishErp: (type, correlationId, payload) => this.publish(type, correlationId, payload),
      lotChanged: (lot, changedBy, reason) => this.publishLot(lot, changedBy, reason),
    });
    this.lookups = {
      command: (commandId) => {
        const known = this.store.command(commandId);
        if (!known) return undefined;
        const issuedBy = (known.body as { issuedBy?: unknown } | null)?.issuedBy;
        return typeof issuedBy === 'string' ? { issuedBy, status: known.status } : undefined;
      },
      rolesOf: (user) => {
        const record = identity.users.get(user);
        return record && !record.disabledAt ? record.roles : undefined;
      },
      lotPlant: (lotId) => this.store.lot(lotId)?.plant,
      poLinePlant: (poLineId) => this.store.planning.poLine(poLineId)?.plant,
      productionOrderPlant: (productionOrderId) => this.store.planning.record<ProductionOrder>('productionOrders', productionOrderId)?.plant,
      approvalRequest: (approvalId) => this.store.approvals.get(approvalId)?.request,
    };
  }

  private readonly lookups: AuthorityLookups;
  private readonly cycleCounts: CycleCountDesk;

  /** The next `count` deliveries (of `type` only, when given) are processed and recorded, but their replies are never sent. */
  dropReplies(count: number, type?: string): void {
    if (type === undefined) this.repliesToDrop += count;
    else this.typedRepliesToDrop.set(type, (this.typedRepliesToDrop.get(type) ?? 0) + count);
  }

  /** The streams to wake once the transaction that appended to them has committed. */
  takeAppendedStreams(): Set<string> {
    const streams = this.appended;
    this.appended = new Set();
    return streams;
  }

  /** Everything the command does, its commands row and its delivery row commit together before the reply exists. */
  receive(command: ArrivedCommand): ReceivedCommand {
    return this.receiveAll([command])[0]!;
  }

  /**
   * Commands that arrived together, in ONE transaction (one sync to disk) and without a savepoint
   * each: when one throws, none is kept, and the caller receives them one at a time instead.
   */
  receiveAll(batch: readonly ArrivedCommand[]): ReceivedCommand[] {
    const receivedAt = this.clock().toISOString();
    let untyped = this.repliesToDrop;
    const typed = new Map(this.typedRepliesToDrop);
    const drop = batch.map((command) => {
      if (untyped > 0) {
        untyped -= 1;
        return true;
      }
      const type = rawType(command.raw);
      const left = typed.get(type) ?? 0;
      if (left === 0) return false;
      typed.set(type, left - 1);
      return true;
    });
    const replies = this.store.transaction(() => batch.map((command, i) => this.record(command, receivedAt, drop[i]!)));
    // Counted once the transaction committed: a batch that rolled back drops nothing.
    this.repliesToDrop = untyped;
    this.typedRepliesToDrop = typed;
    return replies.map((reply, i) => ({ reply, sendReply: !drop[i] }));
  }

  private record({ raw, clientId, authority }: ArrivedCommand, receivedAt: string, replyDropped: boolean): CommandReply {
    const parsed = parseCommand(raw);
    const commandId = parsed.ok ? parsed.command.commandId : usableCommandId(raw);
    const reply = this.decide(parsed.ok ? parsed.command : { invalid: parsed.reason, raw: withoutSession(raw) }, commandId, receivedAt, authority);
    this.store.insertDelivery({
      commandId: commandId ?? null,
      clientId,
      status: reply.status,
      ...(reply.reason === undefined ? {} : { reason: reply.reason }),
      ...(reply.version === undefined ? {} : { version: reply.version }),
      replyDropped,
      receivedAt,
    });
    return reply;
  }

  private decide(
    command: CanonicalCommand | { invalid: string; raw: unknown },
    commandId: string | undefined,
    receivedAt: string,
    authority: Authority,
  ): CommandReply {
    const known = commandId === undefined ? undefined : this.store.command(commandId);
    if (known) {
      // Same key, same outcome: an accepted command reports duplicate, a rejected one its rejection again.
      const status = known.status === 'accepted' ? 'duplicate' : 'rejected';
      return {
        commandId: known.commandId,
        status,
        ...(known.reason === undefined ? {} : { reason: known.reason }),
        ...(known.version === undefined ? {} : { version: known.version }),
      };
    }
    if ('invalid' in command) {
      if (commandId === undefined) return { commandId: '(missing)', status: 'rejected', reason: command.invalid };
      this.store.insertCommand({
        commandId,
        type: rawType(command.raw),
        body: command.raw,
        status: 'rejected',
        reason: command.invalid,
        receivedAt,
      });
      return { commandId, status: 'rejected', reason: command.invalid };
    }
    // Who it is by is the gateway's to say (the session token, or the command it follows from); the
    // token itself is a credential and is not kept.
    const authorized = authorize(command, authority, this.lookups);
    const { session: _session, ...kept } = command;
    const decided = { ...kept, issuedBy: authorized.ok ? authorized.issuedBy : command.issuedBy } as CanonicalCommand;
    const outcome = authorized.ok ? this.apply(decided) : rejected(authorized.reason);
    // What a supervisor approved was refused: the answer that waited for it no longer stands.
    if (outcome.status === 'rejected' && command.type === 'substitution.apply') this.store.exceptionAnswers.voidByApproval(command.payload.approvalId);
    this.store.insertCommand({ commandId: command.commandId, type: command.type, body: decided, ...outcome, receivedAt });
    return { commandId: command.commandId, ...outcome };
  }

  private apply(command: CanonicalCommand): Outcome {
    switch (command.type) {
      case 'lot.setStatus':
        return this.setStatus(command.payload, command.basedOn, command.issuedBy);
      case 'lot.disposition':
        return this.disposition(command.payload, command.basedOn, command.issuedBy, command.commandId);
      case 'po.updateReceiptDate':
        return this.updateReceiptDate(command.payload, command);
      case 'po.expedite':
        return this.expedite(command.payload, command);
      case 'po.create':
        return this.createPoLine(command.payload, command);
      case 'substitution.apply':
        return this.substitute(command.payload, command);
      case 'approval.request':
        return this.requestApproval(command.payload, command.issuedBy);
      case 'exception.answer':
        return this.answerException(command.payload, command);
      case 'approval.decide':
        return this.decideApproval(command.payload, command.issuedBy);
      case 'transfer.request':
        return this.requestTransfer(command.payload, command);
      case 'production.reschedule':
        return this.reschedule(command.payload, command);
      case 'production.reroute':
        return this.reroute(command.payload, command);
      case 'wms.moveTask':
        return this.moveTask(command.payload);
      case 'supplierCase.open':
        return this.openSupplierCase(command.payload);
      case 'notification.create':
        return { status: 'accepted' };
      case 'shipment.releaseHold':
        return this.store.lot(command.payload.lotId) ? { status: 'accepted' } : rejected(`payload.lotId: unknown lot ${command.payload.lotId}`);
      case 'plant.mapUnit':
        return this.mapUnit(command.payload, command);
      case 'escalation.raise':
        return this.escalate(command.payload, command);
      case 'wms.pickPause':
        return outcomeOf(this.cycleCounts.pause(command.payload, command.issuedBy));
      case 'wms.pickRelease':
        return outcomeOf(this.cycleCounts.release(command.payload, command.issuedBy));
      case 'wms.recount':
        return outcomeOf(this.cycleCounts.recount(command.payload));
      case 'inventory.adjust':
        return outcomeOf(this.cycleCounts.adjust(command.payload, command.issuedBy, command.commandId));
    }
  }

  /**
   * The first escalation of a subject stands; another, from wherever, is refused naming it. Only a
   * task this gateway holds undecided is escalated (an approval request, or an inspection lot waiting
   * for its usage decision), once it is due by the gateway's own SLA and clock, and under the subject,
   * kind and due time the gateway works out, whatever the command says of them.
   */
  private escalate(payload: CommandPayload<'escalation.raise'>, command: CommandMeta): Outcome {
    const earlier = this.store.escalations.of(payload.subjectId);
    if (earlier) return rejected(`payload.subjectId: ${payload.subjectId} was escalated already at ${earlier.escalation.raisedAt} (command ${earlier.commandId})`);
    if (payload.taskType === 'disposition') return this.escalateDisposition(payload, command);
    const approval = this.store.approvals.get(payload.subjectId);
    if (!approval) return rejected(`payload.subjectId: ${payload.subjectId} is no approval request this gateway holds`);
    if (approval.decision !== null) return rejected(`payload.subjectId: ${payload.subjectId} was decided already (${approval.decision} by ${approval.decidedBy ?? 'unknown'}); nothing to escalate`);
    const { request } = approval;
    const taskType = approvalSlaType[request.kind];
    const dueAt = slaDueAt(this.rules.sla, taskType, approval.requestedAt);
    const notDue = this.notDueYet(dueAt);
    if (notDue) return notDue;
    const escalation = { subjectId: approval.approvalId, taskType, subject: request.subject, dueAt, raisedAt: this.clock().toISOString(), ...(payload.plant ? { plant: payload.plant } : {}) };
    this.store.escalations.raise(escalation, command.commandId);
    this.publish('escalation.raised', payload.subjectId, escalation);
    return { status: 'accepted' };
  }

  /** Refused while the task's due time (by the gateway's SLA) is still ahead of its clock, give or take the skew a workstation may have. */
  private notDueYet(dueAt: string): Outcome | null {
    const now = this.clock();
    return Date.parse(dueAt) > now.getTime() + escalationSkewMs ? rejected(`payload.dueAt: not overdue yet; by the gateway's SLA it is due ${dueAt} and the gateway's clock says ${now.toISOString()}`) : null;
  }

  /**
   * An inspection lot nobody dispositioned in time (by the gateway's SLA: the engineer's use-as-is
   * waiting for a supervisor is a decision, under the approval's SLA). With the gateway's auto-action
   * "keep blocked" it makes the usage decision itself, in the same transaction (QM's automatic usage
   * decision): R4, the whole lot kept in blocked stock, by `system`, once, as the escalation is once.
   */
  private escalateDisposition(payload: CommandPayload<'escalation.raise'>, command: CommandMeta): Outcome {
    const open = this.store.openInspectionNumbered(payload.subjectId);
    if (!open) return rejected(`payload.subjectId: ${payload.subjectId} is no inspection lot waiting for its usage decision at this gateway`);
    const lot = this.store.lot(open.lotId);
    if (!lot) return rejected(`payload.subjectId: the lot of ${payload.subjectId} (${open.lotId}) is unknown`);
    const asked = this.store.approvals.pendingUseAsIs(open.inspectionLotId);
    if (asked) return rejected(`payload.subjectId: ${payload.subjectId} waits for the supervisor's approval ${asked.approvalId} of a use-as-is; that approval's SLA runs`);
    const dueAt = slaDueAt(this.rules.sla, 'disposition', open.failedAt);
    const notDue = this.notDueYet(dueAt);
    if (notDue) return notDue;
    // Nothing left to keep blocked (all consumed or moved): escalated, decided by nobody but a person.
    const keepBlocked = this.rules.sla.disposition.autoAction === 'keep-blocked' && lot.quantity > 0;
    const escalation = {
      subjectId: open.inspectionLotId,
      taskType: 'disposition' as const,
      subject: `Usage decision for lot ${lot.lotId} (${open.defectCode})`,
      dueAt,
      raisedAt: this.clock().toISOString(),
      plant: lot.plant,
      ...(keepBlocked ? { autoAction: 'kept blocked' } : {}),
    };
    this.store.escalations.raise(escalation, command.commandId);
    this.publish('escalation.raised', open.inspectionLotId, escalation);
    if (keepBlocked) {
      const postings = [{ decision: 'keep-blocked' as const, quantity: lot.quantity }];
      const decision = { lotId: lot.lotId, inspectionLotId: open.inspectionLotId, valuation: usageValuation(postings), code: usageDecisionCode(postings).code, postings, reason: `No usage decision within its SLA (due ${dueAt}): kept blocked automatically` };
      this.postUsageDecision(lot, open.inspectionLotId, decision, 'system', command.commandId);
    }
    return { status: 'accepted' };
  }

  /** A unit mapping names a unit master data has, at a plant this gateway plays; it goes on the plant's own stream. */
  private mapUnit(payload: CommandPayload<'plant.mapUnit'>, command: CommandMeta): Outcome {
    if (!isSimulatedPlant(payload.plant)) return rejected(`payload.plant: ${payload.plant} is not a plant this gateway serves`);
    const units = this.store.units().map((unit) => unit.unit);
    if (!units.includes(payload.unit)) return rejected(`payload.unit: ${payload.unit} is not a unit of measure in master data (${units.join(', ')})`);
    if (units.includes(payload.code)) return rejected(`payload.code: ${payload.code} is a unit of master data itself; only a plant's own code is mapped`);
    const mapping = { plant: payload.plant, code: payload.code, unit: payload.unit, mappedBy: command.issuedBy, mappedAt: this.clock().toISOString() };
    this.store.unitMappings.put(mapping);
    this.publishOnPlant(payload.plant, 'plant.unitMapped', `${payload.plant} ${payload.code}`, mapping);
    return { status: 'accepted' };
  }

  // The planning commands change the ERP's planning records, and each changed record is published, so
  // every workstation's plan follows; the simulated suppliers agree to every expedite, so the PO line
  // takes the requested date.

  private expedite(payload: CommandPayload<'po.expedite'>, command: CommandMeta): Outcome {
    const line = this.store.planning.poLine(payload.poLineId);
    if (!line) return rejected(`payload.poLineId: unknown PO schedule line ${payload.poLineId}`);
    return this.putPoLine({ ...line, expectedDate: payload.requestedDate }, command, payload.reason);
  }

  private putPoLine(poLine: PoLine, command: CommandMeta, reason: string): Outcome {
    this.store.planning.putPoLine(poLine);
    this.publishPlanning({ kind: 'poLine', poLine }, command, reason);
    return { status: 'accepted' };
  }

  private putProductionOrder(order: ProductionOrder, command: CommandMeta, reason: string): void {
    this.store.planning.putRecord('productionOrders', order);
    this.publishPlanning({ kind: 'productionOrder', order }, command, reason);
  }

  /** Only an ERP that plays planning sends planning records: without, no workstation holds any to change. */
  private publishPlanning(change: EventPayload<'planning.changed'>['change'], command: CommandMeta, reason: string): void {
    if (!this.store.planning.plays()) return;
    this.publish('planning.changed', command.commandId, { change, commandId: command.commandId, changedBy: command.issuedBy, reason });
  }

  /** Null when the quantity fits the item's unit (no 10.5 of a whole unit); otherwise the refusal naming the field. */
  private checkItemQuantity(itemId: string, quantity: number): Outcome | null {
    const item = this.store.item(itemId);
    if (!item) return rejected(`payload.itemId: unknown item ${itemId}`);
    const problem = quantityProblem(quantity, item.unit, this.store.decimalsOf(item.unit));
    return problem ? rejected(`payload.quantity: ${problem}`) : null;
  }

  private createPoLine(payload: CommandPayload<'po.create'>, command: CommandMeta): Outcome {
    if (this.store.planning.poLine(payload.poLineId)) return rejected(`payload.poLineId: PO schedule line ${payload.poLineId} exists already`);
    const misfit = this.checkItemQuantity(payload.itemId, payload.quantity);
    if (misfit) return misfit;
    const { poLineId, requestedDate, reason, ...line } = payload;
    return this.putPoLine({ id: poLineId, ...line, expectedDate: requestedDate, confirmed: false, asnId: null }, command, reason);
  }

  private substitute(payload: CommandPayload<'substitution.apply'>, command: CommandMeta): Outcome {
    const { commandId } = command;
    const approval = this.store.approvals.get(payload.approvalId);
    if (!approval || approval.decision !== 'approve' || approval.request.kind !== 'substitution') {
      return rejected(`payload.approvalId: substitution ${payload.approvalId} has not been approved`);
    }
    if (approval.decidedBy !== payload.approvedBy) {
      return rejected(`payload.approvedBy: ${payload.approvalId} was approved by ${approval.decidedBy}, not ${payload.approvedBy}`);
    }
    if (approval.usedBy !== null) return rejected(`payload.approvalId: ${payload.approvalId} was used already, by command ${approval.usedBy}`);
    const approved = approval.request.substitution;
    const asSet = (ids: readonly string[]) => [...ids].sort().join(' ');
    const differs = (['fromItemId', 'toItemId', 'plant'] as const).find((field) => payload[field] !== approved[field]) ?? (asSet(payload.productionOrderIds) === asSet(approved.productionOrderIds) ? undefined : 'productionOrderIds');
    if (differs) return rejected(`payload.${differs}: differs from what ${payload.approvalId} approved`);
    const orders = payload.productionOrderIds.map((id) => this.store.planning.record<ProductionOrder>('productionOrders', id));
    const missing = payload.productionOrderIds.filter((_, i) => !orders[i]?.components.some((c) => c.itemId === payload.fromItemId));
    if (missing.length > 0) return rejected(`payload.productionOrderIds: ${missing.join(', ')} unknown or without component ${payload.fromItemId}`);
    for (const order of orders) {
      this.putProductionOrder({ ...order!, components: order!.components.map((c) => (c.itemId === payload.fromItemId ? { ...c, itemId: payload.toItemId } : c)) }, command, payload.reason);
    }
    this.store.approvals.markUsed(payload.approvalId, commandId);
    return { status: 'accepted' };
  }

  // Requests and decisions are published on the ERP stream, so every workstation hears of them.

  private requestApproval(payload: CommandPayload<'approval.request'>, requestedBy: string): Outcome {
    if (this.store.approvals.get(payload.approvalId)) return rejected(`payload.approvalId: ${payload.approvalId} was requested already`);
    if (payload.kind === 'transfer') {
      const { transferId } = payload.transfer;
      if (this.store.planning.record<Transfer>('transfers', transferId)) return rejected(`payload.transfer.transferId: transfer ${transferId} exists already`);
      const asked = this.store.approvals.openForTransfer(transferId);
      if (asked) return rejected(`payload.transfer.transferId: transfer ${transferId} was submitted for approval already, by ${asked.requestedBy} (${asked.approvalId})`);
    }
    const misnumbered = payload.kind === 'use-as-is' ? checkDeviationNumber(payload.deviation.deviationNumber, this.rules.deviationNumberPattern) : null;
    if (misnumbered) return rejected(`payload.deviation.${misnumbered}`);
    if (payload.kind === 'adjustment') {
      const unknown = this.cycleCounts.checkRequest(payload.adjustment);
      if (unknown) return rejected(unknown);
      // The counter asks, whichever workstation sent it: they can never approve their own count.
      requestedBy = payload.adjustment.countedBy;
    }
    const requestedAt = this.clock().toISOString();
    this.store.approvals.request(requestedBy, requestedAt, payload);
    this.publish('approval.requested', payload.approvalId, { ...payload, requestedBy, requestedAt });
    return { status: 'accepted' };
  }

  private decideApproval(payload: CommandPayload<'approval.decide'>, decidedBy: string): Outcome {
    const approval = this.store.approvals.get(payload.approvalId);
    if (!approval) return rejected(`payload.approvalId: no approval request ${payload.approvalId}`);
    if (approval.requestedBy === decidedBy) {
      return rejected(`issuedBy: ${decidedBy} requested ${payload.approvalId} and cannot decide their own request`);
    }
    if (approval.decision !== null) {
      return rejected(`payload.approvalId: ${payload.approvalId} was already ${approval.decision === 'approve' ? 'approved' : 'rejected'} by ${approval.decidedBy}`);
    }
    const decidedAt = this.clock().toISOString();
    this.store.approvals.record(payload.approvalId, payload.decision, decidedBy, decidedAt, payload.reason);
    if (payload.decision === 'reject') this.store.exceptionAnswers.voidByApproval(payload.approvalId);
    this.publish('approval.decided', payload.approvalId, { ...payload, decidedBy, decidedAt });
    return { status: 'accepted' };
  }

  /** One answer per exception: the first stands (until a supervisor rejects what it asked for), a second is refused naming it. */
  private answerException(payload: CommandPayload<'exception.answer'>, command: CommandMeta): Outcome {
    const standing = this.store.exceptionAnswers.standing(payload.exceptionId);
    if (standing) return rejected(`payload.exceptionId: ${payload.exceptionId} was answered already by ${standing.answeredBy} at ${standing.answeredAt} ("${standing.responseLabel}")`);
    const answer = { ...payload, commandId: command.commandId, answeredBy: command.issuedBy, answeredAt: this.clock().toISOString() };
    this.store.exceptionAnswers.record(answer);
    this.publish('exception.answered', payload.exceptionId, answer);
    return { status: 'accepted' };
  }

  /** On the plant's own MES stream (a unit mapping, the WMS's bins): read by that plant's connector. */
  private publishOnPlant<T extends EventType>(plant: string, type: T, correlationId: string, payload: EventPayload<T>): void {
    const envelope = this.store.appendEvent({ stream: mesStream(plant), plant, type, correlationId, payload }, this.clock());
    this.appended.add(envelope.stream);
  }

  private publish<T extends EventType>(type: T, correlationId: string, payload: EventPayload<T>): void {
    const envelope = this.store.appendEvent({ stream: erpStream, type, correlationId, payload }, this.clock());
    this.appended.add(envelope.stream);
  }

  /** Null when the transfer names no approval, or is exactly what a supervisor approved and not used yet. */
  private checkTransferApproval(payload: CommandPayload<'transfer.request'>): Outcome | null {
    if (payload.approvalId === undefined) return null;
    const approval = this.store.approvals.get(payload.approvalId);
    if (!approval || approval.decision !== 'approve' || approval.request.kind !== 'transfer') return rejected(`payload.approvalId: transfer ${payload.approvalId} has not been approved`);
    if (approval.decidedBy !== payload.approvedBy) return rejected(`payload.approvedBy: ${payload.approvalId} was approved by ${approval.decidedBy}, not ${payload.approvedBy}`);
    if (approval.usedBy !== null) return rejected(`payload.approvalId: ${payload.approvalId} was used already, by command ${approval.usedBy}`);
    const approved = approval.request.transfer;
    const differs = (['transferId', 'itemId', 'fromPlant', 'toPlant', 'quantity', 'shipDate', 'arrivalDate'] as const).find((field) => payload[field] !== approved[field]);
    if (differs) return rejected(`payload.${differs}: differs from what ${payload.approvalId} approved (${approved.quantity} ${approved.unit} of ${approved.itemId} from ${approved.fromPlant} to ${approved.toPlant})`);
    return null;
  }

  private requestTransfer(payload: CommandPayload<'transfer.request'>, command: CommandMeta): Outcome {
    if (this.store.planning.record<Transfer>('transfers', payload.transferId)) return rejected(`payload.transferId: transfer ${payload.transferId} exists already`);
    const unapproved = this.checkTransferApproval(payload);
    if (unapproved) return unapproved;
    const misfit = this.checkItemQuantity(payload.itemId, payload.quantity);
    if (misfit) return misfit;
    if (payload.approvalId !== undefined) this.store.approvals.markUsed(payload.approvalId, command.commandId);
    const { transferId, reason, approvalId: _approvalId, approvedBy: _approvedBy, ...rest } = payload;
    const transfer: Transfer = { id: transferId, ...rest };
    this.store.planning.putRecord('transfers', transfer);
    this.publishPlanning({ kind: 'transfer', transfer }, command, reason);
    return { status: 'accepted' };
  }

  private reroute(payload: CommandPayload<'production.reroute'>, command: CommandMeta): Outcome {
    const order = this.store.planning.record<ProductionOrder>('productionOrders', payload.productionOrderId);
    if (!order) return rejected(`payload.productionOrderId: unknown production order ${payload.productionOrderId}`);
    if (!this.store.planning.record('plants', payload.toPlant)) return rejected(`payload.toPlant: unknown plant ${payload.toPlant}`);
    this.putProductionOrder({ ...order, plant: payload.toPlant, line: payload.toLine, startDate: payload.startDate, dueDate: payload.dueDate }, command, payload.reason);
    return { status: 'accepted' };
  }

  private reschedule(payload: CommandPayload<'production.reschedule'>, command: CommandMeta): Outcome {
    const order = this.store.planning.record<ProductionOrder>('productionOrders', payload.productionOrderId);
    if (!order) return rejected(`payload.productionOrderId: unknown production order ${payload.productionOrderId}`);
    this.putProductionOrder({ ...order, startDate: payload.startDate, dueDate: payload.dueDate }, command, payload.reason);
    return { status: 'accepted' };
  }

  // The simulated warehouse, supplier quality desk, notifications and shipping take every well-formed request, once.

  private moveTask(payload: CommandPayload<'wms.moveTask'>): Outcome {
    const lot = this.store.lot(payload.lotId);
    if (!lot) return rejected(`payload.lotId: unknown lot ${payload.lotId}`);
    if (lot.plant !== payload.plant) return rejected(`payload.plant: lot ${lot.lotId} is in plant ${lot.plant}, not ${payload.plant}`);
    return { status: 'accepted' };
  }

  private openSupplierCase(payload: CommandPayload<'supplierCase.open'>): Outcome {
    const lot = this.store.lot(payload.lotId);
    if (!lot) return rejected(`payload.lotId: unknown lot ${payload.lotId}`);
    if (lot.supplierId !== undefined && lot.supplierId !== payload.supplierId) return rejected(`payload.supplierId: lot ${lot.lotId} came from ${lot.supplierId}, not ${payload.supplierId}`);
    return { status: 'accepted' };
  }

  private updateReceiptDate(payload: CommandPayload<'po.updateReceiptDate'>, command: CommandMeta): Outcome {
    const line = this.store.planning.poLine(payload.poLineId);
    if (!line) return rejected(`payload.poLineId: unknown PO schedule line ${payload.poLineId}`);
    return this.putPoLine({ ...line, expectedDate: payload.receiptDate }, command, payload.reason);
  }

  /** Why a second usage decision is refused, as a person reads it: who made the first, and when. */
  private noOpenInspection(lot: LotRecord): string {
    const made = this.store.usageDecisions.latestFor(lot.lotId);
    if (!made) return `payload.lotId: lot ${lot.lotId} has no open inspection (it passed or was never inspected); there is no usage decision to make`;
    return `payload.lotId: lot ${lot.lotId} was decided already: ${made.code} by ${made.decidedBy} at ${made.decidedAt} (inspection lot ${made.inspectionLotId}); one usage decision per inspection lot`;
  }

  /** Every workstation hears what a command did to a lot, not only the one that sent it. */
  private publishLot(lot: LotRecord, changedBy: string, reason: string): void {
    const { lotId, version, itemId, plant, quantity, unit, stockType } = lot;
    this.publish('lot.statusChanged', lotId, { lotId, lotVersion: version, itemId, plant, quantity, unit, stockType, changedBy, reason });
  }

  private setStatus(payload: CommandPayload<'lot.setStatus'>, basedOn: BasedOn | undefined, issuedBy: string): Outcome {
    const lot = this.store.lot(payload.lotId);
    if (!lot) return rejected(`payload.lotId: unknown lot ${payload.lotId}`);
    const conflict = basedOn && checkBasedOn(basedOn, lot);
    if (conflict) return conflict;
    const updated = this.store.updateLot(lot.lotId, { stockType: payload.stockType, version: lot.version + 1 });
    this.publishLot(updated, issuedBy, payload.reason);
    if (payload.containedBy && payload.stockType === 'blocked') this.openContainmentInspection(updated, payload.containedBy);
    return { status: 'accepted', version: updated.version };
  }

  /**
   * A lot blocked because it was made from a failed one gets an inspection lot of its own (QM's manual
   * inspection lot), so a quality engineer decides it like any failed lot, on every workstation.
   */
  private openContainmentInspection(lot: LotRecord, containedBy: { lotId: string; inspectionLotId: string }): void {
    if (this.store.hasOpenInspection(lot.lotId)) return;
    const inspectionLotId = formatInspectionLotId(this.store.nextNumber('inspectionLot'));
    const defectCode = 'CONTAINMENT';
    const defectText = `Made from lot ${containedBy.lotId}, which failed inspection lot ${containedBy.inspectionLotId}`;
    this.store.updateLot(lot.lotId, { version: lot.version, inspectionLotId });
    const { lotId, version, itemId, plant, quantity, unit, supplierId } = lot;
    const payload: EventPayload<'inspection.failed'> = {
      lotId,
      lotVersion: version,
      inspectionLotId,
      itemId,
      plant,
      quantity,
      unit,
      ...(supplierId === undefined ? {} : { supplierId }),
      defectCode,
      defectText,
      containedBy: containedBy.lotId,
      stockType: 'blocked',
    };
    const stream = isSimulatedPlant(plant) ? qmsStream(plant) : erpStream;
    const envelope = this.store.appendEvent({ stream, type: 'inspection.failed', plant, correlationId: lotId, payload }, this.clock());
    this.appended.add(envelope.stream);
    this.store.openInspection({ lotId: lot.lotId, inspectionLotId, defectCode, defectText, failedAt: envelope.occurredAt });
  }

  /** Null when the use-as-is in the decision (if any) is exactly what a supervisor approved, and not used yet. */
  private checkUseAsIsApproval(payload: CommandPayload<'lot.disposition'>): Outcome | null {
    const useAsIs = payload.postings.find((posting) => posting.decision === 'use-as-is');
    if (!useAsIs) return null;
    if (payload.approvalId === undefined) return rejected("payload.approvalId: use-as-is needs a supervisor's approval");
    const approval = this.store.approvals.get(payload.approvalId);
    if (!approval || approval.decision !== 'approve' || approval.request.kind !== 'use-as-is') return rejected(`payload.approvalId: use-as-is ${payload.approvalId} has not been approved`);
    if (approval.decidedBy !== payload.approvedBy) return rejected(`payload.approvedBy: ${payload.approvalId} was approved by ${approval.decidedBy}, not ${payload.approvedBy}`);
    if (approval.usedBy !== null) return rejected(`payload.approvalId: ${payload.approvalId} was used already, by command ${approval.usedBy}`);
    const approved = approval.request.deviation;
    if (approved.lotId !== payload.lotId || approved.quantity !== useAsIs.quantity || approved.deviationNumber !== payload.deviationNumber) {
      return rejected(`payload.postings: the use-as-is differs from what ${payload.approvalId} approved (${approved.quantity} ${approved.unit} of lot ${approved.lotId} under ${approved.deviationNumber})`);
    }
    return null;
  }

  private disposition(payload: CommandPayload<'lot.disposition'>, basedOn: BasedOn | undefined, issuedBy: string, commandId: string): Outcome {
    const lot = this.store.lot(payload.lotId);
    if (!lot) return rejected(`payload.lotId: unknown lot ${payload.lotId}`);
    if (!basedOn) {
      return rejected('basedOn: lot.disposition requires the lot version the decision saw', lot.version);
    }
    // One usage decision per inspection lot, as in QM: none once it was made (or the inspection passed).
    // Said first: a lot decided elsewhere has a newer version too, but who decided it is the news.
    const inspectionLotId = this.store.openInspectionLotId(lot.lotId);
    if (inspectionLotId === undefined) return rejected(this.noOpenInspection(lot), lot.version);
    const conflict = checkBasedOn(basedOn, lot);
    if (conflict) return conflict;
    if (payload.inspectionLotId !== undefined && lot.inspectionLotId !== undefined) {
      if (payload.inspectionLotId !== lot.inspectionLotId) {
        return rejected(
          `payload.inspectionLotId: lot ${lot.lotId} belongs to inspection lot ${lot.inspectionLotId}, ` +
            `not ${payload.inspectionLotId}`,
          lot.version,
        );
      }
    }
    const addUp = checkPostings(payload.postings, lot, this.store.decimalsOf(lot.unit));
    if (addUp) return rejected(`payload.${addUp}`, lot.version);
    const usesAsIs = payload.postings.some((posting) => posting.decision === 'use-as-is');
    const misnumbered = usesAsIs && payload.deviationNumber !== undefined ? checkDeviationNumber(payload.deviationNumber, this.rules.deviationNumberPattern) : null;
    if (misnumbered) return rejected(`payload.${misnumbered}`, lot.version);
    const unapproved = this.checkUseAsIsApproval(payload);
    if (unapproved) return { ...unapproved, version: lot.version };
    if (payload.approvalId !== undefined) this.store.approvals.markUsed(payload.approvalId, commandId);
    const updated = this.postUsageDecision(lot, inspectionLotId, payload, issuedBy, commandId);
    return { status: 'accepted', version: updated.version };
  }

  /** Posts a usage decision that passed its checks: the lot in parts, the inspection lot closed, every workstation told. */
  private postUsageDecision(lot: LotRecord, inspectionLotId: string, payload: CommandPayload<'lot.disposition'>, issuedBy: string, commandId: string): LotRecord {
    // The first part that stays keeps the lot; each further one becomes a sub-lot; scrap and returns leave.
    const { parts } = splitLot(lot.lotId, lot.version, payload.postings);
    const [own, ...subLots] = parts;
    const updated = this.store.updateLot(lot.lotId, { stockType: own!.stockType, quantity: own!.quantity, version: lot.version + 1 });
    const reason = `usage decision ${payload.code}: ${payload.reason}`;
    this.publishLot(updated, issuedBy, reason);
    for (const part of subLots) {
      const subLot: LotRecord = { ...lot, lotId: part.lotId, stockType: part.stockType, quantity: part.quantity, version: 1 };
      this.store.insertLot(subLot);
      this.publishLot(subLot, issuedBy, reason);
    }
    const failed = this.store.openInspectionOf(lot.lotId);
    this.store.closeInspection(lot.lotId);
    // Every workstation hears who decided and what the lot became, after the parts' own changes.
    const made: EventPayload<'usageDecision.made'> = {
      lotId: lot.lotId,
      lotVersion: updated.version,
      inspectionLotId,
      commandId,
      decidedBy: issuedBy,
      decidedAt: this.clock().toISOString(),
      valuation: payload.valuation,
      code: payload.code,
      postings: payload.postings,
      reason: payload.reason,
      ...(payload.deviationNumber === undefined ? {} : { deviationNumber: payload.deviationNumber }),
      ...(payload.approvedBy === undefined ? {} : { approvedBy: payload.approvedBy }),
      ...(payload.approvalId === undefined ? {} : { approvalId: payload.approvalId }),
      unit: lot.unit,
      ...(failed ? { failure: { defectCode: failed.defectCode, defectText: failed.defectText, failedAt: failed.failedAt, quantity: lot.quantity } } : {}),
      parts: parts.map(({ lotId, decision, stockType, quantity }) => ({ lotId, decision, stockType, quantity })),
    };
    this.store.usageDecisions.record(made);
    this.publish('usageDecision.made', lot.lotId, made);
    return updated;
  }
}
