// What events and accepted commands change in the planning data: SQLite first, then the plan index
// through the change tracker (same transaction, so a workflow right after sees the new plan).
import type { CanonicalCommand } from '../../shared/commands';
import type { CanonicalEvent } from '../../shared/events';
import type { ChangeTracker } from '../engine/change-tracker';
import type { Repos } from '../store/repos';

/** A lot's stock moved: it is supply (when unrestricted) for the plan. */
export function planLotChanged(lotId: string, repos: Repos, changes: ChangeTracker): void {
  const lot = repos.lots.get(lotId);
  if (lot) changes.planChanged({ kind: 'lot', lot: { lotId: lot.lotId, itemId: lot.itemId, plant: lot.plant, quantity: lot.quantity, stockType: lot.stockType } });
}

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
    case 'asn.delayed':
      movePoLine(event.payload.poLineId, event.payload.newDate, event.payload.asnId, repos, changes);
      return;
    default:
      if ('lotId' in event.payload) planLotChanged(event.payload.lotId, repos, changes);
  }
}

export function projectAcceptedPlanningCommand(command: CanonicalCommand, repos: Repos, changes: ChangeTracker): void {
  switch (command.type) {
    case 'po.updateReceiptDate':
      movePoLine(command.payload.poLineId, command.payload.receiptDate, null, repos, changes);
      return;
    case 'lot.setStatus':
    case 'lot.disposition':
      planLotChanged(command.payload.lotId, repos, changes);
  }
}
