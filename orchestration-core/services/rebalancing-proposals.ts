// The Rebalancing view's proposals: the optimizer's latest solution per item, kept in the rebalancing
// worker and re-solved (debounced, only the items whose balances moved) after plan changes, merged with
// the planner's decisions in SQLite. Accepting starts the transfer-accepted workflow in the decision's
// transaction: a transfer.request, or above the value threshold (the revenue the transfer protects) a
// supervisor's approval first (workflows/transfer-accepted.ts).
import type { Worker } from 'node:worker_threads';
import type { Handlers } from '../../shared/api';
import { acceptProposalsArgsSchema, rejectProposalsArgsSchema, type RebalancingApi, type RebalancingProposal, type RebalancingSnapshot, type RebalancingStatus } from '../../shared/api/rebalancing';
import { ApiFailure } from '../../shared/api/result';
import type { CommandType } from '../../shared/commands';
import { dateOf, dayOf } from '../../shared/plan-days';
import type { PlanChange } from '../model/plan-changes';
import { defaultRebalanceOptions, type ItemRebalancing } from '../analysis/rebalancing/rebalance';
import type { RebalanceChange } from '../analysis/rebalancing/rebalancing-cache';
import { createRebalancingService, type RebalancingService } from '../analysis/rebalancing/rebalancing-service';
import type { Clock, Logger } from '../core-ports';
import type { ChangeTracker } from '../engine/change-tracker';
import { derivedId } from '../engine/derived-ids';
import type { Engine } from '../engine/engine';
import type { StoredApproval } from '../store/approvals-repo';
import type { Store } from '../store/open-store';
import type { RebalancingDecision } from '../store/rebalancing-repo';
import type { Repos } from '../store/repos';
import type { TransferAcceptance } from '../workflows/transfer-accepted';
import type { CommitPath } from './commit-path';

export interface RebalancingProposalsDeps {
  store: Store;
  repos: Repos;
  changes: ChangeTracker;
  clock: Clock;
  logger: Logger;
  newId: () => string;
  routeCommand: (type: CommandType) => string;
  /** Where the planner's decisions are written. */
  commit: CommitPath;
  /** Runs the transfer-accepted workflow an acceptance starts. */
  engine: Pick<Engine, 'startByAction'>;
  /** Value (revenue protected) above which accepting asks a supervisor's approval first (default 10,000). */
  transferApprovalValue?: number;
  /** Starts the rebalancing worker; absent: nothing is computed, and the status says so. */
  startWorker?: (() => Worker) | undefined;
  /** How long plan changes gather before the worker re-solves (default 1 s). */
  debounceMs?: number;
  publish(snapshot: RebalancingSnapshot): void;
  /** After the core settled an approved or refused transfer (committed): push the changes, wake the outbox. */
  afterDecision(): void;
}

/** The proposal's id: one per item and lane, the same on every workstation. */
export const proposalIdOf = (itemId: string, fromPlant: string, toPlant: string): string => derivedId('RB-', `${itemId}-${fromPlant}-${toPlant}`);
/** The transfer an acceptance sends: the proposal on its ship date, so a second accept (here or elsewhere) names the same one. */
export const transferIdOf = (proposalId: string, shipDate: string): string => derivedId('', proposalId, `-${shipDate}`);

const sameProposal = (a: RebalancingProposal, b: RebalancingProposal) =>
  a.quantity === b.quantity && a.unitCost === b.unitCost && a.shipDate === b.shipDate && a.arrivalDate === b.arrivalDate && a.needDate === b.needDate;

