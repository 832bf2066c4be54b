// The simulated WMS and inventory book's side of a cycle count: picks paused and released on a bin, a
// recount asked for, and the one adjustment a count may take, checked against the count itself and,
// above tolerance, against the supervisor's approval it names. Each answer is a refusal naming the
// field, or null when applied.
import type { CommandPayload } from '../shared/commands';
import { adjustmentApprovalId, varianceOf, type AdjustmentRequest, type CycleCountSettings } from '../shared/cycle-count';
import type { EventPayload, EventType } from '../shared/events';
import type { GatewayStore } from './gateway-store';
import type { LotRecord } from './records';

export interface CycleCountDeskDeps {
  store: GatewayStore;
  clock: () => Date;
  /** The ERP's tolerances: an adjustment above them needs a supervisor's approval, whatever a workstation's settings say. */
  tolerances: CycleCountSettings;
  /** Puts an event on the plant's WMS stream. */
  publishPlant<T extends EventType>(plant: string, type: T, correlationId: string, payload: EventPayload<T>): void;
  /** Puts an event on the ERP's stream. */
  publishErp<T extends EventType>(type: T, correlationId: string, payload: EventPayload<T>): void;
  /** The book changed a lot: every workstation hears it. */
  lotChanged(lot: LotRecord, changedBy: string, reason: string): void;
}

type BinCommand = CommandPayload<'wms.pickPause'>;

const sameQuantity = (a: number, b: number): boolean => Math.abs(a - b) < 0.0005;

export class CycleCountDesk {
  constructor(private readonly deps: CycleCountDeskDeps) {}

  /** The count a bin command is on account of, at that plant and bin. */
  private countFor(payload: BinCommand): string | null {
    const stored = this.deps.store.cycleCounts.get(payload.countId);
    if (!stored) return `payload.countId: ${payload.countId} is no cycle count this gateway holds`;
    const { plant, bin } = stored.count;
    if (plant !== payload.plant || bin !== payload.bin) return `payload.bin: count ${payload.countId} is of bin ${bin} at ${plant}, not ${payload.bin} at ${payload.plant}`;
    return null;
  }

  /** Paused for this count: a bin paused already (a recount above tolerance again) is now this count's to release. */
  pause(payload: BinCommand, issuedBy: string): string | null {
    const wrong = this.countFor(payload);
    if (wrong) return wrong;
    const { cycleCounts } = this.deps.store;
    const already = cycleCounts.pausedBy(payload.plant, payload.bin);
    cycleCounts.pauseBin(payload.plant, payload.bin, payload.countId, this.deps.clock().toISOString());
    if (!already) this.deps.publishPlant(payload.plant, 'bin.picksChanged', payload.countId, { ...payload, paused: true, changedBy: issuedBy });
    return null;
  }

  /** Released by the count that paused it, or by a recount of that count; another count's word does not lift a pause. */
  release(payload: BinCommand, issuedBy: string): string | null {
    const wrong = this.countFor(payload);
    if (wrong) return wrong;
    const { cycleCounts } = this.deps.store;
    const pausedBy = cycleCounts.pausedBy(payload.plant, payload.bin);
    if (!pausedBy) return null;
    if (pausedBy !== payload.countId && cycleCounts.get(payload.countId)?.count.recountOf !== pausedBy) {
      return `payload.countId: bin ${payload.bin} is paused for count ${pausedBy}; count ${payload.countId} does not release it`;
    }
    cycleCounts.releaseBin(payload.plant, payload.bin);
    this.deps.publishPlant(payload.plant, 'bin.picksChanged', payload.countId, { ...payload, paused: false, changedBy: issuedBy });
    return null;
  }

  /** The WMS sends its counters again: the bin stays paused until the new count settles (the simulator's next count is it). */
  recount(payload: BinCommand): string | null {
    const wrong = this.countFor(payload);
    if (wrong) return wrong;
    this.deps.store.cycleCounts.askRecount(payload.countId, this.deps.clock().toISOString());
    return null;
  }

