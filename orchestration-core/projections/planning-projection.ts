// What events and accepted commands change in the planning data: SQLite first, then the plan index
// through the change tracker (same transaction, so a workflow right after sees the new plan).
import type { CanonicalCommand } from '../../shared/commands';
import type { PoLine, ProductionOrder } from '../../shared/dataset';
import type { CanonicalEvent, EventPayload } from '../../shared/events';
import type { ChangeTracker } from '../engine/change-tracker';
import type { PlanAnalysis } from '../engine/workflow';
import type { Repos } from '../store/repos';
import { applyAnswerHeard } from './exception-answer-projection';
import type { LineStopRecords } from './line-stop-records';

function movePoLine(poLineId: string, expectedDate: string, asnId: string | null, repos: Repos, changes: ChangeTracker): void {
  const line = repos.planning.poLine(poLineId);
  if (!line) throw new Error(`poLineId: no PO schedule line ${poLineId} in the local cache`);
  if (line.expectedDate === expectedDate && line.asnId === (asnId ?? line.asnId)) return;
  const updated = { ...line, expectedDate, asnId: asnId ?? line.asnId };
  repos.planning.putPoLine(updated);
  changes.planChanged({ kind: 'poLine', poLine: updated });
}

/** The same record, field by field (the store and the wire may list keys in another order). */
function samePoLine(a: PoLine | undefined, b: PoLine): boolean {
  return a !== undefined && a.supplierId === b.supplierId && a.itemId === b.itemId && a.plant === b.plant && a.quantity === b.quantity && a.expectedDate === b.expectedDate && a.confirmed === b.confirmed && a.asnId === b.asnId;
}

function sameOrder(a: ProductionOrder | undefined, b: ProductionOrder): boolean {
  const componentsOf = (order: ProductionOrder) => order.components.map((c) => `${c.itemId}:${c.quantity}`).join(' ');
  return (
    a !== undefined && a.itemId === b.itemId && a.plant === b.plant && a.line === b.line && a.quantity === b.quantity && a.startDate === b.startDate &&
    a.dueDate === b.dueDate && a.priority === b.priority && componentsOf(a) === componentsOf(b)
  );
}

/** A planning record the ERP changed on a command, this workstation's or another's: the plan follows. */
function applyUpstreamChange(payload: EventPayload<'planning.changed'>, repos: Repos, changes: ChangeTracker, lineStops: LineStopRecords, plan: PlanAnalysis | null): void {
  // Without planning data there is no plan to change: the next snapshot brings it whole.
  if (repos.planning.today() === null) return;
  const { change } = payload;
  switch (change.kind) {
    case 'poLine':
      if (samePoLine(repos.planning.poLine(change.poLine.id), change.poLine)) return;
      repos.planning.putPoLine(change.poLine);
      changes.planChanged(change);
      return;
    case 'productionOrder': {
      const before = repos.planning.productionOrder(change.order.id);
      if (sameOrder(before, change.order)) return;
      putProductionOrder(change.order, repos, changes);
      if (before) lineStops.orderMoved(before, change.order, payload, plan);
      return;
    }
    case 'transfer':
      if (!repos.planning.hasTransfer(change.transfer.id)) {
        repos.planning.putTransfer(change.transfer);
        changes.planChanged(change);
      }
      changes.transferUpstream({ transfer: change.transfer, by: payload.changedBy, commandId: payload.commandId });
      return;
  }
}

export function projectPlanningEvent(event: CanonicalEvent, repos: Repos, changes: ChangeTracker, lineStops: LineStopRecords, plan: PlanAnalysis | null = null): void {
  switch (event.type) {
    case 'planning.changed':
      applyUpstreamChange(event.payload, repos, changes, lineStops, plan);
      return;
    case 'exception.answered':
      applyAnswerHeard(event.payload, repos, changes, lineStops, event.stream === 'snapshot');
      return;
    // Lot events reach the plan through the lot projection, which knows the stock it wrote.
    case 'asn.delayed':
      movePoLine(event.payload.poLineId, event.payload.newDate, event.payload.asnId, repos, changes);
      return;
    case 'goods.received': {
      // A delivery of a PO line arrived: its stock is the received lot now, no longer open supply.
      const { poLineId, transferId } = event.payload;
      if (poLineId !== undefined && repos.planning.removePoLine(poLineId)) changes.planChanged({ kind: 'poLineRemoved', id: poLineId });
      // A stock transport order arrived: its stock is the received lot now, no longer inbound.
      if (transferId === undefined) return;
      if (repos.planning.removeTransfer(transferId)) changes.planChanged({ kind: 'transferRemoved', id: transferId });
      repos.rebalancing.markReceived(transferId, event.occurredAt);
      return;
    }
    case 'line.restarted':
      lineStops.restarted(event.payload.stoppageId, event.payload.on);
      return;
  }
}

function putProductionOrder(order: ProductionOrder, repos: Repos, changes: ChangeTracker): void {
  repos.planning.putProductionOrder(order);
  changes.planChanged({ kind: 'productionOrder', order });
}

/** The gateway accepted one of our planning commands: the plan takes its effect. */
export function projectAcceptedPlanningCommand(command: CanonicalCommand, repos: Repos, changes: ChangeTracker): void {
  switch (command.type) {
    case 'po.updateReceiptDate':
      movePoLine(command.payload.poLineId, command.payload.receiptDate, null, repos, changes);
      return;
    case 'po.expedite':
      movePoLine(command.payload.poLineId, command.payload.requestedDate, null, repos, changes);
      return;
    case 'po.create': {
      const { poLineId, requestedDate, reason: _reason, ...rest } = command.payload;
      const poLine = { id: poLineId, ...rest, expectedDate: requestedDate, confirmed: false, asnId: null };
      repos.planning.putPoLine(poLine);
      changes.planChanged({ kind: 'poLine', poLine });
      return;
    }
    case 'transfer.request': {
      const { transferId, reason: _reason, ...rest } = command.payload;
      const transfer = { id: transferId, ...rest };
      repos.planning.putTransfer(transfer);
      changes.planChanged({ kind: 'transfer', transfer });
      return;
    }
    case 'production.reschedule': {
      const order = repos.planning.productionOrder(command.payload.productionOrderId);
      if (order) putProductionOrder({ ...order, startDate: command.payload.startDate, dueDate: command.payload.dueDate }, repos, changes);
      return;
    }
    case 'production.reroute': {
      const order = repos.planning.productionOrder(command.payload.productionOrderId);
      const { toPlant, toLine, startDate, dueDate } = command.payload;
      if (order) putProductionOrder({ ...order, plant: toPlant, line: toLine, startDate, dueDate }, repos, changes);
      return;
    }
    case 'substitution.apply': {
      const { fromItemId, toItemId } = command.payload;
      for (const id of command.payload.productionOrderIds) {
        const order = repos.planning.productionOrder(id);
        if (order) putProductionOrder({ ...order, components: order.components.map((c) => (c.itemId === fromItemId ? { ...c, itemId: toItemId } : c)) }, repos, changes);
      }
      return;
    }
  }
}