export function createRebalancingProposals(deps: RebalancingProposalsDeps) {
  const { store, repos, logger } = deps;
  const debounceMs = deps.debounceMs ?? 1000;
  const transferApprovalValue = deps.transferApprovalValue ?? 10_000;
  let service: RebalancingService | null = null;
  let status: RebalancingStatus = { state: 'unavailable', message: 'No rebalancing worker in this host: proposals are not computed.', computedAt: null };
  let results = new Map<string, ItemRebalancing>();
  let today: string | null = null;
  let pending: RebalanceChange[] = [];
  let reloadDue = true;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let closed = false;
  /** Live proposals (from the last solution) by id. */
  let live = new Map<string, RebalancingProposal>();

  function proposalsOf(result: ItemRebalancing, todayDate: string): RebalancingProposal[] {
    const item = repos.rebalancing.item(result.itemId);
    const horizonEnd = dateOf(dayOf(todayDate) + defaultRebalanceOptions.horizonDays);
    const coveredBefore = new Map<string, number>();
    return result.solution.shipments.map((shipment) => {
      const taker = result.problem.plants.find((plant) => plant.plant === shipment.toPlant);
      const lane = result.problem.lanes.find((l) => l.fromPlant === shipment.fromPlant && l.toPlant === shipment.toPlant);
      const needDate = taker?.needDate ?? null;
      // Revenue protected: the covered units fill the destination's customer orders from the need date on,
      // earliest first, after what earlier shipments to it cover; each order counts pro rata.
      const offset = coveredBefore.get(shipment.toPlant) ?? 0;
      coveredBefore.set(shipment.toPlant, offset + shipment.quantity);
      let revenueProtected = 0;
      if (needDate) {
        let at = 0;
        for (const order of repos.rebalancing.customerOrdersFrom(result.itemId, shipment.toPlant, needDate, horizonEnd)) {
          const overlap = Math.min(at + order.quantity, offset + shipment.quantity) - Math.max(at, offset);
          if (overlap > 0 && order.quantity > 0) revenueProtected += (order.value * overlap) / order.quantity;
          at += order.quantity;
          if (at >= offset + shipment.quantity) break;
        }
      }
      const id = proposalIdOf(result.itemId, shipment.fromPlant, shipment.toPlant);
      return {
        id,
        itemId: result.itemId,
        itemDescription: item?.description ?? result.itemId,
        fromPlant: shipment.fromPlant,
        toPlant: shipment.toPlant,
        quantity: shipment.quantity,
        unit: item?.unit ?? 'EA',
        shipDate: todayDate,
        arrivalDate: lane?.arrivalDate ?? todayDate,
        unitCost: shipment.unitCost,
        cost: shipment.cost,
        shortageCovered: Math.min(shipment.quantity, taker?.shortage ?? shipment.quantity),
        revenueProtected: Math.round(revenueProtected * 100) / 100,
        needDate,
        status: 'proposed',
        transferId: null,
        commandId: null,
        approvalId: null,
        decidedBy: null,
        reason: null,
      };
    });
  }

  function decidedRow(decision: RebalancingDecision): RebalancingProposal {
    const base = { ...decision.proposal, transferId: decision.transferId, commandId: decision.commandId, approvalId: decision.approvalId, decidedBy: decision.decidedBy, reason: decision.reason };
    if (decision.decision === 'rejected') return { ...base, status: 'rejected' };
    if (decision.decision === 'awaiting-approval') return { ...base, status: 'awaiting-approval' };
    if (decision.decision === 'refused') return { ...base, status: 'proposed', transferId: null, commandId: null, approvalId: null };
    const entry = decision.commandId ? repos.outbox.get(decision.commandId) : undefined;
    if (entry?.status === 'rejected') return { ...base, status: 'rejected', reason: 'Refused upstream by the ERP' };
    // Accepted on another workstation: this one has no command, the ERP has the transfer.
    const upstream = entry?.status === 'accepted' || entry?.status === 'duplicate' || (!entry && decision.transferId !== null && repos.planning.hasTransfer(decision.transferId));
    if (decision.receivedAt) return { ...base, status: 'received' };
    return { ...base, status: upstream ? 'in-transit' : 'accepted' };
  }

  /**
   * A proposal no decision here covers, as another workstation's request for approval left it: waiting
   * for a supervisor, or rejected by one (while it is still what was asked).
   */
  function askedElsewhere(proposal: RebalancingProposal, requests: ReadonlyMap<string, StoredApproval>): RebalancingProposal {
    const approval = requests.get(transferIdOf(proposal.id, proposal.shipDate));
    if (!approval?.transfer) return proposal;
    const asked = { ...proposal, approvalId: approval.id, decidedBy: approval.requestedBy, transferId: approval.transfer.transferId };
    if (approval.status === 'pending') return { ...asked, status: 'awaiting-approval' };
    if (approval.status === 'rejected' && approval.transfer.quantity === proposal.quantity) {
      return { ...asked, status: 'rejected', decidedBy: approval.decidedBy ?? asked.decidedBy, reason: `${approval.decidedBy ?? 'A supervisor'} rejected the transfer: ${approval.decisionReason ?? ''}` };
    }
    return proposal;
  }

  /** What the view shows: live proposals with the decisions taken on them, and accepted transfers still tracked. */
  function rows(): RebalancingProposal[] {
    const out = new Map<string, RebalancingProposal>();
    const decisions = new Map(repos.rebalancing.all().map((d) => [d.proposalId, d]));
    // The latest request per transfer, read once: not a query per proposal on every push.
    const asked = new Map<string, StoredApproval>();
    for (const approval of repos.approvals.list()) {
      const transferId = approval.transfer?.transferId;
      const known = transferId === undefined ? undefined : asked.get(transferId);
      if (transferId !== undefined && (!known || approval.requestedAt > known.requestedAt)) asked.set(transferId, approval);
    }
    for (const proposal of live.values()) {
      const decision = decisions.get(proposal.id);
      if (decision?.decision === 'accepted' && !(decision.receivedAt && decision.transferId !== transferIdOf(proposal.id, proposal.shipDate))) out.set(proposal.id, decidedRow(decision));
      else if (decision?.decision === 'rejected' && sameProposal(decision.proposal, proposal)) out.set(proposal.id, decidedRow(decision));
      else if (decision?.decision === 'awaiting-approval') out.set(proposal.id, decidedRow(decision));
      // The gateway refused the request for approval: open again, with why.
      else if (decision?.decision === 'refused') out.set(proposal.id, { ...proposal, reason: decision.reason });
      else out.set(proposal.id, askedElsewhere(proposal, asked));
    }
    for (const decision of decisions.values()) {
      if (!out.has(decision.proposalId) && (decision.decision === 'accepted' || decision.decision === 'awaiting-approval')) out.set(decision.proposalId, decidedRow(decision));
    }
    return [...out.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  const snapshot = (): RebalancingSnapshot => ({ status, proposals: status.state === 'unavailable' ? [] : rows() });
  const publish = () => deps.publish(snapshot());

  function rebuildLive(): void {
    live = new Map();
    if (today === null) return;
    for (const result of results.values()) for (const proposal of proposalsOf(result, today)) live.set(proposal.id, proposal);
  }

  async function recompute(): Promise<void> {
    if (!service) return;
    const started = performance.now();
    if (reloadDue) {
      reloadDue = false;
      pending = [];
      const data = repos.planning.load();
      if (!data) {
        status = { state: 'waiting-for-plan', message: 'Waiting for planning data from the ERP.', computedAt: null };
        return;
      }
      status = { ...status, state: 'computing', message: 'Computing proposals…' };
      publish();
      const { bomLines: _bomLines, ...input } = data;
      const summary = await service.load(input);
      today = data.today;
      results = new Map((await service.results()).map((result) => [result.itemId, result]));
      logger.info('Rebalancing solved', { items: summary.items, problems: summary.problems, shipped: summary.shipped, ms: Math.round(performance.now() - started) });
    } else {
      const changes = pending;
      pending = [];
      if (changes.length === 0) return;
      const outcome = await service.apply(changes);
      for (const itemId of outcome.cleared) results.delete(itemId);
      for (const result of outcome.changed) results.set(result.itemId, result);
    }
    rebuildLive();
    status = { state: 'ready', message: `Solved in ${Math.round(performance.now() - started)} ms.`, computedAt: deps.clock.now().toISOString() };
  }

  function run(): void {
    if (running) {
      again = true;
      return;
    }
    running = recompute()
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        if (!closed) logger.error('Rebalancing failed', { message });
        status = { state: 'failed', message: `Rebalancing failed: ${message}`, computedAt: status.computedAt };
        reloadDue = true;
      })
      .then(() => {
        running = null;
        if (!closed) publish();
        if (again && !closed) {
          again = false;
          run();
        }
      });
  }

  function schedule(delayMs = debounceMs): void {
    if (!service || closed || timer) return;
    timer = setTimeout(() => {
      timer = null;
      run();
    }, delayMs);
  }

  if (deps.startWorker) {
    service = createRebalancingService(deps.startWorker());
    status = { state: 'computing', message: 'Computing proposals…', computedAt: null };
    schedule(0);
  }

  function findProposal(proposalId: string): RebalancingProposal {
    const proposal = live.get(proposalId);
    if (!proposal) throw new ApiFailure('not-found', `proposalIds: no current proposal ${proposalId} (the balances may have changed)`);
    return proposal;
  }

  function decide(method: 'rebalancing.accept' | 'rebalancing.reject', proposalIds: readonly string[], act: (proposalId: string, now: string) => string | null): (string | null)[] {
    const outcomes = deps.commit(method, () => {
      if (!service) throw new ApiFailure('conflict', 'proposalIds: rebalancing is not computed in this host');
      const now = deps.clock.now().toISOString();
      return [...new Set(proposalIds)].map((proposalId) => act(proposalId, now));
    });
    publish();
    return outcomes;
  }

  const handlers = {
    'rebalancing.proposals': () => snapshot(),
    'rebalancing.accept': (rawArgs, context) => {
      const args = acceptProposalsArgsSchema.parse(rawArgs);
      const commandIds = decide('rebalancing.accept', args.proposalIds, (proposalId) => {
        const decided = repos.rebalancing.get(proposalId);
        // Another planner's transfer is theirs: said so, not answered as if this one had sent it.
        if (decided?.decision === 'accepted' && !decided.receivedAt && decided.decidedBy !== context.user) {
          throw new ApiFailure('conflict', `proposalIds: ${proposalId} was accepted by ${decided.decidedBy}; its transfer ${decided.transferId ?? ''} is on its way`);
        }
        // Idempotent: accepting what is accepted (and not yet received), or waiting for approval, answers with its command again.
        if (decided?.decision === 'accepted' && decided.commandId && !decided.receivedAt) return decided.commandId;
        if (decided?.decision === 'awaiting-approval' && decided.commandId) return decided.commandId;
        const proposal = findProposal(proposalId);
        const transferId = transferIdOf(proposal.id, proposal.shipDate);
        const asked = repos.approvals.latestForTransfer(transferId);
        // Another workstation's request waits for a supervisor (this workstation's own, refused by the gateway, does not).
        if (asked?.status === 'pending' && asked.id !== decided?.approvalId) throw new ApiFailure('conflict', `proposalIds: ${proposalId} was accepted by ${asked.requestedBy} and awaits a supervisor's approval (${asked.id})`);
        if (repos.planning.hasTransfer(transferId)) throw new ApiFailure('conflict', `proposalIds: ${proposalId} was accepted already; its transfer ${transferId} is on its way`);
        const { itemId, fromPlant, toPlant, quantity, unit } = proposal;
        // Policy: a supervisor approves a transfer of this value first; the transfer.request follows the approval.
        // Unique: a refused or rejected request is asked again under a new id.
        const approval =
          proposal.revenueProtected > transferApprovalValue
            ? {
                approvalId: `AP-${deps.newId()}`,
                // As a supervisor reads it in the Approvals grid: grouped figures, money with its currency.
                subject: `Transfer ${quantity.toLocaleString('en-US')} ${unit} of ${itemId} from ${fromPlant} to ${toPlant} (value ${repos.master.currency()} ${Math.round(proposal.revenueProtected).toLocaleString('en-US')})`,
              }
            : undefined;
        const acceptance: TransferAcceptance = { proposal, transferId, ...(approval ? { approval } : {}) };
        deps.engine.startByAction('transfer-accepted', transferId, acceptance, context.user);
        return repos.rebalancing.get(proposalId)?.commandId ?? null;
      });
      return { commandIds: commandIds.filter((id): id is string => id !== null) };
    },
    'rebalancing.reject': (rawArgs, context) => {
      const args = rejectProposalsArgsSchema.parse(rawArgs);
      const outcomes = decide('rebalancing.reject', args.proposalIds, (proposalId, now) => {
        const decided = repos.rebalancing.get(proposalId);
        if (decided?.decision === 'accepted' && !decided.receivedAt) throw new ApiFailure('conflict', `proposalIds: ${proposalId} was accepted by ${decided.decidedBy}; its transfer ${decided.transferId ?? ''} is on its way`);
        if (decided?.decision === 'awaiting-approval') throw new ApiFailure('conflict', `proposalIds: ${proposalId} was accepted by ${decided.decidedBy} and awaits a supervisor's approval (${decided.approvalId ?? ''})`);
        const proposal = findProposal(proposalId);
        repos.rebalancing.decide({ proposalId, decision: 'rejected', proposal, transferId: null, commandId: null, approvalId: null, decidedBy: context.user, decidedAt: now, reason: args.reason });
        repos.audit.append({ at: now, actor: context.user, action: 'rebalancing rejected', subject: proposalId, detail: { reason: args.reason, quantity: proposal.quantity, cost: proposal.cost } });
        return proposalId;
      });
      return { rejected: outcomes.length };
    },
  } satisfies Handlers<RebalancingApi>;

  /**
   * Stock transport orders the ERP created for a proposal accepted on another workstation: recorded
   * as accepted by whoever did, with the figures of this workstation's proposal for that lane (the same
   * plan, so the same proposal) and the transfer's own quantity and dates, so the view shows it on its way.
   */
  function noteTransfersUpstream(): boolean {
    const heard = deps.changes.takeTransfersUpstream().filter(({ transfer }) => {
      const proposalId = proposalIdOf(transfer.itemId, transfer.fromPlant, transfer.toPlant);
      if (transferIdOf(proposalId, transfer.shipDate) !== transfer.id) return false;
      const decided = repos.rebalancing.get(proposalId);
      return !(decided?.decision === 'accepted' && decided.transferId === transfer.id);
    });
    if (heard.length === 0) return false;
    try {
      store.durableTransaction(() => {
        const now = deps.clock.now().toISOString();
        for (const { transfer, by, commandId } of heard) {
          const proposalId = proposalIdOf(transfer.itemId, transfer.fromPlant, transfer.toPlant);
          const seen = live.get(proposalId) ?? repos.rebalancing.get(proposalId)?.proposal;
          const unitCost = seen?.unitCost ?? repos.planning.lane(transfer.fromPlant, transfer.toPlant)?.costPerUnit ?? 0;
          const item = repos.rebalancing.item(transfer.itemId);
          const proposal: RebalancingProposal = {
            id: proposalId,
            itemId: transfer.itemId,
            itemDescription: item?.description ?? transfer.itemId,
            fromPlant: transfer.fromPlant,
            toPlant: transfer.toPlant,
            quantity: transfer.quantity,
            unit: item?.unit ?? 'EA',
            shipDate: transfer.shipDate,
            arrivalDate: transfer.arrivalDate,
            unitCost,
            cost: Math.round(unitCost * transfer.quantity * 100) / 100,
            shortageCovered: Math.min(transfer.quantity, seen?.shortageCovered ?? 0),
            revenueProtected: seen?.revenueProtected ?? 0,
            needDate: seen?.needDate ?? null,
            status: 'in-transit',
            transferId: transfer.id,
            commandId,
            approvalId: repos.approvals.latestForTransfer(transfer.id)?.id ?? null,
            decidedBy: by,
            reason: null,
          };
          repos.rebalancing.decide({ proposalId, decision: 'accepted', proposal, transferId: transfer.id, commandId, approvalId: proposal.approvalId, decidedBy: by, decidedAt: now, reason: null });
        }
      });
    } catch (error) {
      deps.changes.discard();
      throw error;
    }
    return true;
  }

  return {
    handlers,
    /** A change to the plan (inside a transaction): gathered, then re-solved after the debounce. */
    planChanged(change: PlanChange): void {
      if (!service) return;
      pending.push(change);
      schedule();
    },
    /** The planning data was replaced (a snapshot) or a transaction rolled back: load it all again. */
    planReplaced(): void {
      if (!service) return;
      reloadDue = true;
      schedule();
    },
    /**
     * After any commit: a reply may have moved an accepted transfer along (accepted upstream, refused), or
     * a supervisor decided one; `transferApprovalChanged`: a transfer's approval was asked for or decided.
     */
    committed(heard: { transferApprovalChanged?: boolean } = {}): void {
      if (noteTransfersUpstream()) {
        publish();
        deps.afterDecision();
      } else if (heard.transferApprovalChanged && service) {
        publish();
      }
      if (service && repos.rebalancing.anySentUnanswered()) schedule();
    },
    snapshot,
    async close(): Promise<void> {
      closed = true;
      if (timer) clearTimeout(timer);
      await service?.close();
      await running;
    },
  };
}
export type RebalancingProposals = ReturnType<typeof createRebalancingProposals>;