  /** An adjustment approval asks about a count this gateway holds, as it was counted, and not yet settled. */
  checkRequest(adjustment: AdjustmentRequest): string | null {
    const stored = this.deps.store.cycleCounts.get(adjustment.countId);
    if (!stored) return `payload.adjustment.countId: ${adjustment.countId} is no cycle count this gateway holds`;
    const { count, adjustedBy } = stored;
    if (adjustedBy) return `payload.adjustment.countId: ${adjustment.countId} was adjusted already (command ${adjustedBy})`;
    if (!sameQuantity(count.countedQuantity, adjustment.countedQuantity) || !sameQuantity(count.bookQuantity, adjustment.bookQuantity) || count.countedBy !== adjustment.countedBy) {
      return `payload.adjustment: differs from count ${count.countId} (${count.countedQuantity} counted by ${count.countedBy}, ${count.bookQuantity} on the book)`;
    }
    return null;
  }

  adjust(payload: CommandPayload<'inventory.adjust'>, issuedBy: string, commandId: string): string | null {
    const { store } = this.deps;
    const stored = store.cycleCounts.get(payload.countId);
    if (!stored) return `payload.countId: ${payload.countId} is no cycle count this gateway holds`;
    const { count, adjustedBy } = stored;
    if (adjustedBy) return `payload.countId: ${payload.countId} was adjusted already (command ${adjustedBy})`;
    if (count.plant !== payload.plant || count.bin !== payload.bin || count.itemId !== payload.itemId) return `payload.bin: count ${count.countId} is of ${count.itemId} in bin ${count.bin} at ${count.plant}`;
    const difference = count.countedQuantity - count.bookQuantity;
    if (!sameQuantity(difference, payload.quantity)) return `payload.quantity: count ${count.countId} differs from its book by ${Math.round(difference * 1000) / 1000} ${count.unit}, not ${payload.quantity}`;
    // The book moved since the count (a posting, another count's adjustment): the difference no longer holds.
    const lot = count.lotId === undefined ? undefined : store.lot(count.lotId);
    if (lot && !sameQuantity(lot.quantity, count.bookQuantity)) return `payload.countId: the book of lot ${lot.lotId} changed since count ${count.countId} (${count.bookQuantity} ${count.unit} then, ${lot.quantity} now); count the bin again`;
    const asked = store.approvals.get(adjustmentApprovalId(count.countId));
    if (payload.approvalId === undefined) {
      // Asked for a supervisor's approval, or above the ERP's tolerance: nothing is adjusted without one.
      if (asked) return `payload.approvalId: count ${count.countId} waits for the supervisor's approval ${asked.approvalId}`;
      const variance = varianceOf(count, this.deps.tolerances);
      if (!variance.withinTolerance) {
        const tolerance = this.deps.tolerances.tolerance[count.itemClass];
        return `payload.approvalId: count ${count.countId} is above class ${count.itemClass} tolerance (${variance.percent} % and ${variance.value} against ${tolerance.quantityPercent} % and ${tolerance.value}); it needs a supervisor's approval`;
      }
    } else {
      const approval = store.approvals.get(payload.approvalId);
      if (!approval || approval.request.kind !== 'adjustment' || approval.request.adjustment.countId !== count.countId) return `payload.approvalId: ${payload.approvalId} is no adjustment approval of count ${count.countId}`;
      if (approval.decision !== 'approve') return `payload.approvalId: ${payload.approvalId} has not been approved`;
      if (approval.decidedBy !== payload.approvedBy) return `payload.approvedBy: ${payload.approvalId} was approved by ${approval.decidedBy}, not ${payload.approvedBy}`;
      store.approvals.markUsed(payload.approvalId, commandId);
    }
    store.cycleCounts.adjusted(count.countId, commandId);
    const at = this.deps.clock().toISOString();
    const reason = `cycle count ${count.countId} of bin ${count.bin}: ${payload.reason}`;
    if (lot) {
      const updated = store.updateLot(lot.lotId, { quantity: Math.max(0, Math.round((lot.quantity + payload.quantity) * 1000) / 1000), version: lot.version + 1 });
      this.deps.lotChanged(updated, issuedBy, reason);
    }
    this.deps.publishErp('inventory.adjusted', count.countId, {
      countId: count.countId,
      plant: count.plant,
      bin: count.bin,
      itemId: count.itemId,
      ...(count.lotId === undefined ? {} : { lotId: count.lotId }),
      quantity: payload.quantity,
      unit: count.unit,
      adjustedBy: issuedBy,
      adjustedAt: at,
      ...(payload.approvalId === undefined ? {} : { approvalId: payload.approvalId }),
    });
    return null;
  }
}
