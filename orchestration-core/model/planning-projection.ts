// What events and accepted commands change in the planning data: SQLite first, then the plan index
// through the change tracker (same transaction, so a workflow right after sees the new plan).
import type { CanonicalCommand } from '../../shared/commands';
import type { ProductionOrder } from '../../shared/dataset';
import type { CanonicalEvent } from '../../shared/events';
import type { ChangeTracker } from '../engine/change-tracker';
import { derivedId } from '../engine/derived-ids';
import type { Repos } from '../store/repos';

function movePoLine(poLineId: string, expectedDate: string, asnId: string | null, repos: Repos, changes: ChangeTracker): void {
  const line = repos.planning.poLine(poLineId);
  if (!line) throw new Error(`poLineId: no PO schedule line ${poLineId} in the local cache`);
  if (line.expectedDate === expectedDate && line.asnId === (asnId ?? line.asnId)) return;
  const updated = { ...line, expectedDate, asnId: asnId ?? line.asnId };
  repos.planning.putPoLine(updated);
  changes.planChanged({ kind: 'poLine', poLine: updated });
}

export function projectPlanningEvent(event: CanonicalEvent, repos: Repos, changes: ChangeTracker): void {
  switch (event.type) {
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
    case 'line.restarted': {
      // The stoppage's exception says when the line ran again; its orders keep what the planner chose.
      const exceptionId = derivedId('EX-', event.payload.stoppageId);
      const stored = repos.exceptions.get(exceptionId);
      if (stored && 'stoppageId' in stored.detail) {
        repos.exceptions.setDetail(exceptionId, { ...stored.detail, restartedOn: event.payload.on });
        changes.exceptionChanged(exceptionId);
      }
      return;
    }
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
